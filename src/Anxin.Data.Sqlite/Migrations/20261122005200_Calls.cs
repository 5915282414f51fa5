using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Calls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CallerNumber = table.Column<string>(type: "TEXT", maxLength: 21, nullable: true),
                    CalleeNumber = table.Column<string>(type: "TEXT", maxLength: 21, nullable: true),
                    AgentStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RingingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordingRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calls_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Calls_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Calls_Staff_AgentStaffId",
                        column: x => x.AgentStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallScripts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallScripts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallScripts_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ForbiddenPhraseLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phrases = table.Column<string>(type: "TEXT", maxLength: 1550, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForbiddenPhraseLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForbiddenPhraseLists_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_AgentStaffId_StartedAt",
                table: "Calls",
                columns: new[] { "AgentStaffId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CalleeNumber",
                table: "Calls",
                column: "CalleeNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CallerNumber",
                table: "Calls",
                column: "CallerNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CaseId",
                table: "Calls",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CustomerId",
                table: "Calls",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ExternalId",
                table: "Calls",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_OrgNodeId",
                table: "Calls",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_OrgPath_StartedAt",
                table: "Calls",
                columns: new[] { "OrgPath", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_StartedAt_Id",
                table: "Calls",
                columns: new[] { "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CallScripts_OrgNodeId_Step",
                table: "CallScripts",
                columns: new[] { "OrgNodeId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallScripts_OrgPath",
                table: "CallScripts",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ForbiddenPhraseLists_OrgNodeId",
                table: "ForbiddenPhraseLists",
                column: "OrgNodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForbiddenPhraseLists_OrgPath",
                table: "ForbiddenPhraseLists",
                column: "OrgPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "CallScripts");

            migrationBuilder.DropTable(
                name: "ForbiddenPhraseLists");
        }
    }
}
