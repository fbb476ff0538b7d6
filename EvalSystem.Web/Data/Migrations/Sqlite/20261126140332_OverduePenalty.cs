using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalSystem.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OverduePenalty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "OverduePenaltyCap",
                table: "IndicatorSystems",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "OverduePenaltyPerTask",
                table: "IndicatorSystems",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverduePenaltyCap",
                table: "IndicatorSystems");

            migrationBuilder.DropColumn(
                name: "OverduePenaltyPerTask",
                table: "IndicatorSystems");
        }
    }
}
