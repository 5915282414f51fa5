using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Anxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ownership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CallerMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PromisedReplyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerSince = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_Insurers_InsurerId",
                        column: x => x.InsurerId,
                        principalTable: "Insurers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TakenOverByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Handovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FromStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationErrors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResponsibleStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CorrectedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationErrors_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistrationErrors_Staff_ResponsibleStaffId",
                        column: x => x.ResponsibleStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Channel", "Code", "Culture", "OrgNodeId", "Title", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { new Guid("62d76740-74a7-49ee-c594-f3a38e0d2f35"), "{agent} 将 {number} 标记为疑难件，原因：{reason}。请协助处理或接手。", "InApp", "Request.Escalated", "zh-CN", null, "疑难件待处理：{number}", 639028224000000000L, 0L },
                    { new Guid("6fa8b1f4-13c1-d59b-f66d-5135f15ea9b3"), "{by} has taken over {number} and owns it now.", "InApp", "Request.TakenOver", "en", null, "Taken over by your supervisor: {number}", 639028224000000000L, 0L },
                    { new Guid("75041495-4587-4a6b-f4d0-9c9a97f20b3b"), "质检 {qa} 在 {number} 中发现登记差错：{description}。请更正后在「我的差错」中填写更正说明。", "InApp", "Quality.ErrorRecorded", "zh-CN", null, "登记差错待更正：{number}", 639028224000000000L, 0L },
                    { new Guid("95d55d2a-d0fb-154f-af72-297408adfd52"), "{agent} flagged {number} as difficult: {reason}. Please help or take it over.", "InApp", "Request.Escalated", "en", null, "Difficult request: {number}", 639028224000000000L, 0L },
                    { new Guid("a16062a9-f60c-c66d-4e4a-26ca7a195489"), "{by} 已接手 {number}，该事项改由其负责。", "InApp", "Request.TakenOver", "zh-CN", null, "主管已接手：{number}", 639028224000000000L, 0L },
                    { new Guid("ab7310b7-04a3-ffea-5e4a-3312a5257ac4"), "{from} 将 {number} 转交给您负责（首问负责制）。说明：{note}。请在 {followUpBy} 前跟进。", "InApp", "Request.HandedOver", "zh-CN", null, "转交给您：{number}", 639028224000000000L, 0L },
                    { new Guid("abb17135-a791-6622-85ab-956459eba971"), "{from} handed {number} over to you (first-contact ownership). Note: {note}. Please follow it up by {followUpBy}.", "InApp", "Request.HandedOver", "en", null, "Handed over to you: {number}", 639028224000000000L, 0L },
                    { new Guid("e3620a1e-3688-cc06-f57b-24285e11344d"), "QA ({qa}) found a registration error in {number}: {description}. Please correct it and add a note under \"My errors\".", "InApp", "Quality.ErrorRecorded", "en", null, "Registration error to correct: {number}", 639028224000000000L, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_CallerMobile",
                table: "Consultations",
                column: "CallerMobile");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_CustomerId",
                table: "Consultations",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_InsurerId",
                table: "Consultations",
                column: "InsurerId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Number",
                table: "Consultations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_OrgNodeId",
                table: "Consultations",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_OrgPath_ReceivedAt_Id",
                table: "Consultations",
                columns: new[] { "OrgPath", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_OwnerStaffId_Status",
                table: "Consultations",
                columns: new[] { "OwnerStaffId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_OrgPath_Status_RaisedAt",
                table: "Escalations",
                columns: new[] { "OrgPath", "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_SubjectType_SubjectId_Status",
                table: "Escalations",
                columns: new[] { "SubjectType", "SubjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_SubjectType_SubjectId_At",
                table: "Handovers",
                columns: new[] { "SubjectType", "SubjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Handovers_ToStaffId_At",
                table: "Handovers",
                columns: new[] { "ToStaffId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationErrors_Month_ResponsibleStaffId",
                table: "RegistrationErrors",
                columns: new[] { "Month", "ResponsibleStaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationErrors_OrgNodeId",
                table: "RegistrationErrors",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationErrors_OrgPath_RecordedAt_Id",
                table: "RegistrationErrors",
                columns: new[] { "OrgPath", "RecordedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationErrors_ResponsibleStaffId_Status",
                table: "RegistrationErrors",
                columns: new[] { "ResponsibleStaffId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationErrors_SubjectType_SubjectId",
                table: "RegistrationErrors",
                columns: new[] { "SubjectType", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "Handovers");

            migrationBuilder.DropTable(
                name: "RegistrationErrors");

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("62d76740-74a7-49ee-c594-f3a38e0d2f35"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("6fa8b1f4-13c1-d59b-f66d-5135f15ea9b3"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("75041495-4587-4a6b-f4d0-9c9a97f20b3b"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("95d55d2a-d0fb-154f-af72-297408adfd52"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("a16062a9-f60c-c66d-4e4a-26ca7a195489"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("ab7310b7-04a3-ffea-5e4a-3312a5257ac4"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("abb17135-a791-6622-85ab-956459eba971"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("e3620a1e-3688-cc06-f57b-24285e11344d"));
        }
    }
}
