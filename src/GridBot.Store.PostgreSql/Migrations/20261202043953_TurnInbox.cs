using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TurnInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TurnInbox",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ActivityJson = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    LateChannel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LateConversationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LateServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    AcceptedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurnInbox", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TurnInbox_AcceptedUtc",
                table: "TurnInbox",
                column: "AcceptedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TurnInbox");
        }
    }
}
