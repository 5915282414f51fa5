namespace Anxin.Domain.Requests;

/// <summary>
/// The kinds of customer request that have a first-contact owner (首问负责人, CC-05). The name
/// doubles as the service clocks' subject type.
/// </summary>
public enum RequestKind
{
    Case = 1,
    Consultation = 2,
}

/// <summary>The request a hand-over, an escalation or a registration error is about.</summary>
public sealed record RequestRef(RequestKind Kind, Guid Id, string Number, Guid OrgNodeId, string OrgPath);
