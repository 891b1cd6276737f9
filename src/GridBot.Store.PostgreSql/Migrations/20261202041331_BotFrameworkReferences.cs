using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridBot.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BotFrameworkReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BotFrameworkConversationReferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    BotId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    BotName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IsGroup = table.Column<bool>(type: "boolean", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotFrameworkConversationReferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BotFrameworkMemberReferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    BotId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PrivateConversationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotFrameworkMemberReferences", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BotFrameworkConversationReferences_Channel_ConversationId",
                table: "BotFrameworkConversationReferences",
                columns: new[] { "Channel", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BotFrameworkMemberReferences_Channel_UserId",
                table: "BotFrameworkMemberReferences",
                columns: new[] { "Channel", "UserId" },
                unique: true);

            // The demo chat page moved from channel "webchat" (Bot Framework's name for Microsoft's Web Chat) to its
            // own "demo": its groups, people, tickets, feed and open dialogs move with it, so they keep working.
            foreach (var table in new[] { "Chats", "Members", "Tickets", "TicketReporters", "Outbox", "ConsoleSignInLinks" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Channel\" = 'demo' WHERE \"Channel\" = 'webchat';");
            }

            migrationBuilder.Sql("UPDATE \"DialogStates\" SET \"Key\" = 'demo|' || substr(\"Key\", 9) WHERE \"Key\" LIKE 'webchat|%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Chats", "Members", "Tickets", "TicketReporters", "Outbox", "ConsoleSignInLinks" })
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Channel\" = 'webchat' WHERE \"Channel\" = 'demo';");
            }

            migrationBuilder.Sql("UPDATE \"DialogStates\" SET \"Key\" = 'webchat|' || substr(\"Key\", 6) WHERE \"Key\" LIKE 'demo|%';");

            migrationBuilder.DropTable(
                name: "BotFrameworkConversationReferences");

            migrationBuilder.DropTable(
                name: "BotFrameworkMemberReferences");
        }
    }
}
