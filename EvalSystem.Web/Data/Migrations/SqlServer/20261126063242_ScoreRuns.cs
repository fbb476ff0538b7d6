using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalSystem.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScoreRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScoreRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorSystemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    MethodHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    InputHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    InputSnapshot = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    TargetCount = table.Column<int>(type: "int", nullable: false),
                    Draws = table.Column<int>(type: "int", nullable: false),
                    Perturbation = table.Column<double>(type: "float", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    RunByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RunByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RunAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreRuns_IndicatorSystems_IndicatorSystemId",
                        column: x => x.IndicatorSystemId,
                        principalTable: "IndicatorSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreRuns_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorScores",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorNodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IsLeaf = table.Column<bool>(type: "bit", nullable: false),
                    RawValue = table.Column<double>(type: "float", nullable: true),
                    Imputation = table.Column<byte>(type: "tinyint", nullable: false),
                    Score = table.Column<double>(type: "float", nullable: true),
                    EffectiveWeight = table.Column<double>(type: "float", nullable: false),
                    Contribution = table.Column<double>(type: "float", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorScores", x => new { x.RunId, x.TargetId, x.IndicatorNodeId });
                    table.ForeignKey(
                        name: "FK_IndicatorScores_IndicatorNodes_IndicatorNodeId",
                        column: x => x.IndicatorNodeId,
                        principalTable: "IndicatorNodes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_IndicatorScores_ScoreRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ScoreRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorScores_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "TargetScores",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Composite = table.Column<double>(type: "float", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    CompositeChange = table.Column<double>(type: "float", nullable: true),
                    RankChange = table.Column<int>(type: "int", nullable: true),
                    AggregateScore = table.Column<double>(type: "float", nullable: false),
                    AdjustmentPoints = table.Column<double>(type: "float", nullable: false),
                    MedianRank = table.Column<double>(type: "float", nullable: false),
                    Rank5 = table.Column<double>(type: "float", nullable: false),
                    Rank95 = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetScores", x => new { x.RunId, x.TargetId });
                    table.ForeignKey(
                        name: "FK_TargetScores_ScoreRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ScoreRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TargetScores_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorScores_IndicatorNodeId",
                table: "IndicatorScores",
                column: "IndicatorNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorScores_TargetId",
                table: "IndicatorScores",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRuns_IndicatorSystemId",
                table: "ScoreRuns",
                column: "IndicatorSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRuns_PeriodId_Number",
                table: "ScoreRuns",
                columns: new[] { "PeriodId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetScores_RunId_Rank",
                table: "TargetScores",
                columns: new[] { "RunId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetScores_TargetId",
                table: "TargetScores",
                column: "TargetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorScores");

            migrationBuilder.DropTable(
                name: "TargetScores");

            migrationBuilder.DropTable(
                name: "ScoreRuns");
        }
    }
}
