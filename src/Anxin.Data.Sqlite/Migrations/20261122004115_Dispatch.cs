using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyorProfiles",
                columns: table => new
                {
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Skills = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseLatitude = table.Column<double>(type: "REAL", nullable: false),
                    BaseLongitude = table.Column<double>(type: "REAL", nullable: false),
                    Presence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PresenceChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LoadCap = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveLoad = table.Column<int>(type: "INTEGER", nullable: false),
                    InsurerIdList = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyorProfiles", x => x.StaffId);
                    table.ForeignKey(
                        name: "FK_SurveyorProfiles_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyorProfiles_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyorPositions",
                columns: table => new
                {
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyorPositions", x => x.StaffId);
                    table.ForeignKey(
                        name: "FK_SurveyorPositions_SurveyorProfiles_StaffId",
                        column: x => x.StaffId,
                        principalTable: "SurveyorProfiles",
                        principalColumn: "StaffId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorProfiles_OrgNodeId",
                table: "SurveyorProfiles",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyorProfiles_OrgPath_Presence",
                table: "SurveyorProfiles",
                columns: new[] { "OrgPath", "Presence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyorPositions");

            migrationBuilder.DropTable(
                name: "SurveyorProfiles");
        }
    }
}
