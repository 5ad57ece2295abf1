using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mokuhyo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnboundedText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
