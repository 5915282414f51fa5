using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Anxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContactCentre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InsurerId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SurveyorStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedByStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreviousAssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecommendedRank = table.Column<int>(type: "integer", nullable: true),
                    EtaMinutes = table.Column<int>(type: "integer", nullable: true),
                    DistanceKm = table.Column<double>(type: "double precision", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssessedLossAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AssessmentNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Staff_SurveyorStaffId",
                        column: x => x.SurveyorStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CallerNumber = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: true),
                    CalleeNumber = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: true),
                    AgentStaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RingingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordingRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Step = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phrases = table.Column<string>(type: "character varying(1550)", maxLength: 1550, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "InsurerDispatchRules",
                columns: table => new
                {
                    InsurerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaxDistanceKm = table.Column<double>(type: "double precision", nullable: true),
                    ArrivalLimitMinutes = table.Column<int>(type: "integer", nullable: true),
                    SkillOverrides = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PreferredStaffIdList = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExcludedStaffIdList = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsurerDispatchRules", x => x.InsurerId);
                    table.ForeignKey(
                        name: "FK_InsurerDispatchRules_Insurers_InsurerId",
                        column: x => x.InsurerId,
                        principalTable: "Insurers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyorProfiles",
                columns: table => new
                {
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Skills = table.Column<int>(type: "integer", nullable: false),
                    BaseLatitude = table.Column<double>(type: "double precision", nullable: false),
                    BaseLongitude = table.Column<double>(type: "double precision", nullable: false),
                    Presence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PresenceChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LoadCap = table.Column<int>(type: "integer", nullable: false),
                    ActiveLoad = table.Column<int>(type: "integer", nullable: false),
                    InsurerIdList = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "AssignmentPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SizeBytes = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedByStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentPhotos_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyorPositions",
                columns: table => new
                {
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Channel", "Code", "Culture", "OrgNodeId", "Title", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { new Guid("3888eaac-45bd-7e37-dd8f-6aedc97c4442"), "[Anxin] Survey task: case {caseNumber}, plate {plate}, at {place}. Contact {contactName} {contactMobile} within 5 minutes, then acknowledge on your phone.", "Sms", "Dispatch.Assigned", "en", null, null, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("3f527864-1d80-f21b-0e88-54be112e1c4c"), "Plate {plate}, at {place}, assigned by {assignedBy}. Once you have called the customer, acknowledge it under My survey tasks.", "InApp", "Dispatch.Assigned", "en", null, "New survey task {caseNumber}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("84ffeef1-f310-66bb-2642-39cd6b6e0482"), "【安心】查勘任务：案件 {caseNumber}，车牌 {plate}，地点 {place}。联系人 {contactName} {contactMobile}，请 5 分钟内联系客户并在手机上接单。", "Sms", "Dispatch.Assigned", "zh-CN", null, null, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("bcf05449-fc50-35cd-3ad6-ddecd5bd049a"), "车牌 {plate}，地点 {place}，派工人 {assignedBy}。联系客户后请在“我的查勘任务”中接单。", "InApp", "Dispatch.Assigned", "zh-CN", null, "新查勘任务 {caseNumber}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentPhotos_AssignmentId_UploadedAt",
                table: "AssignmentPhotos",
                columns: new[] { "AssignmentId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_CaseId_AssignedAt",
                table: "Assignments",
                columns: new[] { "CaseId", "AssignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrgNodeId",
                table: "Assignments",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrgPath_State_AssignedAt",
                table: "Assignments",
                columns: new[] { "OrgPath", "State", "AssignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_SurveyorStaffId_State_AssignedAt",
                table: "Assignments",
                columns: new[] { "SurveyorStaffId", "State", "AssignedAt" });

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
                name: "AssignmentPhotos");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "CallScripts");

            migrationBuilder.DropTable(
                name: "ForbiddenPhraseLists");

            migrationBuilder.DropTable(
                name: "InsurerDispatchRules");

            migrationBuilder.DropTable(
                name: "SurveyorPositions");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "SurveyorProfiles");

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("3888eaac-45bd-7e37-dd8f-6aedc97c4442"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("3f527864-1d80-f21b-0e88-54be112e1c4c"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("84ffeef1-f310-66bb-2642-39cd6b6e0482"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("bcf05449-fc50-35cd-3ad6-ddecd5bd049a"));
        }
    }
}
