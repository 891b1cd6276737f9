using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.Migrations
{
    /// <inheritdoc />
    public partial class Kf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerGroups_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GroupMessageSkips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMessageSkips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupMessageTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    WeComMsgid = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderDay = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RemindersOnDay = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReminderUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMessageTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KfContactLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenKfId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KfContactLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KfContactLinks_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KfCursors",
                columns: table => new
                {
                    OpenKfId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KfCursors", x => x.OpenKfId);
                });

            migrationBuilder.CreateTable(
                name: "KfSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenKfId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Scene = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    GridId = table.Column<int>(type: "INTEGER", nullable: true),
                    LastCustomerMessageUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepliesLeft = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServicerUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KfSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KfSessions_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GroupMessageTaskChats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMessageTaskChats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupMessageTaskChats_GroupMessageTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "GroupMessageTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGroups_ChatId",
                table: "CustomerGroups",
                column: "ChatId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGroups_GridId",
                table: "CustomerGroups",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMessageSkips_OutboxMessageId",
                table: "GroupMessageSkips",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMessageTaskChats_ChatId",
                table: "GroupMessageTaskChats",
                column: "ChatId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMessageTaskChats_TaskId",
                table: "GroupMessageTaskChats",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMessageTasks_OutboxMessageId",
                table: "GroupMessageTasks",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMessageTasks_Status",
                table: "GroupMessageTasks",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_KfContactLinks_GridId",
                table: "KfContactLinks",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_KfContactLinks_OpenKfId_GridId",
                table: "KfContactLinks",
                columns: new[] { "OpenKfId", "GridId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KfSessions_GridId",
                table: "KfSessions",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_KfSessions_OpenKfId_ExternalUserId",
                table: "KfSessions",
                columns: new[] { "OpenKfId", "ExternalUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerGroups");

            migrationBuilder.DropTable(
                name: "GroupMessageSkips");

            migrationBuilder.DropTable(
                name: "GroupMessageTaskChats");

            migrationBuilder.DropTable(
                name: "KfContactLinks");

            migrationBuilder.DropTable(
                name: "KfCursors");

            migrationBuilder.DropTable(
                name: "KfSessions");

            migrationBuilder.DropTable(
                name: "GroupMessageTasks");
        }
    }
}
