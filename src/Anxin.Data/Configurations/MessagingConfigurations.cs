using System.Security.Cryptography;
using System.Text;
using Anxin.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        // Written only by the raw upsert in BusinessNumberGenerator: keep the names in step.
        b.ToTable("NumberSequences");
        b.HasKey(x => new { x.Prefix, x.Day });
        b.Property(x => x.Prefix).HasMaxLength(10);
        b.Property(x => x.Day).HasMaxLength(8);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Caller).HasMaxLength(60);
        b.Property(x => x.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        b.Property(x => x.Path).HasMaxLength(200);
        b.Property(x => x.BodyHash).HasMaxLength(64);
        b.Property(x => x.ResponseBody).HasMaxLength(20000);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Ignore(x => x.IsComplete);
        b.HasIndex(x => new { x.Caller, x.Key }).IsUnique();
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.HasIndex(x => new { x.UserId, x.ReadAt, x.CreatedAt });
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.ToTable("MessageTemplates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Culture).HasMaxLength(10);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Title).HasMaxLength(MessageTemplate.MaxTitleLength);
        b.Property(x => x.Body).HasMaxLength(MessageTemplate.MaxBodyLength);
        b.HasIndex(x => new { x.Code, x.Culture, x.Channel, x.OrgNodeId }).IsUnique();
        b.HasData(Defaults().Select(d => new
        {
            Id = SeedId(d.Code, d.Culture, d.Channel),
            d.Code,
            d.Culture,
            d.Channel,
            OrgNodeId = (Guid?)null,
            d.Title,
            d.Body,
            Version = 0L,
            UpdatedAt = Seeded,
        }));
    }

    /// <summary>The default texts (global, no organisation node). Add new codes here and add a migration.</summary>
    private static IEnumerable<(string Code, string Culture, MessageChannel Channel, string? Title, string Body)> Defaults()
    {
        foreach (var channel in new[] { MessageChannel.Email, MessageChannel.InApp })
        {
            yield return ("Clock.Warning", "zh-CN", channel, "服务时效预警：{subject}",
                "{subject} 的「{rule}」将于 {deadline} 到期，负责人：{owner}。请督促按时处理。");
            yield return ("Clock.Warning", "en", channel, "Service clock warning: {subject}",
                "{subject}: \"{rule}\" is due at {deadline}. Owner: {owner}. Please make sure it is handled in time.");
            yield return ("Clock.Breach", "zh-CN", channel, "服务时效超时：{subject}",
                "{subject} 的「{rule}」已于 {deadline} 超时，负责人：{owner}。请立即跟进处理。");
            yield return ("Clock.Breach", "en", channel, "Service clock breached: {subject}",
                "{subject}: \"{rule}\" breached its deadline at {deadline}. Owner: {owner}. Please follow up now.");
        }

        yield return ("Request.HandedOver", "zh-CN", MessageChannel.InApp, "转交给您：{number}",
            "{from} 将 {number} 转交给您负责（首问负责制）。说明：{note}。请在 {followUpBy} 前跟进。");
        yield return ("Request.HandedOver", "en", MessageChannel.InApp, "Handed over to you: {number}",
            "{from} handed {number} over to you (first-contact ownership). Note: {note}. Please follow it up by {followUpBy}.");
        yield return ("Request.TakenOver", "zh-CN", MessageChannel.InApp, "主管已接手：{number}",
            "{by} 已接手 {number}，该事项改由其负责。");
        yield return ("Request.TakenOver", "en", MessageChannel.InApp, "Taken over by your supervisor: {number}",
            "{by} has taken over {number} and owns it now.");
        yield return ("Request.Escalated", "zh-CN", MessageChannel.InApp, "疑难件待处理：{number}",
            "{agent} 将 {number} 标记为疑难件，原因：{reason}。请协助处理或接手。");
        yield return ("Request.Escalated", "en", MessageChannel.InApp, "Difficult request: {number}",
            "{agent} flagged {number} as difficult: {reason}. Please help or take it over.");
        yield return ("Quality.ErrorRecorded", "zh-CN", MessageChannel.InApp, "登记差错待更正：{number}",
            "质检 {qa} 在 {number} 中发现登记差错：{description}。请更正后在「我的差错」中填写更正说明。");
        yield return ("Quality.ErrorRecorded", "en", MessageChannel.InApp, "Registration error to correct: {number}",
            "QA ({qa}) found a registration error in {number}: {description}. Please correct it and add a note under \"My errors\".");

        yield return ("Case.Dispatched", "zh-CN", MessageChannel.Sms, null,
            "【安信】新查勘任务：案件 {caseNumber}，车牌 {plateNumber}，地点 {location}。请尽快联系客户并到达现场。");
        yield return ("Case.Dispatched", "en", MessageChannel.Sms, null,
            "[Anxin] New survey task: case {caseNumber}, plate {plateNumber}, at {location}. Please contact the customer and go to the scene.");
        // Dispatch (CC-04): the surveyor's task. The contact name is masked; the number is whole, since calling it is the task.
        yield return ("Dispatch.Assigned", "zh-CN", MessageChannel.Sms, null,
            "【安心】查勘任务：案件 {caseNumber}，车牌 {plate}，地点 {place}。联系人 {contactName} {contactMobile}，请 5 分钟内联系客户并在手机上接单。");
        yield return ("Dispatch.Assigned", "en", MessageChannel.Sms, null,
            "[Anxin] Survey task: case {caseNumber}, plate {plate}, at {place}. Contact {contactName} {contactMobile} within 5 minutes, then acknowledge on your phone.");
        yield return ("Dispatch.Assigned", "zh-CN", MessageChannel.InApp, "新查勘任务 {caseNumber}",
            "车牌 {plate}，地点 {place}，派工人 {assignedBy}。联系客户后请在“我的查勘任务”中接单。");
        yield return ("Dispatch.Assigned", "en", MessageChannel.InApp, "New survey task {caseNumber}",
            "Plate {plate}, at {place}, assigned by {assignedBy}. Once you have called the customer, acknowledge it under My survey tasks.");
        yield return ("Case.Reported", "zh-CN", MessageChannel.Sms, null,
            "【安信】您的报案已受理，案件号 {caseNumber}。查勘员将尽快与您联系。索赔需准备：{documents}。如需帮助请致电 {hotline}。");
        yield return ("Case.Reported", "en", MessageChannel.Sms, null,
            "[Anxin] Your loss report is registered as case {caseNumber}. A surveyor will contact you soon. For the claim please prepare: {documents}. For help call {hotline}.");
    }

    private static Guid SeedId(string code, string culture, MessageChannel channel) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"template:{code}:{culture}:{channel}"))[..16]);
}
