using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PoolChangeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SurveyorProfiles_UpdatedAt",
                table: "SurveyorProfiles",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorPositions_ReportedAt",
                table: "SurveyorPositions",
                column: "ReportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Staff_UpdatedAt",
                table: "Staff",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyorProfiles_UpdatedAt",
                table: "SurveyorProfiles");

            migrationBuilder.DropIndex(
                name: "IX_SurveyorPositions_ReportedAt",
                table: "SurveyorPositions");

            migrationBuilder.DropIndex(
                name: "IX_Staff_UpdatedAt",
                table: "Staff");
        }
    }
}
