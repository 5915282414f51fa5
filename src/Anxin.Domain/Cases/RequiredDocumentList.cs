using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Cases;

/// <summary>
/// The claim documents an insurer requires for a product line (三大家索赔所需单证, CC-09): the agent
/// reads them out, the reporter gets them by SMS, the claim handler checks them off. A list with
/// no insurer is the default for our own business and for insurers without their own list.
/// </summary>
public sealed class RequiredDocumentList : IVersioned, IAudited, IHasTimestamps
{
    public const int MaxItems = 40;
    public const int MaxItemLength = 100;

    private RequiredDocumentList()
    {
    }

    public Guid Id { get; private set; }

    public Guid? InsurerId { get; private set; }

    public ProductLine Line { get; private set; }

    /// <summary>One document per line, in Chinese.</summary>
    public string Items { get; private set; } = string.Empty;

    /// <summary>The same documents in English, one per line, in the same order.</summary>
    public string ItemsEn { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> ItemList(bool english = false) =>
        (english && ItemsEn.Length > 0 ? ItemsEn : Items).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static RequiredDocumentList Create(Guid? insurerId, ProductLine line, IEnumerable<string> items, IEnumerable<string> itemsEn)
    {
        var list = new RequiredDocumentList { Id = Guid.CreateVersion7(), InsurerId = insurerId, Line = line };
        list.Replace(items, itemsEn);
        return list;
    }

    public void Replace(IEnumerable<string> items, IEnumerable<string> itemsEn)
    {
        var zh = Clean(items);
        var en = Clean(itemsEn);
        if (zh.Count == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Items));
        }

        if (zh.Count > MaxItems || zh.Concat(en).Any(i => i.Length > MaxItemLength))
        {
            throw new DomainException("Validation.TooLong", nameof(Items));
        }

        if (en.Count != 0 && en.Count != zh.Count)
        {
            throw new DomainException("Documents.EnglishCount", nameof(ItemsEn));
        }

        Items = string.Join('\n', zh);
        ItemsEn = string.Join('\n', en);
    }

    public void BumpVersion() => Version++;

    private static List<string> Clean(IEnumerable<string> items) =>
        [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];

    /// <summary>The typical motor list from RULES.md, seeded as the default.</summary>
    public static readonly (string Zh, string En)[] MotorDefaults =
    [
        ("索赔申请书", "Claim application form"),
        ("保险单", "Policy"),
        ("保费收据", "Premium receipt"),
        ("行驶证复印件", "Copy of the vehicle licence"),
        ("驾驶证复印件", "Copy of the driving licence"),
        ("事故认定书或责任认定", "Accident certificate or liability finding"),
        ("定损单", "Loss estimate"),
        ("维修清单及发票", "Repair list and invoice"),
        ("施救/拖车费发票", "Towing and rescue invoices"),
        ("领款人身份证及银行卡", "Payee ID and bank card"),
        ("领款人非被保险人时的索赔授权书", "Claim authorisation when the payee differs"),
    ];

    /// <summary>What injury cases add to the motor list (RULES.md).</summary>
    public static readonly (string Zh, string En)[] InjuryAdditions =
    [
        ("病历", "Medical records"),
        ("医疗费用票据", "Medical expense receipts"),
        ("调解协议书", "Mediation agreement"),
    ];
}
