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
            new Item("Nav.Desk", "/desk", "bi-headset", Permissions.Calls.Desk),
            new Item("Nav.MyClocks", "/clocks/my", "bi-stopwatch", Permissions.Clocks.ViewOwn),
            new Item("Nav.TeamClocks", "/clocks/team", "bi-people-fill", Permissions.Clocks.ViewTeam),
            new Item("Nav.MyRequests", "/my/requests", "bi-person-check", Permissions.Clocks.ViewOwn),
            new Item("Nav.MyErrors", "/my/errors", "bi-pencil-square", Permissions.Cases.Report),
            new Item("Nav.Difficult", "/supervisor/difficult", "bi-life-preserver", Permissions.Requests.Supervise),
        ]),
        new("Nav.Service",
        [
            new Item("Nav.NewCase", "/cases/new", "bi-telephone-plus", Permissions.Cases.Report),
            new Item("Nav.Cases", "/cases", "bi-folder2-open", Permissions.Cases.View),
            new Item("Nav.Customers", "/customers", "bi-person-vcard", Permissions.Customers.View),
            new Item("Nav.Calls", "/calls", "bi-telephone", Permissions.Calls.View),
        ]),
        new("Nav.Dispatch",
        [
            new Item("Nav.DispatchBoard", "/dispatch", "bi-broadcast", Permissions.Dispatch.Assign),
            new Item("Nav.MyTasks", "/m/tasks", "bi-phone", Permissions.Dispatch.Field),
            new Item("Nav.Surveyors", "/dispatch/surveyors", "bi-person-badge", Permissions.Dispatch.ManageSurveyors),
            new Item("Nav.DispatchRules", "/dispatch/rules", "bi-sliders", Permissions.Dispatch.ManageRules),
            new Item("Nav.Policies", "/policies", "bi-file-earmark-text", Permissions.Policies.View),
            new Item("Nav.Consultations", "/consultations", "bi-question-circle", Permissions.Consultations.View),
        ]),
        new("Nav.Quality",
        [
            new Item("Nav.RegistrationErrors", "/quality/errors", "bi-clipboard-check", Permissions.Quality.ViewErrors),
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
            new Item("Nav.Scripts", "/admin/scripts", "bi-chat-quote", Permissions.Calls.ManageScripts),
            new Item("Nav.Calendar", "/admin/calendar", "bi-calendar3", Permissions.Calendars.Manage),
            new Item("Nav.ClockRules", "/admin/clock-rules", "bi-hourglass-split", Permissions.Clocks.ManageRules),
            new Item("Nav.RequiredDocuments", "/admin/documents", "bi-list-check", Permissions.Cases.Manage),
        ]),
    ];
}
