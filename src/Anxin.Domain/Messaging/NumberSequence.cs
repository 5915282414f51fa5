namespace Anxin.Domain.Messaging;

/// <summary>
/// The last business number issued for a prefix on a business day. Rows are only ever
/// written by one atomic upsert (see the web layer's business number generator).
/// </summary>
public sealed class NumberSequence
{
    private NumberSequence()
    {
    }

    public string Prefix { get; private set; } = string.Empty;

    /// <summary>The business day as yyyyMMdd (Asia/Shanghai).</summary>
    public string Day { get; private set; } = string.Empty;

    public long LastValue { get; private set; }
}
