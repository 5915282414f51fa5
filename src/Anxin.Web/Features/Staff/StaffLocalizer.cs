using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Staff;

public static class StaffResults
{
    public static IResult ToStaffHttp(this Result result, HttpContext http, Func<IResult>? ok = null) =>
        result.ToHttp(http, ok, StaffLocalizer.For(http));

    public static IResult ToStaffHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.ToHttp(http, ok, StaffLocalizer.For(http));
}
