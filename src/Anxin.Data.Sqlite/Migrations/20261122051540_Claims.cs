using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Anxin.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("620f81b7-655c-7bb2-14e0-9f503da93720"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("c0eda59e-e8f6-7742-1647-3ef1a917d653"));

            migrationBuilder.CreateTable(
                name: "AuthorityProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClaimReviewRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScopeNodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScopePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    ValueThreshold = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CallbackTeamNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimReviewRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PolicyVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    PolicyVerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PolicyVerifiedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InsuredObject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClaimantMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorisedPayeeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LossAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KnewOfLossAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsLateReport = table.Column<bool>(type: "INTEGER", nullable: false),
                    FiledAfterLimitation = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlerStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reserve = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ChecklistGivenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSubmissionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvestigationMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InvestigationStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvestigationFindings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InvestigationCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RefusalReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AdjudicatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdjudicatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RefusalNoticeSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionClockStoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdvanceClockStoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArchiveNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReopenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Insurers_InsurerId",
                        column: x => x.InsurerId,
                        principalTable: "Insurers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_OrgNodes_OrgNodeId",
                        column: x => x.OrgNodeId,
                        principalTable: "OrgNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Staff_HandlerStaffId",
                        column: x => x.HandlerStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vendors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vendors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuthorityAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScopeOrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorityAssignments_AuthorityProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "AuthorityProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuthorityAssignments_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuthorityLimits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MaxAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorityLimits_AuthorityProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "AuthorityProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RoutedLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutedToStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimApprovals_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    InvestigationTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_ClaimAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimAttachments_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimBeneficiaryChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BeneficiaryName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BeneficiaryMobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SampledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepairDone = table.Column<bool>(type: "INTEGER", nullable: true),
                    AskedToPay = table.Column<bool>(type: "INTEGER", nullable: true),
                    AmountAskedFor = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProblemFound = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimBeneficiaryChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimBeneficiaryChecks_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimCalculations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CalculatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimCalculations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimCalculations_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimDocumentNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCodes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimDocumentNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimDocumentNotices_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedByCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WaivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WaiveReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimDocuments_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimFraudFlags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimFraudFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimFraudFlags_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimInvestigationTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AssigneeStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalateAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimInvestigationTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimInvestigationTasks_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PayeeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BankCard = table.Column<string>(type: "TEXT", maxLength: 19, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ExpectedArrivalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimPayments_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimReserveChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Previous = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimReserveChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimReserveChanges_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimServiceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HandlerStaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsurerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrgNodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuotedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    InvoicedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AwaitingHandler = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimServiceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimServiceRequests_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClaimServiceRequests_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimServiceRequestSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromVendor = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimServiceRequestSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimServiceRequestSteps_ClaimServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ClaimServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Channel", "Code", "Culture", "OrgNodeId", "Title", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { new Guid("0f88b8f7-41c8-dd0e-4241-c927525a9206"), "Beneficiary check of claim {claimNumber}: {problem}. {notes}", "Email", "Claim.ReviewProblem", "en", null, "Callback found a problem: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("1e7bc960-ec9c-8759-95db-c0c2fcf2ed94"), "[Anxin] Claim {claimNumber}: CNY {amount} has been paid to {account} and should arrive by {arrivalDate}.", "Sms", "Claim.Paid", "en", null, null, 639028224000000000L, 0L },
                    { new Guid("1ed70bf6-929a-4c2b-7388-3130b8d30e00"), "{requestedBy} asks for approval of {kind} on claim {claimNumber}: CNY {amount}, above their authority.", "Email", "Claim.ApprovalPending", "en", null, "Approval needed: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("2875235c-242c-d26c-13f6-2147dcca7cf0"), "{kind} of CNY {amount} on claim {claimNumber}: {decision} by {decidedBy}. {note}", "InApp", "Claim.ApprovalDecided", "en", null, "Approval decided: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("2ce91e44-4fd3-700e-42a6-905971b9a714"), "{requestedBy} 提交理赔 {claimNumber} 的{kind}审批，金额 {amount} 元，超出其权限，请审批。", "Email", "Claim.ApprovalPending", "zh-CN", null, "待审批：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("3c0b2e93-1693-d804-6662-bae1b568678c"), "理赔 {claimNumber} 回访核实：{problem}。{notes}", "InApp", "Claim.ReviewProblem", "zh-CN", null, "回访发现问题：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("3d7068b0-4454-ecf7-57df-518f7c0eb672"), "Beneficiary check of claim {claimNumber}: {problem}. {notes}", "InApp", "Claim.ReviewProblem", "en", null, "Callback found a problem: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("3d7241e9-8dc6-779c-1166-1570651c4f4b"), "[Anxin] Claim {claimNumber}: please send all of the following documents: {documents}. Once complete we decide within the statutory time.", "Sms", "Claim.MissingDocuments", "en", null, null, 639028224000000000L, 0L },
                    { new Guid("3de1eeb5-2604-5da9-ff73-bc36be4712c1"), "理赔 {claimNumber} 的{kind}（{amount} 元）已由 {decidedBy} {decision}。{note}", "Email", "Claim.ApprovalDecided", "zh-CN", null, "审批结果：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("52233ff9-479f-6106-a0c1-e0801f0415a1"), "【安信】理赔号 {claimNumber}：请一次性补充以下单证：{documents}。收齐后我们将在法定时限内作出核定。", "Sms", "Claim.MissingDocuments", "zh-CN", null, null, 639028224000000000L, 0L },
                    { new Guid("544b1beb-be1b-d3ba-071c-fd45afaeee24"), "【安信】您的索赔已立案，理赔号 {claimNumber}。流程：提交单证→审核/调查→核定→赔付→结案。请提交以下单证：{documents}。如需帮助请致电 {hotline}。", "Sms", "Claim.Opened", "zh-CN", null, null, 639028224000000000L, 0L },
                    { new Guid("61bab083-96ff-d009-d55c-5e56af6cafb4"), "{vendor}（理赔 {claimNumber}）：{step}。{detail}", "Email", "Claim.VendorUpdate", "zh-CN", null, "供应商消息：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("78009d6b-a3dd-bad8-604e-23b1acea0b1f"), "【安信】理赔号 {claimNumber}：经审核，本次索赔不予赔付，理由：{reasons}。书面拒赔通知书已寄出，如有异议请致电 {hotline}。", "Sms", "Claim.Refused", "zh-CN", null, null, 639028224000000000L, 0L },
                    { new Guid("7de3cb8b-81db-d598-6838-91c4bd0f9310"), "{requestedBy} asks for approval of {kind} on claim {claimNumber}: CNY {amount}, above their authority.", "InApp", "Claim.ApprovalPending", "en", null, "Approval needed: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("7e863e90-d8da-3640-1da6-3fe42d081b05"), "[Anxin] Claim {claimNumber}: the claim is refused. Reasons: {reasons}. The written refusal notice has been sent; if you disagree call {hotline}.", "Sms", "Claim.Refused", "en", null, null, 639028224000000000L, 0L },
                    { new Guid("b150ae9d-e72f-6034-ec6c-e9fd88804e11"), "{vendor}（理赔 {claimNumber}）：{step}。{detail}", "InApp", "Claim.VendorUpdate", "zh-CN", null, "供应商消息：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("bd4a2e83-502c-b266-e716-26688234b8c5"), "[Anxin] Your claim {claimNumber} is open. Steps: documents → review/investigation → decision → payment → closing. Please send: {documents}. For help call {hotline}.", "Sms", "Claim.Opened", "en", null, null, 639028224000000000L, 0L },
                    { new Guid("c1317450-28aa-9b0b-d804-71ab4bb37a69"), "理赔 {claimNumber} 回访核实：{problem}。{notes}", "Email", "Claim.ReviewProblem", "zh-CN", null, "回访发现问题：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("d6c18fd8-6277-7d2b-5977-948a80d1ec1c"), "{requestedBy} 提交理赔 {claimNumber} 的{kind}审批，金额 {amount} 元，超出其权限，请审批。", "InApp", "Claim.ApprovalPending", "zh-CN", null, "待审批：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("e5f329ca-0b66-40c6-1293-7b951332eab0"), "{kind} of CNY {amount} on claim {claimNumber}: {decision} by {decidedBy}. {note}", "Email", "Claim.ApprovalDecided", "en", null, "Approval decided: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("ea464b3a-f744-8e66-f84c-28af50cb9359"), "【安信】理赔号 {claimNumber}：赔款 {amount} 元已支付至 {account}，预计 {arrivalDate} 前到账。", "Sms", "Claim.Paid", "zh-CN", null, null, 639028224000000000L, 0L },
                    { new Guid("f2394241-2dc8-78b0-b992-68c427b59024"), "理赔 {claimNumber} 的{kind}（{amount} 元）已由 {decidedBy} {decision}。{note}", "InApp", "Claim.ApprovalDecided", "zh-CN", null, "审批结果：理赔 {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("f94fd8dc-f304-bccc-24ac-b0aa2a4678df"), "{vendor} on claim {claimNumber}: {step}. {detail}", "InApp", "Claim.VendorUpdate", "en", null, "Vendor update: claim {claimNumber}", 639028224000000000L, 0L },
                    { new Guid("fb92953c-c1db-c4a9-eac9-b3564a1d2ce0"), "{vendor} on claim {claimNumber}: {step}. {detail}", "Email", "Claim.VendorUpdate", "en", null, "Vendor update: claim {claimNumber}", 639028224000000000L, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityAssignments_ProfileId",
                table: "AuthorityAssignments",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityAssignments_RoleCode",
                table: "AuthorityAssignments",
                column: "RoleCode");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityAssignments_StaffId",
                table: "AuthorityAssignments",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityLimits_ProfileId_Line_Kind",
                table: "AuthorityLimits",
                columns: new[] { "ProfileId", "Line", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityProfiles_Code",
                table: "AuthorityProfiles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimApprovals_ClaimId_RequestedAt",
                table: "ClaimApprovals",
                columns: new[] { "ClaimId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimApprovals_RoutedToStaffId_Decision",
                table: "ClaimApprovals",
                columns: new[] { "RoutedToStaffId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimAttachments_ClaimId",
                table: "ClaimAttachments",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimBeneficiaryChecks_ClaimId",
                table: "ClaimBeneficiaryChecks",
                column: "ClaimId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimBeneficiaryChecks_OrgPath_Status_SampledAt",
                table: "ClaimBeneficiaryChecks",
                columns: new[] { "OrgPath", "Status", "SampledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimCalculations_ClaimId_CalculatedAt",
                table: "ClaimCalculations",
                columns: new[] { "ClaimId", "CalculatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimDocumentNotices_ClaimId_Round",
                table: "ClaimDocumentNotices",
                columns: new[] { "ClaimId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimDocuments_ClaimId_Code",
                table: "ClaimDocuments",
                columns: new[] { "ClaimId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimFraudFlags_ClaimId",
                table: "ClaimFraudFlags",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimFraudFlags_Status_RaisedAt",
                table: "ClaimFraudFlags",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimInvestigationTasks_AssigneeStaffId_Status_DueAt",
                table: "ClaimInvestigationTasks",
                columns: new[] { "AssigneeStaffId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimInvestigationTasks_ClaimId_CreatedAt",
                table: "ClaimInvestigationTasks",
                columns: new[] { "ClaimId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_BankCard",
                table: "ClaimPayments",
                column: "BankCard");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_ClaimId",
                table: "ClaimPayments",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimReserveChanges_ClaimId_ChangedAt",
                table: "ClaimReserveChanges",
                columns: new[] { "ClaimId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimReviewRules_ScopePath_Line",
                table: "ClaimReviewRules",
                columns: new[] { "ScopePath", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ArchiveNumber",
                table: "Claims",
                column: "ArchiveNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_CaseId",
                table: "Claims",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_HandlerStaffId_Status",
                table: "Claims",
                columns: new[] { "HandlerStaffId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_InsuredObject",
                table: "Claims",
                column: "InsuredObject");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_InsurerId_ClaimedAt",
                table: "Claims",
                columns: new[] { "InsurerId", "ClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Number",
                table: "Claims",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_OrgNodeId",
                table: "Claims",
                column: "OrgNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_OrgPath_Status_ClaimedAt_Id",
                table: "Claims",
                columns: new[] { "OrgPath", "Status", "ClaimedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_PolicyId",
                table: "Claims",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimServiceRequests_ClaimId_RequestedAt",
                table: "ClaimServiceRequests",
                columns: new[] { "ClaimId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimServiceRequests_HandlerStaffId_AwaitingHandler",
                table: "ClaimServiceRequests",
                columns: new[] { "HandlerStaffId", "AwaitingHandler" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimServiceRequests_VendorId_Status",
                table: "ClaimServiceRequests",
                columns: new[] { "VendorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimServiceRequestSteps_ServiceRequestId_At",
                table: "ClaimServiceRequestSteps",
                columns: new[] { "ServiceRequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Vendors_CreditCode",
                table: "Vendors",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vendors_Kind_IsActive_Name",
                table: "Vendors",
                columns: new[] { "Kind", "IsActive", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorityAssignments");

            migrationBuilder.DropTable(
                name: "AuthorityLimits");

            migrationBuilder.DropTable(
                name: "ClaimApprovals");

            migrationBuilder.DropTable(
                name: "ClaimAttachments");

            migrationBuilder.DropTable(
                name: "ClaimBeneficiaryChecks");

            migrationBuilder.DropTable(
                name: "ClaimCalculations");

            migrationBuilder.DropTable(
                name: "ClaimDocumentNotices");

            migrationBuilder.DropTable(
                name: "ClaimDocuments");

            migrationBuilder.DropTable(
                name: "ClaimFraudFlags");

            migrationBuilder.DropTable(
                name: "ClaimInvestigationTasks");

            migrationBuilder.DropTable(
                name: "ClaimPayments");

            migrationBuilder.DropTable(
                name: "ClaimReserveChanges");

            migrationBuilder.DropTable(
                name: "ClaimReviewRules");

            migrationBuilder.DropTable(
                name: "ClaimServiceRequestSteps");

            migrationBuilder.DropTable(
                name: "AuthorityProfiles");

            migrationBuilder.DropTable(
                name: "ClaimServiceRequests");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "Vendors");

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("0f88b8f7-41c8-dd0e-4241-c927525a9206"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("1e7bc960-ec9c-8759-95db-c0c2fcf2ed94"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("1ed70bf6-929a-4c2b-7388-3130b8d30e00"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("2875235c-242c-d26c-13f6-2147dcca7cf0"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("2ce91e44-4fd3-700e-42a6-905971b9a714"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("3c0b2e93-1693-d804-6662-bae1b568678c"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("3d7068b0-4454-ecf7-57df-518f7c0eb672"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("3d7241e9-8dc6-779c-1166-1570651c4f4b"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("3de1eeb5-2604-5da9-ff73-bc36be4712c1"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("52233ff9-479f-6106-a0c1-e0801f0415a1"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("544b1beb-be1b-d3ba-071c-fd45afaeee24"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("61bab083-96ff-d009-d55c-5e56af6cafb4"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("78009d6b-a3dd-bad8-604e-23b1acea0b1f"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("7de3cb8b-81db-d598-6838-91c4bd0f9310"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("7e863e90-d8da-3640-1da6-3fe42d081b05"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("b150ae9d-e72f-6034-ec6c-e9fd88804e11"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("bd4a2e83-502c-b266-e716-26688234b8c5"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("c1317450-28aa-9b0b-d804-71ab4bb37a69"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("d6c18fd8-6277-7d2b-5977-948a80d1ec1c"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("e5f329ca-0b66-40c6-1293-7b951332eab0"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("ea464b3a-f744-8e66-f84c-28af50cb9359"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("f2394241-2dc8-78b0-b992-68c427b59024"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("f94fd8dc-f304-bccc-24ac-b0aa2a4678df"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("fb92953c-c1db-c4a9-eac9-b3564a1d2ce0"));

            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Channel", "Code", "Culture", "OrgNodeId", "Title", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { new Guid("620f81b7-655c-7bb2-14e0-9f503da93720"), "Case {caseNumber} (plate {plate}) was cancelled by {cancelledBy}: {reason}. There is no need to call the customer or go to the scene.", "InApp", "Dispatch.Cancelled", "en", null, "Survey task withdrawn {caseNumber}", 639028224000000000L, 0L },
                    { new Guid("c0eda59e-e8f6-7742-1647-3ef1a917d653"), "案件 {caseNumber}（车牌 {plate}）已由 {cancelledBy} 撤案：{reason}。无需再联系客户或前往现场。", "InApp", "Dispatch.Cancelled", "zh-CN", null, "查勘任务已撤销 {caseNumber}", 639028224000000000L, 0L }
                });
        }
    }
}
