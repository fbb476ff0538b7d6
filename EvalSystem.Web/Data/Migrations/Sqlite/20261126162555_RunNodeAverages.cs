using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalSystem.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunNodeAverages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RunNodeAverages",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Average = table.Column<double>(type: "REAL", nullable: true),
                    Scored = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunNodeAverages", x => new { x.RunId, x.IndicatorNodeId });
                    table.ForeignKey(
                        name: "FK_RunNodeAverages_IndicatorNodes_IndicatorNodeId",
                        column: x => x.IndicatorNodeId,
                        principalTable: "IndicatorNodes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_RunNodeAverages_ScoreRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ScoreRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RunNodeAverages_IndicatorNodeId",
                table: "RunNodeAverages",
                column: "IndicatorNodeId");

            // Runs stored before this table existed get their averages from their stored scores, exactly as
            // ScoreRunStore.StoreNodeAveragesAsync computes them for a new run.
            migrationBuilder.Sql("""
                INSERT INTO RunNodeAverages (RunId, IndicatorNodeId, Average, Scored)
                SELECT RunId, IndicatorNodeId, AVG(Score), COUNT(Score) FROM IndicatorScores GROUP BY RunId, IndicatorNodeId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RunNodeAverages");
        }
    }
}
