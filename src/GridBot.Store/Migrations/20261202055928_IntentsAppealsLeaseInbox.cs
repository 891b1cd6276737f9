using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.Migrations
{
    /// <inheritdoc />
    public partial class IntentsAppealsLeaseInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTime>(
                name: "DeadlineUtc",
                table: "Tickets",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "AppealType",
                table: "Tickets",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Complaint");

            migrationBuilder.AddColumn<DateTime>(
                name: "RaisedToLeaderUtc",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UrgeCount",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AiBotLeases",
                columns: table => new
                {
                    BotId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiBotLeases", x => x.BotId);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeEntries_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TurnInbox",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ActivityJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    LateChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LateConversationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LateServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    AcceptedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TurnInbox", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GridId_AppealType",
                table: "Tickets",
                columns: new[] { "GridId", "AppealType" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvents_Action_AtUtc",
                table: "TicketEvents",
                columns: new[] { "Action", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_GridId_Question",
                table: "KnowledgeEntries",
                columns: new[] { "GridId", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TurnInbox_AcceptedUtc",
                table: "TurnInbox",
                column: "AcceptedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AiBotLeases");

            migrationBuilder.DropTable(
                name: "KnowledgeEntries");

            migrationBuilder.DropTable(
                name: "TurnInbox");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GridId_AppealType",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_TicketEvents_Action_AtUtc",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "AppealType",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "RaisedToLeaderUtc",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "UrgeCount",
                table: "Tickets");

            migrationBuilder.AlterColumn<DateTime>(
                name: "DeadlineUtc",
                table: "Tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
