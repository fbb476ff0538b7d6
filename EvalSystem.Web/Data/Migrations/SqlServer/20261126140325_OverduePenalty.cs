using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalSystem.Web.Data.Migrations.SqlServer
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
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "OverduePenaltyPerTask",
                table: "IndicatorSystems",
                type: "float",
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
