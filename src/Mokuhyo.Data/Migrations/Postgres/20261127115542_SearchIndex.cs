using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mokuhyo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublishedReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndexVersion = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MunicipalitySlug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MunicipalityName = table.Column<string>(type: "text", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DepartmentName = table.Column<string>(type: "text", nullable: false),
                    DepartmentOrder = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Anchor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GoalNumber = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: false),
                    RatingOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RatingLabel = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Folded = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_PublishedReports_PublishedReportId",
                        column: x => x.PublishedReportId,
                        principalTable: "PublishedReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_DepartmentId",
                table: "SearchEntries",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_FiscalYear_MunicipalityCode_DepartmentOrder_P~",
                table: "SearchEntries",
                columns: new[] { "FiscalYear", "MunicipalityCode", "DepartmentOrder", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_PublishedReportId",
                table: "SearchEntries",
                column: "PublishedReportId");

            // The full-text index: pg_trgm's GIN index over the folded text serves LIKE '%term%'.
            // pg_trgm is a trusted extension: the database owner may create it.
            migrationBuilder.Sql("""CREATE EXTENSION IF NOT EXISTS pg_trgm;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Folded_Trigram" ON "SearchEntries" USING gin ("Folded" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Folded_Trigram";""");

            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
