using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Domain.Organisation;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Demo data of the contact centre: the standard scripts and forbidden phrases at head office,
/// an override at the Guangdong contact centre (to show inheritance), two callers and a few days
/// of calls for agent1–agent3. A call from 139 0013 8001 pops 张伟's record on the desk.
/// </summary>
public static class CallDemoData
{
    public const string KnownCallerMobile = "13900138001";

    public static async Task SeedAsync(AnxinDbContext db, IBusinessNumberGenerator numbers, TimeProvider time, Func<int, ResidentIdNumber> idNumber)
    {
        var nodes = await db.OrgNodes.IgnoreQueryFilters().ToDictionaryAsync(n => n.Code);
        var head = nodes["HO"];
        var centre = nodes["GD-CC"];
        var team = nodes["GD-CC-T1"];

        db.CallScripts.AddRange(CallScripts.Defaults.Select(d => CallScript.Create(head, d.Key, d.Value)));
        db.CallScripts.Add(CallScript.Create(centre, ScriptStep.Greeting, "您好,{company}广东客服中心 {workNo}号为您服务,请问有什么可以帮到您?"));
        db.ForbiddenPhraseLists.Add(ForbiddenPhraseList.Create(head, ForbiddenPhrases.Defaults));
        db.ForbiddenPhraseLists.Add(ForbiddenPhraseList.Create(centre, ["这个我管不了", "你自己去问"]));

        var zhang = Customer.RegisterIndividual(await numbers.NextAsync(Customer.NumberPrefix, CancellationToken.None), "张伟", idNumber(101),
            MobileNumber.Create(KnownCallerMobile).Value, team);
        var li = Customer.RegisterIndividual(await numbers.NextAsync(Customer.NumberPrefix, CancellationToken.None), "李娜", idNumber(102),
            MobileNumber.Create("13900138002").Value, team);
        db.Customers.AddRange(zhang, li);

        var agents = await db.Staff.IgnoreQueryFilters().Where(s => s.WorkNumber == "2102" || s.WorkNumber == "2103" || s.WorkNumber == "2104")
            .ToDictionaryAsync(s => s.WorkNumber);
        var now = time.GetUtcNow();
        (string Agent, double HoursAgo, string Number, int TalkSeconds, CallType? Type, Customer? Customer, string? Notes)[] calls =
        [
            ("2102", 50, KnownCallerMobile, 185, CallType.Report, zhang, "车辆在南山区追尾，已告知报案流程"),
            ("2102", 30, "13900138002", 95, CallType.Consultation, li, "咨询车险理赔所需单证"),
            ("2103", 28, "075526001234", 0, null, null, null),
            ("2103", 26, KnownCallerMobile, 240, CallType.Complaint, zhang, "对查勘员到场时间不满意"),
            ("2104", 20, "13700001111", 12, CallType.Silent, null, null),
            ("2104", 16, "13900138002", 60, CallType.Enquiry, li, "查询理赔进度"),
        ];
        var i = 0;
        foreach (var c in calls)
        {
            i++;
            var ringing = now.AddHours(-c.HoursAgo);
            var call = Call.Open($"DEMO-{i:D4}", CallDirection.Inbound, c.Number, "95500", agents[c.Agent], CallEvent.Ringing, ringing);
            if (c.TalkSeconds > 0)
            {
                call.Answer(ringing.AddSeconds(6));
                call.End(ringing.AddSeconds(6 + c.TalkSeconds));
            }
            else
            {
                call.End(ringing.AddSeconds(25)); // missed
            }

            if (c.Type is { } type)
            {
                call.Classify(type, c.Customer?.Id, c.Notes);
            }

            call.AttachRecording(c.TalkSeconds > 0 ? $"rec://demo/{i:D4}.wav" : null);
            db.Calls.Add(call);
        }

        await db.SaveChangesAsync();
    }
}
