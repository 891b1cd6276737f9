using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.Migrations
{
    /// <inheritdoc />
    public partial class KfAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnouncementGroupSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementGroupSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementGroupSends_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnouncementGroupSends_Grids_GridId",
                        column: x => x.GridId,
                        principalTable: "Grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnouncementGroupSends_Outbox_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "Outbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementGroupSends_AnnouncementId_GridId_Part",
                table: "AnnouncementGroupSends",
                columns: new[] { "AnnouncementId", "GridId", "Part" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementGroupSends_GridId",
                table: "AnnouncementGroupSends",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementGroupSends_OutboxMessageId",
                table: "AnnouncementGroupSends",
                column: "OutboxMessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnouncementGroupSends");
        }
    }
}
