using System.Text.RegularExpressions;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Calls;

/// <summary>The standard scripts (话术) of a telephone call (CC-02), in the order a call meets them.</summary>
public enum ScriptStep
{
    /// <summary>Not spoken on its own: the company name agents announce, filling <c>{company}</c> in the other scripts.</summary>
    CompanyName = 0,
    Greeting = 1,
    ReportClosing = 2,
    DispatchGreeting = 3,
    DispatchClosing = 4,
    ConsultationClosing = 5,
    SilentCall = 6,
}

/// <summary>
/// The text of one script step for an organisation node and its subtree (CC-02). A call uses
/// the script of the nearest node up the tree from the agent's node that defines the step, else
/// the built-in default (<see cref="CallScripts.Defaults"/>). Placeholders: <c>{company}</c> and
/// <c>{workNo}</c> (the agent's 工号).
/// </summary>
public sealed class CallScript : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxTextLength = 500;

    private CallScript()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public ScriptStep Step { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static CallScript Create(OrgNode node, ScriptStep step, string text)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!Enum.IsDefined(step))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Step));
        }

        var script = new CallScript { Id = Guid.CreateVersion7(), OrgNodeId = node.Id, OrgPath = node.Path, Step = step };
        script.Edit(text);
        return script;
    }

    /// <summary>New wording. A placeholder other than {company} and {workNo} is refused (a typo would be read out).</summary>
    public void Edit(string text)
    {
        text = (text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Text));
        }

        if (text.Length > MaxTextLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Text));
        }

        IReadOnlyList<string> allowed = Step == ScriptStep.CompanyName ? [] : CallScripts.Placeholders;
        if (CallScripts.PlaceholdersIn(text).Any(p => !allowed.Contains(p, StringComparer.Ordinal)))
        {
            throw new DomainException("CallScript.UnknownPlaceholder", nameof(Text));
        }

        Text = text;
    }

    public void BumpVersion() => Version++;
}

/// <summary>The effective text of a step for a node: where it comes from, and the text filled in for an agent.</summary>
/// <param name="DefinedAt">The node whose script applies; null for the built-in default.</param>
public sealed record ResolvedScript(ScriptStep Step, string Text, Guid? DefinedAt);

/// <summary>Inheritance, defaults and rendering of the call scripts.</summary>
public static partial class CallScripts
{
    public const string Company = "company";
    public const string WorkNo = "workNo";

    public static readonly IReadOnlyList<string> Placeholders = [Company, WorkNo];

    /// <summary>The steps read out during a call (every step but the company name).</summary>
    public static readonly IReadOnlyList<ScriptStep> Spoken = [.. Enum.GetValues<ScriptStep>().Where(s => s != ScriptStep.CompanyName)];

    /// <summary>
    /// The built-in texts: the call-centre manual, chapter 4 (电话标准化服务) — CC-02. The silent-call
    /// wording is ours (the manual's section on silent calls is not in the source we have).
    /// </summary>
    public static readonly IReadOnlyDictionary<ScriptStep, string> Defaults = new Dictionary<ScriptStep, string>
    {
        [ScriptStep.CompanyName] = "安心保险",
        [ScriptStep.Greeting] = "您好,{company} {workNo}号为您服务,请问有什么可以帮到您?",
        [ScriptStep.ReportClosing] = "您的情况我们已了解,我们会尽快派人与您联系。",
        [ScriptStep.DispatchGreeting] = "您好,请问是某某查勘组吗?我是调度{workNo}号,请问有收到车牌***的短信吗?",
        [ScriptStep.DispatchClosing] = "谢谢,再见。",
        [ScriptStep.ConsultationClosing] = "谢谢,欢迎再次来电。",
        [ScriptStep.SilentCall] = "您好,这里是{company},请问能听到我说话吗?……对不起,电话没有声音,请您稍后再拨,再见。",
    };

    /// <summary>
    /// The script of <paramref name="step"/> for the node at <paramref name="orgPath"/>: among
    /// <paramref name="scripts"/> (any set, e.g. those of the node's ancestors), the one on the
    /// nearest node up the tree; else the built-in default.
    /// </summary>
    public static ResolvedScript Resolve(ScriptStep step, string orgPath, IEnumerable<CallScript> scripts)
    {
        var nearest = scripts
            .Where(s => s.Step == step && orgPath.StartsWith(s.OrgPath, StringComparison.Ordinal))
            .MaxBy(s => s.OrgPath.Length);
        return nearest is null ? new ResolvedScript(step, Defaults[step], null) : new ResolvedScript(step, nearest.Text, nearest.OrgNodeId);
    }

    /// <summary>Fills {company} and {workNo}; any other placeholder stays visible.</summary>
    public static string Render(string text, string company, string workNumber) =>
        Placeholder().Replace(text ?? string.Empty, m => m.Groups[1].Value switch
        {
            Company => company,
            WorkNo => workNumber,
            _ => m.Value,
        });

    /// <summary>The step an agent is at: greeting until the call is classified, then that type's closing.</summary>
    public static ScriptStep CurrentStep(CallType? type) => type switch
    {
        CallType.Report => ScriptStep.ReportClosing,
        CallType.Consultation or CallType.Enquiry or CallType.Complaint or CallType.Callback => ScriptStep.ConsultationClosing,
        CallType.Silent => ScriptStep.SilentCall,
        _ => ScriptStep.Greeting,
    };

    public static IEnumerable<string> PlaceholdersIn(string text) =>
        Placeholder().Matches(text ?? string.Empty).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
