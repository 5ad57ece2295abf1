using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mokuhyo.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndexVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MunicipalitySlug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MunicipalityName = table.Column<string>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", nullable: false),
                    DepartmentOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GoalNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    RatingOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RatingLabel = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Folded = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "IX_SearchEntries_FiscalYear_MunicipalityCode_DepartmentOrder_Position",
                table: "SearchEntries",
                columns: new[] { "FiscalYear", "MunicipalityCode", "DepartmentOrder", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_PublishedReportId",
                table: "SearchEntries",
                column: "PublishedReportId");

            // The full-text index: FTS5 with the trigram tokenizer over the folded text, its content
            // read from SearchEntries and kept in step by triggers, in the same transaction as each write.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntriesFts" USING fts5("Folded", content='SearchEntries', content_rowid='Id', tokenize='trigram case_sensitive 1');
                """);
            // Its vocabulary: the trigrams that begin with a term of one or two characters.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntriesFtsVocab" USING fts5vocab("SearchEntriesFts", 'row');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_FtsInsert" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"(rowid, "Folded") VALUES (new."Id", new."Folded");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_FtsDelete" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_FtsUpdate" AFTER UPDATE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
                    INSERT INTO "SearchEntriesFts"(rowid, "Folded") VALUES (new."Id", new."Folded");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_FtsUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_FtsDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_FtsInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchEntriesFtsVocab";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchEntriesFts";""");

            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
