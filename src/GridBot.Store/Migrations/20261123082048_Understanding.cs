using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.Migrations
{
    /// <inheritdoc />
    public partial class Understanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Report",
                table: "TicketReporters",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Report",
                table: "TicketReporters");
        }
    }
}
