using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyorProfiles_OrgPath_Presence",
                table: "SurveyorProfiles");

            migrationBuilder.CreateTable(
                name: "CaseDayCounts",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDayCounts", x => new { x.Day, x.OrgNodeId, x.InsurerId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorProfiles_BaseLatitude_BaseLongitude",
                table: "SurveyorProfiles",
                columns: new[] { "BaseLatitude", "BaseLongitude" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorProfiles_OrgPath_Presence_Skills_ActiveLoad_LoadCap_StaffId_InsurerIdList",
                table: "SurveyorProfiles",
                columns: new[] { "OrgPath", "Presence", "Skills", "ActiveLoad", "LoadCap", "StaffId", "InsurerIdList" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorPositions_Latitude_Longitude",
                table: "SurveyorPositions",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_Inactive",
                table: "Staff",
                column: "Id",
                filter: "NOT \"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone2",
                table: "Customers",
                column: "Phone2");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ContactMobile",
                table: "Cases",
                column: "ContactMobile");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PolicyNumber",
                table: "Cases",
                column: "PolicyNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReportedAt_Id_OrgPath_InsurerId",
                table: "Cases",
                columns: new[] { "ReportedAt", "Id", "OrgPath", "InsurerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ReportedAt_Id_OrgPath_InsurerId",
                table: "Cases",
                columns: new[] { "Status", "ReportedAt", "Id", "OrgPath", "InsurerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseDayCounts");

            migrationBuilder.DropIndex(
                name: "IX_SurveyorProfiles_BaseLatitude_BaseLongitude",
                table: "SurveyorProfiles");

            migrationBuilder.DropIndex(
                name: "IX_SurveyorProfiles_OrgPath_Presence_Skills_ActiveLoad_LoadCap_StaffId_InsurerIdList",
                table: "SurveyorProfiles");

            migrationBuilder.DropIndex(
                name: "IX_SurveyorPositions_Latitude_Longitude",
                table: "SurveyorPositions");

            migrationBuilder.DropIndex(
                name: "IX_Staff_Inactive",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Phone2",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ContactMobile",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_PolicyNumber",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReportedAt_Id_OrgPath_InsurerId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ReportedAt_Id_OrgPath_InsurerId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorProfiles_OrgPath_Presence",
                table: "SurveyorProfiles",
                columns: new[] { "OrgPath", "Presence" });
        }
    }
}
