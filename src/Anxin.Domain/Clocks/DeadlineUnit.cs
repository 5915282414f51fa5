namespace Anxin.Domain.Clocks;

/// <summary>How a service clock counts its time .</summary>
public enum DeadlineUnit
{
    /// <summary>Elapsed minutes, around the clock (dispatch within 2 minutes).</summary>
    Minutes = 1,

    /// <summary>Elapsed hours, around the clock.</summary>
    Hours = 2,

    /// <summary>
    /// Calendar days as the law counts them: the start day is not counted, the period ends at
    /// 24:00 of its last day, and a last day that is a public holiday moves to the first day
    /// after the holiday (Civil Code arts. 201, 203). Statutory claim deadlines use this.
    /// </summary>
    CalendarDays = 3,

    /// <summary>Working days after the start day; ends at the close of the last one.</summary>
    WorkingDays = 4,

    /// <summary>Working hours inside the calendar's working intervals.</summary>
    WorkingHours = 5,
}

public static class DeadlineUnits
{
    /// <summary>Whether paused time is measured in working time (true) or elapsed time (false).</summary>
    public static bool CountsWorkingTime(this DeadlineUnit unit) => unit is DeadlineUnit.WorkingDays or DeadlineUnit.WorkingHours;
}
