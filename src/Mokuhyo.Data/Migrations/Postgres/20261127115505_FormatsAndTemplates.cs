using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mokuhyo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FormatsAndTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FromYear",
                table: "PlanItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ToYear",
                table: "PlanItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExample",
                table: "Municipalities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "GoalFieldValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhaseKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FieldKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalFieldValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalFieldValues_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_SectionKey_FromYear_ToYear",
                table: "PlanItems",
                columns: new[] { "SectionKey", "FromYear", "ToYear" });

            migrationBuilder.CreateIndex(
                name: "IX_GoalFieldValues_GoalId_PhaseKey_FieldKey",
                table: "GoalFieldValues",
                columns: new[] { "GoalId", "PhaseKey", "FieldKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoalFieldValues");

            migrationBuilder.DropIndex(
                name: "IX_PlanItems_SectionKey_FromYear_ToYear",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "FromYear",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "ToYear",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "IsExample",
                table: "Municipalities");
        }
    }
}
