using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalSystem.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueTaskPerBadReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisionTasks_RatingId",
                table: "SupervisionTasks");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTasks_RatingId",
                table: "SupervisionTasks",
                column: "RatingId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisionTasks_RatingId",
                table: "SupervisionTasks");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTasks_RatingId",
                table: "SupervisionTasks",
                column: "RatingId");
        }
    }
}
