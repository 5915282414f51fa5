using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Anxin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DispatchStandDownNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Channel", "Code", "Culture", "OrgNodeId", "Title", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { new Guid("620f81b7-655c-7bb2-14e0-9f503da93720"), "Case {caseNumber} (plate {plate}) was cancelled by {cancelledBy}: {reason}. There is no need to call the customer or go to the scene.", "InApp", "Dispatch.Cancelled", "en", null, "Survey task withdrawn {caseNumber}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L },
                    { new Guid("c0eda59e-e8f6-7742-1647-3ef1a917d653"), "案件 {caseNumber}（车牌 {plate}）已由 {cancelledBy} 撤案：{reason}。无需再联系客户或前往现场。", "InApp", "Dispatch.Cancelled", "zh-CN", null, "查勘任务已撤销 {caseNumber}", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("620f81b7-655c-7bb2-14e0-9f503da93720"));

            migrationBuilder.DeleteData(
                table: "MessageTemplates",
                keyColumn: "Id",
                keyValue: new Guid("c0eda59e-e8f6-7742-1647-3ef1a917d653"));
        }
    }
}
