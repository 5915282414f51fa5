using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Customers;

public static class CustomerResults
{
    public static IResult ToCustomerHttp(this Result result, HttpContext http, Func<IResult>? ok = null) =>
        result.ToHttp(http, ok, CustomerLocalizer.For(http));

    public static IResult ToCustomerHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.ToHttp(http, ok, CustomerLocalizer.For(http));
}
