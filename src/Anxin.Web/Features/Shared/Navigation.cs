using Anxin.Domain.Administration;

namespace Anxin.Web.Features.Shared;

/// <summary>The side navigation: an entry shows only to users holding its permission.</summary>
public static class Navigation
{
    public sealed record Item(string TextKey, string Href, string Icon, string? Permission);

    public sealed record Section(string TextKey, IReadOnlyList<Item> Items);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("Nav.Home", [new Item("Nav.Home", "/", "bi-house", null)]),
        new("Nav.Work",
        [
            new Item("Nav.MyClocks", "/clocks/my", "bi-stopwatch", Permissions.Clocks.ViewOwn),
            new Item("Nav.TeamClocks", "/clocks/team", "bi-people-fill", Permissions.Clocks.ViewTeam),
        ]),
        new("Nav.Service",
        [
            new Item("Nav.Customers", "/customers", "bi-person-vcard", Permissions.Customers.View),
            new Item("Nav.Claims", "/claims", "bi-file-earmark-medical", Permissions.Claims.View),
        ]),
        new("Nav.Administration",
        [
            new Item("Nav.OrgTree", "/admin/org", "bi-diagram-3", Permissions.Org.View),
            new Item("Nav.Staff", "/admin/staff", "bi-people", Permissions.Staff.View),
            new Item("Nav.Roles", "/admin/roles", "bi-shield-lock", Permissions.Roles.Manage),
            new Item("Nav.ApiKeys", "/admin/api-keys", "bi-key", Permissions.ApiKeys.Manage),
            new Item("Nav.Audit", "/admin/audit", "bi-journal-text", Permissions.Audit.View),
            new Item("Nav.Outbox", "/admin/outbox", "bi-send", Permissions.Messages.View),
            new Item("Nav.Templates", "/admin/templates", "bi-chat-square-text", Permissions.Messages.Manage),
            new Item("Nav.Calendar", "/admin/calendar", "bi-calendar3", Permissions.Calendars.Manage),
            new Item("Nav.ClockRules", "/admin/clock-rules", "bi-hourglass-split", Permissions.Clocks.ManageRules),
            new Item("Nav.Authority", "/admin/authority", "bi-sliders", Permissions.Claims.ManageAuthority),
        ]),
    ];
}
