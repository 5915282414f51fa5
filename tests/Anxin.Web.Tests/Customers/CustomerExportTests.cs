using System.Net;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;

namespace Anxin.Web.Tests.Customers;

public sealed class CustomerExportTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Excel_export_has_the_chosen_columns_and_masked_values(Db db)
    {
        var app = apps.For(db);
        var mobile = CustomerTestKit.NewMobile();
        var customer = await app.RegisterIndividualAsync(mobile: mobile);

        var response = await app.Api().GetAsync($"/api/v1/customers/export?format=xlsx&columns=number,mobile&q={mobile}");
        var bad = await app.Api().GetAsync("/api/v1/customers/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = StaffTestKit.ParseXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["客户号", "手机号"], rows[0]);
        Assert.Equal(customer.GetProperty("number").GetString(), rows[1][0]);
        Assert.Equal(mobile[..3] + "****" + mobile[^4..], rows[1][1]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
