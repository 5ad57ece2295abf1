using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mokuhyo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Prefecture = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LicenceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LicenceUrl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormatVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormatVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormatVersions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportingYears",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FormatVersionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingYears_FormatVersions_FormatVersionId",
                        column: x => x.FormatVersionId,
                        principalTable: "FormatVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportingYears_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportingYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsReportingUnit = table.Column<bool>(type: "INTEGER", nullable: false),
                    HeadTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CompositionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Responsibilities = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgUnits_OrgUnits_ParentId",
                        column: x => x.ParentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrgUnits_ReportingYears_ReportingYearId",
                        column: x => x.ReportingYearId,
                        principalTable: "ReportingYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportingYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedActions = table.Column<string>(type: "TEXT", nullable: false),
                    PlanReferences = table.Column<string>(type: "TEXT", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousGoalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Goals_PreviousGoalId",
                        column: x => x.PreviousGoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Goals_OrgUnits_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_OrgUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_ReportingYears_ReportingYearId",
                        column: x => x.ReportingYearId,
                        principalTable: "ReportingYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItems_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportingYearId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PhaseKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PhaseOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedReports_OrgUnits_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublishedReports_ReportingYears_ReportingYearId",
                        column: x => x.ReportingYearId,
                        principalTable: "ReportingYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalCoUnit",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalCoUnit", x => new { x.GoalId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_GoalCoUnit_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalCoUnit_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GoalResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalResults_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetNote = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    BaselineAsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultBlock",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Items = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultBlock", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultBlock_GoalResults_GoalResultId",
                        column: x => x.GoalResultId,
                        principalTable: "GoalResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorActuals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhaseKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorActuals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorActuals_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormatVersions_MunicipalityId_Number",
                table: "FormatVersions",
                columns: new[] { "MunicipalityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalCoUnit_OrgUnitId",
                table: "GoalCoUnit",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalResults_GoalId_PhaseKey",
                table: "GoalResults",
                columns: new[] { "GoalId", "PhaseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Goals_DepartmentId_Number",
                table: "Goals",
                columns: new[] { "DepartmentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Goals_LeadUnitId",
                table: "Goals",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_PreviousGoalId",
                table: "Goals",
                column: "PreviousGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_ReportingYearId",
                table: "Goals",
                column: "ReportingYearId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorActuals_IndicatorId_PhaseKey",
                table: "IndicatorActuals",
                columns: new[] { "IndicatorId", "PhaseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_GoalId",
                table: "Indicators",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Code",
                table: "Municipalities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Slug",
                table: "Municipalities",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ParentId",
                table: "OrgUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ReportingYearId_Code",
                table: "OrgUnits",
                columns: new[] { "ReportingYearId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_OrgUnitId_SectionKey_Ordinal",
                table: "PlanItems",
                columns: new[] { "OrgUnitId", "SectionKey", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReports_DepartmentId",
                table: "PublishedReports",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedReports_ReportingYearId_DepartmentCode_PhaseKey_Revision",
                table: "PublishedReports",
                columns: new[] { "ReportingYearId", "DepartmentCode", "PhaseKey", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingYears_FormatVersionId",
                table: "ReportingYears",
                column: "FormatVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingYears_MunicipalityId_Year",
                table: "ReportingYears",
                columns: new[] { "MunicipalityId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultBlock_GoalResultId",
                table: "ResultBlock",
                column: "GoalResultId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoalCoUnit");

            migrationBuilder.DropTable(
                name: "IndicatorActuals");

            migrationBuilder.DropTable(
                name: "PlanItems");

            migrationBuilder.DropTable(
                name: "PublishedReports");

            migrationBuilder.DropTable(
                name: "ResultBlock");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "GoalResults");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "OrgUnits");

            migrationBuilder.DropTable(
                name: "ReportingYears");

            migrationBuilder.DropTable(
                name: "FormatVersions");

            migrationBuilder.DropTable(
                name: "Municipalities");
        }
    }
}
