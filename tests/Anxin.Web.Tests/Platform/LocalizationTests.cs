using System.Text.RegularExpressions;
using System.Xml.Linq;
using Anxin.Domain.Common;

namespace Anxin.Web.Tests.Platform;

/// <summary>Every UI string exists in every language; every key the code uses exists.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string Root = FindRoot();
    private static readonly string ResourceDir = Path.Combine(Root, "src", "Anxin.Web", "Resources");
    private static readonly string[] Languages = [string.Empty, ".en", ".zh-Hant"];

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourceDir, "*.resx").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_key_exists_with_a_value_in_every_language(string set)
    {
        var neutral = Load(set, string.Empty);
        Assert.NotEmpty(neutral);
        foreach (var language in Languages.Skip(1))
        {
            var translated = Load(set, language);
            Assert.Empty(neutral.Keys.Except(translated.Keys).Select(k => $"{set}{language}: missing {k}"));
            Assert.Empty(translated.Keys.Except(neutral.Keys).Select(k => $"{set}{language}: extra {k}"));
            Assert.Empty(translated.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{set}{language}: empty {kv.Key}"));
        }
    }

    [Fact]
    public void Every_shared_key_used_in_code_and_pages_exists()
    {
        var keys = Load("SharedResource", string.Empty).Keys.ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => SharedKeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    [Fact]
    public void Every_validation_code_and_domain_error_has_a_message()
    {
        var keys = Load("SharedResource", string.Empty).Keys.ToHashSet(StringComparer.Ordinal);
        var domainCodes = Directory.EnumerateFiles(Path.Combine(Root, "src", "Anxin.Domain"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => DomainErrorUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value));

        var missing = ValidationCodes.All.Concat(domainCodes).Where(k => !keys.Contains(k)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing messages: " + string.Join(", ", missing));
    }

    private static Dictionary<string, string> Load(string set, string language) =>
        XDocument.Load(Path.Combine(ResourceDir, set + language + ".resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Anxin.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    // T["Key"], text["Key"], T["Key", arg] in pages and page models (the shared localizer's names).
    [GeneratedRegex(@"\b(?:T|text)\[""(?<key>[A-Za-z][A-Za-z0-9.\-]*)""")]
    private static partial Regex SharedKeyUse();

    [GeneratedRegex(@"new DomainException\(""(?<key>[A-Za-z][A-Za-z0-9.\-]*)""")]
    private static partial Regex DomainErrorUse();
}
