using System.Reflection;

namespace Anxin.Domain.Administration;

/// <summary>One named permission per capability; roles grant them, API keys carry a subset.</summary>
public static class Permissions
{
    public static class Org
    {
        public const string View = "Org.View";
        public const string Manage = "Org.Manage";
    }

    public static class Staff
    {
        public const string View = "Staff.View";
        public const string Manage = "Staff.Manage";
        public const string Export = "Staff.Export";
        public const string ResetPassword = "Staff.ResetPassword";
    }

    public static class Roles
    {
        public const string Manage = "Roles.Manage";
    }

    public static class ApiKeys
    {
        public const string Manage = "ApiKeys.Manage";
    }

    public static class Audit
    {
        public const string View = "Audit.View";
    }

    public static class PersonalData
    {
        public const string Reveal = "PersonalData.Reveal";
    }

    public static class Insurers
    {
        public const string View = "Insurers.View";
        public const string Manage = "Insurers.Manage";
    }

    public static class Messages
    {
        public const string View = "Messages.View";
        public const string Manage = "Messages.Manage";
    }

    public static class Calendars
    {
        public const string Manage = "Calendars.Manage";
    }

    public static class Clocks
    {
        public const string ViewOwn = "Clocks.ViewOwn";
        public const string ViewTeam = "Clocks.ViewTeam";
        public const string ManageRules = "Clocks.ManageRules";
    }

    public static class Customers
    {
        public const string View = "Customers.View";
        public const string Manage = "Customers.Manage";
    }

    public static class Policies
    {
        public const string View = "Policies.View";
        public const string Manage = "Policies.Manage";
        public const string Import = "Policies.Import";
    }

    public static class Cases
    {
        /// <summary>Register a loss report (CC-03), by phone, at the counter or through the API.</summary>
        public const string Report = "Cases.Report";
        public const string View = "Cases.View";

        /// <summary>Verify a policy later, hand over, cancel, close; maintain the required-documents lists.</summary>
        public const string Manage = "Cases.Manage";
    }

    public static class Calls
    {
        /// <summary>The call log: calls inside the user's data scope.</summary>
        public const string View = "Calls.View";

        /// <summary>The agent desktop: take calls, see the caller's record, classify calls.</summary>
        public const string Desk = "Calls.Desk";

        /// <summary>Report telephony (CTI) events: a CTI system's API key, or the desk's call simulator.</summary>
        public const string Cti = "Calls.Cti";

        /// <summary>Edit the call scripts and forbidden phrases of an organisation node.</summary>
        public const string ManageScripts = "Calls.ManageScripts";
    }

    /// <summary>Dispatch of surveyors (CC-04, CC-11).</summary>
    public static class Dispatch
    {
        /// <summary>See the dispatch board, recommendations, and assign or reassign surveyors.</summary>
        public const string Assign = "Dispatch.Assign";

        /// <summary>A surveyor's own work: position, presence, acknowledge, arrival, assessment.</summary>
        public const string Field = "Dispatch.Field";

        /// <summary>Edit surveyor profiles (skills, base, load cap, insurers served).</summary>
        public const string ManageSurveyors = "Dispatch.ManageSurveyors";

        /// <summary>Edit the commissioning insurers' dispatch rules .</summary>
        public const string ManageRules = "Dispatch.ManageRules";
    }

    /// <summary>Consultations (CC-06): register and answer; look up.</summary>
    public static class Consultations
    {
        public const string View = "Consultations.View";
        public const string Manage = "Consultations.Manage";
    }

    /// <summary>First-contact ownership (CC-05, CC-07): supervisors see difficult requests in their scope and take them over.</summary>
    public static class Requests
    {
        public const string Supervise = "Requests.Supervise";
    }

    /// <summary>Registration errors (CC-08): QA records and confirms; supervisors and managers see them and the KPI counts.</summary>
    public static class Quality
    {
        public const string RecordErrors = "Quality.RecordErrors";
        public const string ViewErrors = "Quality.ViewErrors";
    }

    /// <summary>Every permission, for the role editor and for validating API key scopes.</summary>
    public static readonly IReadOnlyList<string> All = typeof(Permissions)
        .GetNestedTypes(BindingFlags.Public | BindingFlags.Static)
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);
}
