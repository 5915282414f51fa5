using System.Text.RegularExpressions;

namespace Anxin.E2E.Infrastructure;

public static class AccessibleName
{
    /// <summary>
    /// Matches a control whose text is <paramref name="text"/>, optionally preceded by a Bootstrap
    /// icon: the icon is CSS-generated content (a private-use glyph) and counts in the accessible name.
    /// </summary>
    public static Regex WithIcon(string text) =>
        // Playwright sends the pattern as a /…/ literal: a bare "/" (as in 新建机构/部门) would end it.
        new(@"^[^\p{L}\p{N}]*" + Regex.Escape(text).Replace("/", @"\/", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
