using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mokuhyo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchFilterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_City",
                table: "SearchEntries",
                columns: new[] { "MunicipalitySlug", "FiscalYear", "DepartmentCode", "RatingOutcome" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Department",
                table: "SearchEntries",
                columns: new[] { "DepartmentCode", "FiscalYear", "RatingOutcome" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Filters",
                table: "SearchEntries",
                columns: new[] { "Id", "FiscalYear", "MunicipalitySlug", "DepartmentCode", "RatingOutcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_City",
                table: "SearchEntries");

            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Department",
                table: "SearchEntries");

            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Filters",
                table: "SearchEntries");
        }
    }
}
