using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PoliciesAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HolderMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InsuredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InsuredIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TerminatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Premium = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Vin = table.Column<string>(type: "TEXT", maxLength: 17, nullable: true),
                    ObjectAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Policies_Insurers_InsurerId",
                        column: x => x.InsurerId,
                        principalTable: "Insurers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Policies_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequiredDocumentLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ItemsEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequiredDocumentLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequiredDocumentLists_Insurers_InsurerId",
                        column: x => x.InsurerId,
                        principalTable: "Insurers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PolicyNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PolicyVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReporterMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReporterIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    LossAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LossPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LossDescription = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Injuries = table.Column<bool>(type: "INTEGER", nullable: false),
                    InjuryDetails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ThirdParties = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CoverageOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CoverageReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReportedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Insurers_InsurerId",
                        column: x => x.InsurerId,
                        principalTable: "Insurers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyCoverages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SumInsured = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Deductible = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DeductibleRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    PerEventLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Perils = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyCoverages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyCoverages_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", maxLength: 5242880, nullable: false),
                    UploadedByStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("39f2d9ec-60b1-f00d-231e-35d48d5af7e0"),
                column: "Body",
                value: "【安信】您的报案已受理，案件号 {caseNumber}。查勘员将尽快与您联系。索赔需准备：{documents}。如需帮助请致电 {hotline}。");

            migrationBuilder.UpdateData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("6c0767de-8221-ea98-278c-ba5d68906775"),
                column: "Body",
                value: "[Anxin] Your loss report is registered as case {caseNumber}. A surveyor will contact you soon. For the claim please prepare: {documents}. For help call {hotline}.");

            migrationBuilder.InsertData(
                table: "RequiredDocumentLists",
                columns: new[] { "Id", "CreatedAt", "InsurerId", "Items", "ItemsEn", "Line", "UpdatedAt", "Version" },
                values: new object[] { new Guid("0199a000-0000-7000-8000-00000000d001"), 639309024000000000L, null, "索赔申请书\n保险单\n保费收据\n行驶证复印件\n驾驶证复印件\n事故认定书或责任认定\n定损单\n维修清单及发票\n施救/拖车费发票\n领款人身份证及银行卡\n领款人非被保险人时的索赔授权书", "Claim application form\nPolicy\nPremium receipt\nCopy of the vehicle licence\nCopy of the driving licence\nAccident certificate or liability finding\nLoss estimate\nRepair list and invoice\nTowing and rescue invoices\nPayee ID and bank card\nClaim authorisation when the payee differs", "Motor", 639309024000000000L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_CaseId",
                table: "CaseAttachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CustomerId",
                table: "Cases",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_InsurerId_ReportedAt",
                table: "Cases",
                columns: new[] { "InsurerId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrgNodeId",
                table: "Cases",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrgPath_Status_ReportedAt_Id",
                table: "Cases",
                columns: new[] { "OrgPath", "Status", "ReportedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Plate",
                table: "Cases",
                column: "Plate");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PolicyId",
                table: "Cases",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterMobile",
                table: "Cases",
                column: "ReporterMobile");

            migrationBuilder.CreateIndex(
                name: "IX_Policies_HolderMobile",
                table: "Policies",
                column: "HolderMobile");

            migrationBuilder.CreateIndex(
                name: "IX_Policies_InsurerId_Number",
                table: "Policies",
                columns: new[] { "InsurerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Policies_Number",
                table: "Policies",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_Policies_OrgNodeId",
                table: "Policies",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Policies_OrgPath_Number_Id",
                table: "Policies",
                columns: new[] { "OrgPath", "Number", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Policies_Plate",
                table: "Policies",
                column: "Plate");

            migrationBuilder.CreateIndex(
                name: "IX_Policies_Vin",
                table: "Policies",
                column: "Vin");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyCoverages_PolicyId",
                table: "PolicyCoverages",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_RequiredDocumentLists_InsurerId_Line",
                table: "RequiredDocumentLists",
                columns: new[] { "InsurerId", "Line" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "PolicyCoverages");

            migrationBuilder.DropTable(
                name: "RequiredDocumentLists");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Policies");

            migrationBuilder.UpdateData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("39f2d9ec-60b1-f00d-231e-35d48d5af7e0"),
                column: "Body",
                value: "【安信】您的报案已受理，案件号 {caseNumber}。查勘员将尽快与您联系，如需帮助请致电 {hotline}。");

            migrationBuilder.UpdateData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("6c0767de-8221-ea98-278c-ba5d68906775"),
                column: "Body",
                value: "[Anxin] Your loss report is registered as case {caseNumber}. A surveyor will contact you soon; for help call {hotline}.");
        }
    }
}
