using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Consultations;

/// <summary>
/// A consultation as the agent's form or a CTI system sends it (CC-06). With an
/// <see cref="Answer"/> it is answered at once; without one it is registered for a reply by
/// <see cref="PromisedReplyAt"/> (default: one working day from now).
/// </summary>
public sealed record RegisterConsultationRequest(
    string? CallerName = null,
    string? CallerMobile = null,
    ConsultationCategory? Category = null,
    string? Question = null,
    string? Answer = null,
    DateTimeOffset? PromisedReplyAt = null,
    Guid? CustomerId = null,
    Guid? CallId = null,
    string? InsurerCode = null,
    string? CustomerNumber = null);

/// <summary>
/// Registers a consultation with a ZX number, owned by the agent who took it (CC-05). Answered at
/// once, or pending with a promised reply time and a Consultation.Reply clock (to the promised
/// time when the agent promised earlier than the rule) that stops when it is answered.
/// </summary>
public sealed class RegisterConsultationHandler(AnxinDbContext db, CurrentUser me, IBusinessNumberGenerator numbers, ServiceClocks clocks,
    ICalendarProvider calendars, TimeProvider time)
{
    public const string SubjectType = "Consultation";

    public async Task<Result<ConsultationDetail>> HandleAsync(RegisterConsultationRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        Text(errors, nameof(request.CallerName), request.CallerName, Consultation.MaxNameLength, required: true);
        Text(errors, nameof(request.Question), request.Question, Consultation.MaxQuestionLength, required: true);
        Text(errors, nameof(request.Answer), request.Answer, Consultation.MaxAnswerLength, required: false);
        var answered = !string.IsNullOrWhiteSpace(request.Answer);
        var mobile = errors.Optional(nameof(request.CallerMobile), request.CallerMobile, MobileNumber.Create);
        if (!answered && string.IsNullOrWhiteSpace(request.CallerMobile))
        {
            errors.Add(nameof(request.CallerMobile), "Consultation.MobileForReply");
        }

        if (request.Category is null || !Enum.IsDefined(request.Category.Value))
        {
            errors.Add(nameof(request.Category), ValidationCodes.Required);
        }

        var customerId = request.CustomerId;
        if (customerId is { } cid && !await db.Customers.AnyAsync(c => c.Id == cid, ct))
        {
            errors.Add(nameof(request.CustomerId), "Consultation.UnknownCustomer");
        }
        else if (customerId is null && request.CustomerNumber?.Trim().ToUpperInvariant() is { Length: > 0 } customerNumber)
        {
            customerId = customerNumber.Length > 32 ? null
                : await db.Customers.Where(c => c.Number == customerNumber).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (customerId is null)
            {
                errors.Add(nameof(request.CustomerNumber), "Consultation.UnknownCustomer");
            }
        }

        var insurerId = await ResolveInsurerAsync(request.InsurerCode, errors, ct);
        if (errors.Any)
        {
            return Result<ConsultationDetail>.Invalid(errors.All);
        }

        var node = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<ConsultationDetail>.Forbidden();
        }

        var draft = new ConsultationDraft(request.CallerName!, mobile, request.Category!.Value, request.Question!, customerId, request.CallId, insurerId);
        Consultation consultation;
        try
        {
            var number = await numbers.NextAsync(Consultation.NumberPrefix, ct);
            consultation = answered
                ? Consultation.AnsweredAtOnce(number, draft, request.Answer, me.StaffId, node, now)
                : Consultation.RegisterForReply(number, draft, request.PromisedReplyAt, await DefaultReplyByAsync(node.Path, now, ct), me.StaffId, node, now);
        }
        catch (DomainException e)
        {
            return Result<ConsultationDetail>.From(e);
        }

        db.Consultations.Add(consultation);
        if (!answered)
        {
            await clocks.StartAsync(DefaultClockRules.ConsultationReply.Code, SubjectType, consultation.Id.ToString(), node.Id, me.StaffId,
                consultation.PromisedReplyAt, ct);
        }

        db.AddAuditEvent(answered ? "ConsultationAnswered" : "ConsultationRegistered", nameof(Consultation), consultation.Id,
            $"{consultation.Number} {consultation.Category} {consultation.Status}", consultation.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return await ConsultationDetail.FromAsync(db, consultation, ct);
    }

    /// <summary>The default promise for a consultation the signed-in agent takes now (null without an organisation node).</summary>
    public async Task<DateTimeOffset?> DefaultReplyForMeAsync(CancellationToken ct)
    {
        var path = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct) : null;
        return path is null ? null : await DefaultReplyByAsync(path, time.GetUtcNow(), ct);
    }

    /// <summary>The default promise at a node: the Consultation.Reply rule in force there (1 working day) on its calendar.</summary>
    public async Task<DateTimeOffset> DefaultReplyByAsync(string orgPath, DateTimeOffset now, CancellationToken ct)
    {
        var rule = await ClockRuleBook.FindAsync(db, DefaultClockRules.ConsultationReply.Code, orgPath, ct) ?? DefaultClockRules.ConsultationReply;
        return Consultation.DefaultReplyBy(now, rule, await calendars.ForNodeAsync(orgPath, ct));
    }

    private async Task<Guid?> ResolveInsurerAsync(string? code, FieldErrors errors, CancellationToken ct)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        Guid? byCode = null;
        if (code is not null)
        {
            byCode = code.Length > 20 ? null : await db.Insurers.Where(i => i.Code == code && i.IsActive).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (byCode is null)
            {
                errors.Add(nameof(RegisterConsultationRequest.InsurerCode), "Case.UnknownInsurer");
            }
        }

        if (me.InsurerScope is { } own)
        {
            if (byCode is not null && byCode != own)
            {
                errors.Add(nameof(RegisterConsultationRequest.InsurerCode), "Case.OtherInsurer");
            }

            return own;
        }

        return byCode;
    }

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, ValidationCodes.Required);
            }
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, "Validation.TooLong");
        }
    }
}
