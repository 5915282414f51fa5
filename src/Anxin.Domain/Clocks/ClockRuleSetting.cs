using Anxin.Domain.Common;

namespace Anxin.Domain.Clocks;

/// <summary>
/// An organisation node's own version of a clock rule. Nodes below inherit it; nodes
/// without one anywhere up the tree use <see cref="DefaultClockRules"/>. A statutory rule may be
/// tightened but never made longer than the statute.
/// </summary>
public sealed class ClockRuleSetting : IVersioned
{
    private ClockRuleSetting()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public int Amount { get; private set; }

    public DeadlineUnit Unit { get; private set; }

    public int WarnPercent { get; private set; }

    public long Version { get; private set; }

    public static ClockRuleSetting Create(Guid orgNodeId, ClockRule statute, int amount, DeadlineUnit unit, int warnPercent)
    {
        var setting = new ClockRuleSetting { Id = Guid.CreateVersion7(), OrgNodeId = orgNodeId, Code = statute.Code };
        setting.Change(statute, amount, unit, warnPercent);
        return setting;
    }

    /// <summary>Changes the rule; <paramref name="standard"/> is the default rule for the code.</summary>
    public void Change(ClockRule standard, int amount, DeadlineUnit unit, int warnPercent)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Unit));
        }

        var rule = ClockRule.Create(standard.Code, amount, unit, warnPercent, standard.Statutory);
        if (standard.Statutory)
        {
            if (unit != standard.Unit)
            {
                throw new DomainException("Clock.StatutoryUnit", nameof(Unit));
            }

            if (amount > standard.Amount)
            {
                throw new DomainException("Clock.StatutoryLonger", nameof(Amount));
            }
        }

        Amount = rule.Amount;
        Unit = rule.Unit;
        WarnPercent = rule.WarnPercent;
    }

    public ClockRule ToRule(ClockRule standard) => new(Code, Amount, Unit, WarnPercent, standard.Statutory);

    public void BumpVersion() => Version++;
}
