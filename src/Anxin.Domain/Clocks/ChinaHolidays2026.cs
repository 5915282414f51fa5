namespace Anxin.Domain.Clocks;

/// <summary>Mainland China public holidays and make-up working days for 2026 (State Council notice of 2025-11-04; RULES.md).</summary>
public static class ChinaHolidays2026
{
    public static IReadOnlyList<SpecialDay> Days { get; } = Build();

    private static List<SpecialDay> Build()
    {
        var days = new List<SpecialDay>();
        void Off(string name, int month, int day, int count)
        {
            var first = new DateOnly(2026, month, day);
            for (var i = 0; i < count; i++)
            {
                days.Add(new SpecialDay(first.AddDays(i), DayKind.Holiday, name));
            }
        }

        void Work(string name, int month, int day) => days.Add(new SpecialDay(new DateOnly(2026, month, day), DayKind.MakeUpWorkday, name));

        Off("元旦", 1, 1, 3);
        Work("元旦调休", 1, 4);
        Off("春节", 2, 15, 9);
        Work("春节调休", 2, 14);
        Work("春节调休", 2, 28);
        Off("清明节", 4, 4, 3);
        Off("劳动节", 5, 1, 5);
        Work("劳动节调休", 5, 9);
        Off("端午节", 6, 19, 3);
        Off("中秋节", 9, 25, 3);
        Off("国庆节", 10, 1, 7);
        Work("国庆节调休", 9, 20);
        Work("国庆节调休", 10, 10);
        return days;
    }
}
