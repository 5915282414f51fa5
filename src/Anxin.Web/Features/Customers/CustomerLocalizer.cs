using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Localization;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Customers;

/// <summary>The customer strings first, then the shared ones.</summary>
public sealed class CustomerLocalizer(IStringLocalizer<CustomerText> customer, IStringLocalizer<SharedResource> shared)
    : FeatureText<CustomerText>(customer, shared)
{
    public static new CustomerLocalizer For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<CustomerText>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}

public static class CustomerResults
{
    public static IResult ToCustomerHttp(this Result result, HttpContext http, Func<IResult>? ok = null) =>
        result.ToHttp(http, ok, CustomerLocalizer.For(http));

    public static IResult ToCustomerHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.ToHttp(http, ok, CustomerLocalizer.For(http));
}
