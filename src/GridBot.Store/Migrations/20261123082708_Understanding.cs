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
                name: "PlaceBuilding",
                table: "Tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceEstate",
                table: "Tickets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceFloor",
                table: "Tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceLandmark",
                table: "Tickets",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceRoad",
                table: "Tickets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceRoom",
                table: "Tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlaceUnit",
                table: "Tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

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
                name: "PlaceBuilding",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PlaceEstate",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PlaceFloor",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PlaceLandmark",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PlaceRoad",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PlaceRoom",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PlaceUnit",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Report",
                table: "TicketReporters");
        }
    }
}
