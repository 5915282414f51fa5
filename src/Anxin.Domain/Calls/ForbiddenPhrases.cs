using System.Text;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Calls;

/// <summary>
/// Phrases agents must not use on the phone (CC-02, manual ch. 3–4), defined per organisation
/// node. The lists add up down the tree: a node's effective list is the union of its own and
/// its ancestors' lists, so a branch can add phrases but not drop head office's. Where no node
/// of the chain has a list, the built-in <see cref="ForbiddenPhrases.Defaults"/> apply.
/// </summary>
public sealed class ForbiddenPhraseList : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxPhrases = 50;
    public const int MaxPhraseLength = 30;

    private ForbiddenPhraseList()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    /// <summary>One phrase per line (stored as one column so the list has one version and one audit row per edit).</summary>
    public string Phrases { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> Items => Phrases.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static ForbiddenPhraseList Create(OrgNode node, IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(node);
        var list = new ForbiddenPhraseList { Id = Guid.CreateVersion7(), OrgNodeId = node.Id, OrgPath = node.Path };
        list.Replace(phrases);
        return list;
    }

    /// <summary>Replaces the node's phrases: blanks dropped, repeats (ignoring spaces and punctuation) kept once.</summary>
    public void Replace(IEnumerable<string> phrases)
    {
        var kept = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in phrases ?? [])
        {
            var phrase = raw?.Trim() ?? string.Empty;
            if (phrase.Length == 0)
            {
                continue;
            }

            var key = ForbiddenPhrases.Normalize(phrase).Text;
            if (phrase.Length > MaxPhraseLength || key.Length == 0)
            {
                throw new DomainException("CallScript.PhraseInvalid", nameof(Phrases));
            }

            if (seen.Add(key))
            {
                kept.Add(phrase);
            }
        }

        if (kept.Count > MaxPhrases)
        {
            throw new DomainException("CallScript.TooManyPhrases", nameof(Phrases));
        }

        Phrases = string.Join('\n', kept);
    }

    public void BumpVersion() => Version++;
}

/// <summary>Where a forbidden phrase occurs in a text: index and length in the original text.</summary>
public sealed record PhraseMatch(string Phrase, int Index, int Length);

public static class ForbiddenPhrases
{
    /// <summary>The manual's phrases: 首问责任制 (ch. 3) and the greeting taboo (ch. 4).</summary>
    public static readonly IReadOnlyList<string> Defaults = ["不知道", "没办法", "不归我管", "喂,说吧"];

    /// <summary>The effective phrases for the node at <paramref name="orgPath"/> from the lists of any nodes (only its chain counts).</summary>
    public static IReadOnlyList<string> Effective(string orgPath, IEnumerable<ForbiddenPhraseList> lists)
    {
        var chain = lists.Where(l => orgPath.StartsWith(l.OrgPath, StringComparison.Ordinal)).OrderBy(l => l.OrgPath.Length).ToList();
        if (chain.Count == 0)
        {
            return Defaults;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return chain.SelectMany(l => l.Items).Where(p => seen.Add(Normalize(p).Text)).ToList();
    }

    /// <summary>
    /// Every occurrence of each phrase in <paramref name="text"/> (e.g. a call transcript or QA
    /// notes), in text order. Matching ignores spaces, punctuation, full-/half-width forms and
    /// letter case, so "喂，说吧！" matches "喂,说吧".
    /// </summary>
    public static IReadOnlyList<PhraseMatch> Find(string? text, IEnumerable<string> phrases)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var (normalized, map) = Normalize(text);
        var matches = new List<PhraseMatch>();
        foreach (var phrase in phrases.Distinct(StringComparer.Ordinal))
        {
            var needle = Normalize(phrase).Text;
            if (needle.Length == 0)
            {
                continue;
            }

            var from = 0;
            while (from <= normalized.Length - needle.Length)
            {
                var at = normalized.IndexOf(needle, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                var start = map[at];
                var end = map[at + needle.Length - 1];
                matches.Add(new PhraseMatch(phrase, start, end - start + 1));
                from = at + needle.Length;
            }
        }

        return [.. matches.OrderBy(m => m.Index).ThenByDescending(m => m.Length)];
    }

    /// <summary>Letters and digits only, NFKC-folded and lower-cased, with each character's index in the original.</summary>
    internal static (string Text, int[] Map) Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var unit = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? text.Substring(i, 2)
                : text[i].ToString();
            var start = i;
            i += unit.Length - 1;
            if (char.IsSurrogate(unit[0]) && unit.Length == 1)
            {
                continue; // a lone surrogate: not text
            }

            var folded = unit.Normalize(NormalizationForm.FormKC);
            for (var k = 0; k < folded.Length; k++)
            {
                if (char.IsLetterOrDigit(folded, k))
                {
                    builder.Append(char.ToLowerInvariant(folded[k]));
                    map.Add(start);
                }
                else if (char.IsLowSurrogate(folded[k]) && k > 0 && char.IsLetterOrDigit(folded, k - 1))
                {
                    builder.Append(folded[k]);
                    map.Add(start);
                }
            }
        }

        return (builder.ToString(), [.. map]);
    }
}
