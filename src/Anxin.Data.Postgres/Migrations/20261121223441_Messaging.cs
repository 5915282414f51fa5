using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Anxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Caller = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ResponseBody = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OrgNodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LastValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => new { x.Prefix, x.Day });
                });

            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Channel", "Code", "Culture", "OrgNodeId", "Title", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { new Guid("0fdfe390-df93-de8f-03c5-313813135d1c"), "{subject} 的「{rule}」将于 {deadline} 到期，负责人：{owner}。请督促按时处理。", "Email", "Clock.Warning", "zh-CN", null, "服务时效预警：{subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("39f2d9ec-60b1-f00d-231e-35d48d5af7e0"), "【安信】您的报案已受理，案件号 {caseNumber}。查勘员将尽快与您联系，如需帮助请致电 {hotline}。", "Sms", "Case.Reported", "zh-CN", null, null, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("3da99752-f389-e737-742b-31545b47de2e"), "[Anxin] New survey task: case {caseNumber}, plate {plateNumber}, at {location}. Please contact the customer and go to the scene.", "Sms", "Case.Dispatched", "en", null, null, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("659a91ca-b3f8-e0dd-f96c-ecbf66ca7685"), "{subject}: \"{rule}\" breached its deadline at {deadline}. Owner: {owner}. Please follow up now.", "Email", "Clock.Breach", "en", null, "Service clock breached: {subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("6c0767de-8221-ea98-278c-ba5d68906775"), "[Anxin] Your loss report is registered as case {caseNumber}. A surveyor will contact you soon; for help call {hotline}.", "Sms", "Case.Reported", "en", null, null, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("714ac34f-db6f-7dce-3651-a3f64e41f3a5"), "{subject}: \"{rule}\" breached its deadline at {deadline}. Owner: {owner}. Please follow up now.", "InApp", "Clock.Breach", "en", null, "Service clock breached: {subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("7fbcaf94-46a5-696f-6312-4717083c349f"), "{subject} 的「{rule}」已于 {deadline} 超时，负责人：{owner}。请立即跟进处理。", "Email", "Clock.Breach", "zh-CN", null, "服务时效超时：{subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("9d1e450e-9181-0285-7202-ba2b5ce6b7b2"), "{subject} 的「{rule}」已于 {deadline} 超时，负责人：{owner}。请立即跟进处理。", "InApp", "Clock.Breach", "zh-CN", null, "服务时效超时：{subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("a2ac4f96-b80c-c46c-c172-4d01ba106d73"), "{subject}: \"{rule}\" is due at {deadline}. Owner: {owner}. Please make sure it is handled in time.", "InApp", "Clock.Warning", "en", null, "Service clock warning: {subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("a51e8cef-306e-377a-419e-70623429c995"), "【安信】新查勘任务：案件 {caseNumber}，车牌 {plateNumber}，地点 {location}。请尽快联系客户并到达现场。", "Sms", "Case.Dispatched", "zh-CN", null, null, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("e461482c-07a0-4f0c-b7fd-59f22b08e3e1"), "{subject}: \"{rule}\" is due at {deadline}. Owner: {owner}. Please make sure it is handled in time.", "Email", "Clock.Warning", "en", null, "Service clock warning: {subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("f8b4f32d-ab46-7b5c-da38-941d80bf7373"), "{subject} 的「{rule}」将于 {deadline} 到期，负责人：{owner}。请督促按时处理。", "InApp", "Clock.Warning", "zh-CN", null, "服务时效预警：{subject}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_Caller_Key",
                table: "IdempotencyRecords",
                columns: new[] { "Caller", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_Code_Culture_Channel_OrgNodeId",
                table: "MessageTemplates",
                columns: new[] { "Code", "Culture", "Channel", "OrgNodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "NumberSequences");
        }
    }
}
