using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvalSystem.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Measure",
                table: "IndicatorNodes",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "DataImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RowCount = table.Column<int>(type: "int", nullable: false),
                    Inserted = table.Column<int>(type: "int", nullable: false),
                    Updated = table.Column<int>(type: "int", nullable: false),
                    ErrorCount = table.Column<int>(type: "int", nullable: false),
                    Succeeded = table.Column<bool>(type: "bit", nullable: false),
                    FirstError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DurationMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RatingId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegionCode = table.Column<string>(type: "char(6)", unicode: false, fixedLength: true, maxLength: 6, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Items = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RatingId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegionCode = table.Column<string>(type: "char(6)", unicode: false, fixedLength: true, maxLength: 6, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeadlineWorkingDays = table.Column<int>(type: "int", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CalledBackAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CalledBackBy_UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CalledBackBy_UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CallBackResult = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RectifiedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RectifiedBy_UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RectifiedBy_UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RectificationDescription = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedBy_UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ClosedBy_UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationItems_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegionCode = table.Column<string>(type: "char(6)", unicode: false, fixedLength: true, maxLength: 6, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PromisedWorkingDays = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsBusinessStartup = table.Column<bool>(type: "bit", nullable: false),
                    StartupStages = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceCases_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Year",
                table: "CalendarDays",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_DataImports_AtUtc",
                table: "DataImports",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_DepartmentId",
                table: "Ratings",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_RatedAt_DepartmentId",
                table: "Ratings",
                columns: new[] { "RatedAt", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_RatedAt_RegionCode",
                table: "Ratings",
                columns: new[] { "RatedAt", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_RatingId",
                table: "Ratings",
                column: "RatingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_DepartmentId",
                table: "RectificationItems",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_OpenedAt_DepartmentId",
                table: "RectificationItems",
                columns: new[] { "OpenedAt", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_RatingId",
                table: "RectificationItems",
                column: "RatingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCases_CaseNumber",
                table: "ServiceCases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCases_CompletedAt_DepartmentId",
                table: "ServiceCases",
                columns: new[] { "CompletedAt", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCases_CompletedAt_RegionCode",
                table: "ServiceCases",
                columns: new[] { "CompletedAt", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCases_DepartmentId",
                table: "ServiceCases",
                column: "DepartmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "DataImports");

            migrationBuilder.DropTable(
                name: "Ratings");

            migrationBuilder.DropTable(
                name: "RectificationItems");

            migrationBuilder.DropTable(
                name: "ServiceCases");

            migrationBuilder.DropColumn(
                name: "Measure",
                table: "IndicatorNodes");
        }
    }
}
