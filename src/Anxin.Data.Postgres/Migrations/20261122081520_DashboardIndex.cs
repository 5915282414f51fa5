using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseDayCounts_Day_InsurerId_OrgPath_Count",
                table: "CaseDayCounts",
                columns: new[] { "Day", "InsurerId", "OrgPath", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseDayCounts_Day_InsurerId_OrgPath_Count",
                table: "CaseDayCounts");
        }
    }
}
