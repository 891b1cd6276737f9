using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConvIntents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RaisedToLeaderUtc",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UrgeCount",
                table: "Tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvents_Action_AtUtc",
                table: "TicketEvents",
                columns: new[] { "Action", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketEvents_Action_AtUtc",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "RaisedToLeaderUtc",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "UrgeCount",
                table: "Tickets");
        }
    }
}
