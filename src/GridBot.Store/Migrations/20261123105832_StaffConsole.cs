using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridBot.Store.Migrations
{
    /// <inheritdoc />
    public partial class StaffConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsoleSignInLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsoleSignInLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_DeadlineUtc_ResolvedUtc",
                table: "Tickets",
                columns: new[] { "DeadlineUtc", "ResolvedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsoleSignInLinks_TokenHash",
                table: "ConsoleSignInLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsoleSignInLinks");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_DeadlineUtc_ResolvedUtc",
                table: "Tickets");
        }
    }
}
