using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly OrgNode Branch = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    private static readonly MobileNumber Mobile = MobileNumber.Create("13812345678").Value;

    [Fact]
    public void An_individual_takes_gender_and_birth_date_from_the_id_number()
    {
        var customer = Customer.RegisterIndividual("KH20261121000001", " 张三 ", ResidentIdNumber.Create("11010519491231002X").Value, Mobile, Branch);

        Assert.Equal(CustomerKind.Individual, customer.Kind);
        Assert.Equal("张三", customer.Name);
        Assert.Equal(Gender.Female, customer.Gender);
        Assert.Equal(new DateOnly(1949, 12, 31), customer.BirthDate);
        Assert.Equal(Branch.Path, customer.OrgPath);
        Assert.True(customer.IsActive);
    }

    [Fact]
    public void A_blank_name_is_a_field_error()
    {
        var e = Assert.Throws<DomainException>(() =>
            Customer.RegisterIndividual("KH20261121000001", "  ", ResidentIdNumber.Create("440524188001010014").Value, Mobile, Branch));

        Assert.Equal((ValidationCodes.Required, nameof(Customer.Name)), (e.Code, e.Field));
    }

    [Theory]
    [InlineData("abc", null, nameof(Customer.Phone2))]
    [InlineData(null, "not-an-email", nameof(Customer.Email))]
    public void Bad_contact_details_are_field_errors(string? phone2, string? email, string field)
    {
        var customer = Customer.RegisterIndividual("KH20261121000001", "李四", ResidentIdNumber.Create("440524188001010014").Value, Mobile, Branch);

        var e = Assert.Throws<DomainException>(() => customer.UpdateContact(Mobile, phone2, email, null));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void An_inactive_customer_cannot_be_changed()
    {
        var customer = Customer.RegisterIndividual("KH20261121000001", "王五", ResidentIdNumber.Create("440524188001010014").Value, Mobile, Branch);
        customer.Deactivate();

        Assert.Equal("Customer.Inactive", Assert.Throws<DomainException>(() => customer.UpdateContact(Mobile, null, null, null)).Code);
    }
}
