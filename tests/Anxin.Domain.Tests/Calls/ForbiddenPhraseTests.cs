using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Tests.Calls;

public sealed class ForbiddenPhraseTests
{
    private static readonly OrgNode Head = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    private static readonly OrgNode Branch = OrgNode.Create(Head, 2, OrgNodeKind.Branch, "GD", "广东分公司");
    private static readonly OrgNode Team = OrgNode.Create(Branch, 13, OrgNodeKind.Team, "GD-T1", "坐席一组");
    private static readonly OrgNode OtherBranch = OrgNode.Create(Head, 3, OrgNodeKind.Branch, "ZJ", "浙江分公司");

    [Fact]
    public void Finds_each_forbidden_phrase_where_it_occurs_in_the_text()
    {
        const string text = "这个我不知道，没办法帮您。真的不知道。";

        var matches = ForbiddenPhrases.Find(text, ForbiddenPhrases.Defaults);

        Assert.Equal([("不知道", 3), ("没办法", 7), ("不知道", 15)], matches.Select(m => (m.Phrase, m.Index)));
        Assert.All(matches, m => Assert.Equal(m.Phrase, text.Substring(m.Index, m.Length)));
    }

    [Fact]
    public void Matching_ignores_punctuation_width_and_spaces()
    {
        var match = Assert.Single(ForbiddenPhrases.Find("喂，说吧！", ForbiddenPhrases.Defaults));

        Assert.Equal("喂,说吧", match.Phrase);
        Assert.Equal((0, 4), (match.Index, match.Length));
        Assert.Single(ForbiddenPhrases.Find("这事 不归 我管", ForbiddenPhrases.Defaults));
        Assert.Single(ForbiddenPhrases.Find("Say NO WAY", ["no way"]));
    }

    [Fact]
    public void A_polite_text_has_no_matches()
    {
        Assert.Empty(ForbiddenPhrases.Find("您好,安心保险 2102号为您服务,请问有什么可以帮到您?", ForbiddenPhrases.Defaults));
        Assert.Empty(ForbiddenPhrases.Find(null, ForbiddenPhrases.Defaults));
        Assert.Empty(ForbiddenPhrases.Find("😀 不 知", ["知道"]));
    }

    [Fact]
    public void Lists_add_up_down_the_tree_and_only_the_chain_counts()
    {
        var head = ForbiddenPhraseList.Create(Head, ["不知道", "没办法"]);
        var branch = ForbiddenPhraseList.Create(Branch, ["你自己去问", "没 办法"]);
        var other = ForbiddenPhraseList.Create(OtherBranch, ["浙江的禁用语"]);

        Assert.Equal(["不知道", "没办法", "你自己去问"], ForbiddenPhrases.Effective(Team.Path, [other, branch, head]));
        Assert.Equal(["不知道", "没办法"], ForbiddenPhrases.Effective(Head.Path, [other, branch, head]));
    }

    [Fact]
    public void Without_any_list_on_the_chain_the_manuals_phrases_apply()
    {
        Assert.Equal(ForbiddenPhrases.Defaults, ForbiddenPhrases.Effective(Team.Path, [ForbiddenPhraseList.Create(OtherBranch, ["x"])]));
        Assert.Empty(ForbiddenPhrases.Effective(Team.Path, [ForbiddenPhraseList.Create(Head, [])]));
    }

    [Fact]
    public void A_list_drops_blanks_and_repeats_and_refuses_punctuation_only_or_long_phrases()
    {
        var list = ForbiddenPhraseList.Create(Head, [" 不知道 ", "", "不 知道", "没办法"]);

        Assert.Equal(["不知道", "没办法"], list.Items);
        Assert.Equal("CallScript.PhraseInvalid", Assert.Throws<DomainException>(() => list.Replace(["，。！"])).Code);
        Assert.Equal("CallScript.PhraseInvalid", Assert.Throws<DomainException>(() => list.Replace([new string('字', 31)])).Code);
        Assert.Equal("CallScript.TooManyPhrases", Assert.Throws<DomainException>(() =>
            list.Replace(Enumerable.Range(0, 51).Select(i => "禁用" + i))).Code);
    }
}
