using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.Migrations
{
    /// <inheritdoc />
    public partial class Announcements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PublisherId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublisherName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequireAck = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScheduledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnouncementAcks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementAcks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementAcks_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnouncementAcks_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnouncementDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementDeliveries_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnouncementDeliveries_Chats_ChatId",
                        column: x => x.ChatId,
                        principalTable: "Chats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnouncementTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementTargets_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnouncementTargets_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnouncementDeliveryParts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementDeliveryParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementDeliveryParts_AnnouncementDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "AnnouncementDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnouncementDeliveryParts_Outbox_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "Outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementAcks_AnnouncementId_MemberId",
                table: "AnnouncementAcks",
                columns: new[] { "AnnouncementId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementAcks_MemberId",
                table: "AnnouncementAcks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementDeliveries_AnnouncementId_ChatId",
                table: "AnnouncementDeliveries",
                columns: new[] { "AnnouncementId", "ChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementDeliveries_ChatId_AnnouncementId",
                table: "AnnouncementDeliveries",
                columns: new[] { "ChatId", "AnnouncementId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementDeliveryParts_DeliveryId_Part",
                table: "AnnouncementDeliveryParts",
                columns: new[] { "DeliveryId", "Part" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementDeliveryParts_OutboxMessageId",
                table: "AnnouncementDeliveryParts",
                column: "OutboxMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Number",
                table: "Announcements",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PublishedUtc_ScheduledUtc",
                table: "Announcements",
                columns: new[] { "PublishedUtc", "ScheduledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementTargets_AnnouncementId_GridId",
                table: "AnnouncementTargets",
                columns: new[] { "AnnouncementId", "GridId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementTargets_GridId",
                table: "AnnouncementTargets",
                column: "GridId");

            // Raw SQL because EF cannot express it (SQLite only, see SqliteAnnouncementSearch): a trigram FTS5 index over
            // title and body, kept in step by triggers so it changes in the same transaction as the announcement row.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE AnnouncementText USING fts5(Title, Body, tokenize='trigram');");
            migrationBuilder.Sql("""
                CREATE TRIGGER AnnouncementText_Insert AFTER INSERT ON Announcements BEGIN
                    INSERT INTO AnnouncementText (rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AnnouncementText_Update AFTER UPDATE OF Title, Body ON Announcements BEGIN
                    UPDATE AnnouncementText SET Title = new.Title, Body = new.Body WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AnnouncementText_Delete AFTER DELETE ON Announcements BEGIN
                    DELETE FROM AnnouncementText WHERE rowid = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AnnouncementText_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AnnouncementText_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AnnouncementText_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS AnnouncementText;");

            migrationBuilder.DropTable(
                name: "AnnouncementAcks");

            migrationBuilder.DropTable(
                name: "AnnouncementDeliveryParts");

            migrationBuilder.DropTable(
                name: "AnnouncementTargets");

            migrationBuilder.DropTable(
                name: "AnnouncementDeliveries");

            migrationBuilder.DropTable(
                name: "Announcements");
        }
    }
}
