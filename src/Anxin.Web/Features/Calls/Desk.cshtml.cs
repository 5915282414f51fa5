using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Calls;

/// <summary>
/// The agent desktop: the current call (updated live by screen pops), the caller's record and open
/// items, the script of the current step, classification, and — in Development/Testing or for
/// holders of Calls.Cti — a call simulator that goes through the CTI event handler.
/// </summary>
[HasPermission(Permissions.Calls.Desk)]
public sealed class DeskModel(GetDeskHandler desk, ClassifyCallHandler classify, RecordCtiEventHandler cti, CurrentUser me,
    IWebHostEnvironment env, IStringLocalizer<CallText> callText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "call")]
    public Guid? CallId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public ClassifyInput Input { get; set; } = new();

    [BindProperty]
    public SimulateInput Simulate { get; set; } = new();

    public DeskView View { get; private set; } = null!;

    public bool HasStaff => me.StaffId is not null;

    /// <summary>The simulator is for demos and tests, and for people allowed to report CTI events anyway.</summary>
    public bool CanSimulate => env.IsDevelopment() || env.IsEnvironment("Testing") || me.Has(Permissions.Calls.Cti);

    public bool CanRegisterCustomer => me.Has(Permissions.Customers.Manage);

    public string? SimulateMessage { get; private set; }

    public bool SimulateFailed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await desk.HandleAsync(CallId, ct);
        Input = ClassifyInput.From(View);
    }

    /// <summary>The current-call panel alone (htmx, after a screen pop).</summary>
    public async Task<IActionResult> OnGetPanelAsync(CancellationToken ct)
    {
        View = await desk.HandleAsync(CallId, ct);
        Input = ClassifyInput.From(View);
        return Partial("_DeskCall", this);
    }

    public async Task<IActionResult> OnPostClassifyAsync(CancellationToken ct)
    {
        var result = await classify.HandleAsync(Input.CallId, new ClassifyCallRequest(Input.Type, Input.CustomerId,
            Input.CustomerNumber, Input.Notes, Input.Version), ct);
        if (result.IsOk)
        {
            return Redirect($"/desk?call={Input.CallId}&saved=true");
        }

        ModelState.Clear();
        result.AddTo(ModelState, new CallLocalizer(callText, sharedText));
        CallId = Input.CallId;
        View = await desk.HandleAsync(CallId, ct);
        return Page();
    }

    /// <summary>A simulated CTI event for the signed-in agent: with htmx the answer is the simulator form; the panel follows by screen pop.</summary>
    public async Task<IActionResult> OnPostSimulateAsync(CancellationToken ct)
    {
        if (!CanSimulate || me.StaffId is not { } staffId)
        {
            return Forbid();
        }

        var callId = string.IsNullOrWhiteSpace(Simulate.CallId) ? "SIM-" + Guid.CreateVersion7().ToString("N") : Simulate.CallId;
        var result = await cti.HandleAsync(new CtiEventRequest(callId, Simulate.Event ?? nameof(CallEvent.Ringing), staffId.ToString(),
            Simulate.CallerNumber, null, null, null, null), ct);
        ModelState.Clear();
        var htmx = Request.Headers.ContainsKey("HX-Request");
        if (result.IsOk)
        {
            if (!htmx)
            {
                return Redirect("/desk?call=" + result.Value!.Id);
            }

            SimulateMessage = callText["Desk.Simulated"];
            Simulate = new SimulateInput();
            return Partial("_DeskSimulate", this);
        }

        SimulateFailed = true;
        result.AddTo(ModelState, new CallLocalizer(callText, sharedText), "Simulate");
        if (htmx)
        {
            return Partial("_DeskSimulate", this);
        }

        View = await desk.HandleAsync(CallId, ct);
        Input = ClassifyInput.From(View);
        return Page();
    }

    public sealed class ClassifyInput
    {
        public Guid CallId { get; set; }

        public CallType? Type { get; set; }

        public Guid? CustomerId { get; set; }

        public string? CustomerNumber { get; set; }

        public string? Notes { get; set; }

        public long? Version { get; set; }

        public static ClassifyInput From(DeskView view) => view.Call is { } c
            ? new ClassifyInput
            {
                CallId = c.Id, Type = c.Type, CustomerId = c.CustomerId ?? view.Caller?.Customer?.Id, Notes = c.Notes, Version = c.Version,
            }
            : new ClassifyInput();
    }

    public sealed class SimulateInput
    {
        public string? CallerNumber { get; set; }

        /// <summary>ringing (a new call), answered or ended (of <see cref="CallId"/>).</summary>
        public string? Event { get; set; }

        public string? CallId { get; set; }
    }
}
