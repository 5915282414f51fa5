using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Anxin.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

/// <summary>The staff strings first, then the shared ones.</summary>
public sealed class StaffLocalizer(IStringLocalizer<StaffText> staff, IStringLocalizer<SharedResource> shared)
    : FeatureText<StaffText>(staff, shared)
{
    public static new StaffLocalizer For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<StaffText>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}

public static class StaffResults
{
    public static IResult ToStaffHttp(this Result result, HttpContext http, Func<IResult>? ok = null) =>
        result.ToHttp(http, ok, StaffLocalizer.For(http));

    public static IResult ToStaffHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.ToHttp(http, ok, StaffLocalizer.For(http));
}
