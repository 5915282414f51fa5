using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Tests.Requests;

internal static class RequestTestData
{
    public static readonly OrgNode Head = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    public static readonly OrgNode Team = OrgNode.Create(OrgNode.Create(Head, 2, OrgNodeKind.Department, "CC", "客服中心"), 3, OrgNodeKind.Team, "T1", "坐席一组");

    public static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public static Staff Person(string workNumber, string name = "陈晓") => Staff.Create(workNumber, name, Team);

    public static ConsultationDraft Draft(string? mobile = "13800138000") =>
        new("张三", mobile is null ? null : MobileNumber.Create(mobile).Value, ConsultationCategory.ClaimProcess, "车损理赔要多久？");

    public static Consultation Pending(Staff owner, DateTimeOffset? now = null) =>
        Consultation.RegisterForReply("ZX20260302000001", Draft(), null, (now ?? Monday10).AddDays(1), owner.Id, Team, now ?? Monday10);

    public static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);
}
