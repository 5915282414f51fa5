using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Tests.Calls;

public sealed class CallScriptTests
{
    private static readonly OrgNode Head = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    private static readonly OrgNode Branch = OrgNode.Create(Head, 2, OrgNodeKind.Branch, "GD", "广东分公司");
    private static readonly OrgNode Centre = OrgNode.Create(Branch, 12, OrgNodeKind.Department, "GD-CC", "广东客服中心");
    private static readonly OrgNode Team = OrgNode.Create(Centre, 13, OrgNodeKind.Team, "GD-CC-T1", "坐席一组");
    private static readonly OrgNode OtherBranch = OrgNode.Create(Head, 3, OrgNodeKind.Branch, "ZJ", "浙江分公司");

    [Fact]
    public void The_greeting_names_the_company_and_the_agents_work_number()
    {
        var text = CallScripts.Render(CallScripts.Defaults[ScriptStep.Greeting], "安心保险", "2102");

        Assert.Equal("您好,安心保险 2102号为您服务,请问有什么可以帮到您?", text);
    }

    [Fact]
    public void Rendering_leaves_other_placeholders_visible()
    {
        Assert.Equal("车牌 {plate},工号 7", CallScripts.Render("车牌 {plate},工号 {workNo}", "X", "7"));
    }

    [Fact]
    public void The_nearest_node_up_the_tree_that_defines_a_step_wins()
    {
        var atHead = CallScript.Create(Head, ScriptStep.Greeting, "总公司问候 {workNo}");
        var atCentre = CallScript.Create(Centre, ScriptStep.Greeting, "客服中心问候 {workNo}");
        var elsewhere = CallScript.Create(OtherBranch, ScriptStep.Greeting, "浙江问候");
        CallScript[] scripts = [atHead, atCentre, elsewhere];

        Assert.Equal(("客服中心问候 {workNo}", (Guid?)Centre.Id), Pick(CallScripts.Resolve(ScriptStep.Greeting, Team.Path, scripts)));
        Assert.Equal(("总公司问候 {workNo}", (Guid?)Head.Id), Pick(CallScripts.Resolve(ScriptStep.Greeting, Branch.Path, scripts)));
        Assert.Equal(("浙江问候", (Guid?)OtherBranch.Id), Pick(CallScripts.Resolve(ScriptStep.Greeting, OtherBranch.Path, scripts)));
    }

    [Fact]
    public void A_step_no_node_defines_falls_back_to_the_built_in_text_of_the_manual()
    {
        var resolved = CallScripts.Resolve(ScriptStep.ReportClosing, Team.Path, [CallScript.Create(Head, ScriptStep.Greeting, "问候")]);

        Assert.Null(resolved.DefinedAt);
        Assert.Equal("您的情况我们已了解,我们会尽快派人与您联系。", resolved.Text);
        Assert.Equal("谢谢,欢迎再次来电。", CallScripts.Defaults[ScriptStep.ConsultationClosing]);
    }

    [Fact]
    public void A_sibling_path_that_shares_a_prefix_is_not_an_ancestor()
    {
        // "/1/2/" must not apply to "/1/23/": paths end with a slash.
        var node2 = OrgNode.Create(Head, 22, OrgNodeKind.Branch, "B22", "分公司22");
        var node23 = OrgNode.Create(Head, 223, OrgNodeKind.Branch, "B223", "分公司223");

        var resolved = CallScripts.Resolve(ScriptStep.Greeting, node23.Path, [CallScript.Create(node2, ScriptStep.Greeting, "22 的问候")]);

        Assert.Null(resolved.DefinedAt);
    }

    [Theory]
    [InlineData("您好 {compnay}")]
    [InlineData("工号 {work}")]
    public void A_misspelt_placeholder_is_refused_when_the_script_is_saved(string text)
    {
        var e = Assert.Throws<DomainException>(() => CallScript.Create(Head, ScriptStep.Greeting, text));

        Assert.Equal(("CallScript.UnknownPlaceholder", nameof(CallScript.Text)), (e.Code, e.Field));
    }

    [Fact]
    public void The_company_name_takes_no_placeholders_and_blank_or_long_text_is_refused()
    {
        Assert.Equal("CallScript.UnknownPlaceholder", Assert.Throws<DomainException>(() => CallScript.Create(Head, ScriptStep.CompanyName, "{company}")).Code);
        Assert.Equal(ValidationCodes.Required, Assert.Throws<DomainException>(() => CallScript.Create(Head, ScriptStep.Greeting, "  ")).Code);
        Assert.Equal("Validation.TooLong", Assert.Throws<DomainException>(() =>
            CallScript.Create(Head, ScriptStep.Greeting, new string('话', CallScript.MaxTextLength + 1))).Code);
    }

    [Theory]
    [InlineData(null, ScriptStep.Greeting)]
    [InlineData(CallType.Report, ScriptStep.ReportClosing)]
    [InlineData(CallType.Consultation, ScriptStep.ConsultationClosing)]
    [InlineData(CallType.Enquiry, ScriptStep.ConsultationClosing)]
    [InlineData(CallType.Silent, ScriptStep.SilentCall)]
    public void The_current_step_follows_the_call_type(CallType? type, ScriptStep step)
    {
        Assert.Equal(step, CallScripts.CurrentStep(type));
    }

    private static (string, Guid?) Pick(ResolvedScript r) => (r.Text, r.DefinedAt);
}
