using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AnnouncementFanOutCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FanOutCursor",
                table: "Announcements",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FanOutCursor",
                table: "Announcements");
        }
    }
}
