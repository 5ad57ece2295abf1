using System.Globalization;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Domain.Tests;

public class PhaseCalendarTests
{
    private static readonly FiscalYear Fy2022 = new(2022);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Dates_in_order_are_valid_and_one_day_may_serve_several_steps()
    {
        Assert.Empty(PhaseCalendar.Validate(Fy2022, D("2022-10-01"), D("2022-10-31"), D("2022-11-15"), D("2022-11-30")));
        Assert.Empty(PhaseCalendar.Validate(Fy2022, D("2022-10-31"), D("2022-10-31"), D("2022-10-31"), D("2022-10-31")));
    }

    [Fact]
    public void Each_date_out_of_order_is_named()
    {
        Assert.Equal([CalendarProblem.SubmitBeforeOpening],
            PhaseCalendar.Validate(Fy2022, D("2022-11-01"), D("2022-10-31"), D("2022-11-15"), D("2022-11-30")));
        Assert.Equal([CalendarProblem.ApproveBeforeSubmit],
            PhaseCalendar.Validate(Fy2022, D("2022-10-01"), D("2022-10-31"), D("2022-10-30"), D("2022-11-30")));
        Assert.Equal([CalendarProblem.PublishBeforeApprove],
            PhaseCalendar.Validate(Fy2022, D("2022-10-01"), D("2022-10-31"), D("2022-11-15"), D("2022-11-14")));
    }

    [Fact]
    public void A_date_far_from_the_fiscal_year_is_a_typing_error()
    {
        Assert.Contains(CalendarProblem.OutsideYear,
            PhaseCalendar.Validate(Fy2022, D("2022-10-01"), D("2022-10-31"), D("2022-11-15"), D("2202-11-30")));
        // The year-end report of FY2022 is published in FY2023: that is inside.
        Assert.Empty(PhaseCalendar.Validate(Fy2022, D("2023-04-01"), D("2023-04-28"), D("2023-05-15"), D("2023-06-30")));
    }

    [Fact]
    public void A_leap_day_is_a_valid_due_date_and_counts_as_a_day()
    {
        Assert.Empty(PhaseCalendar.Validate(new FiscalYear(2023), D("2024-02-01"), D("2024-02-29"), D("2024-03-01"), D("2024-03-15")));
        Assert.Equal(2, PhaseCalendar.DaysLate(D("2024-02-28"), D("2024-03-01")));
        Assert.Equal(1, PhaseCalendar.DaysLate(D("2023-02-28"), D("2023-03-01")));
    }

    [Theory]
    [InlineData("2022-10-30", 0)]
    [InlineData("2022-10-31", 0)]
    [InlineData("2022-11-01", 1)]
    [InlineData("2022-11-10", 10)]
    public void A_report_is_late_from_the_day_after_its_due_date(string today, int expected)
    {
        Assert.Equal(expected, PhaseCalendar.DaysLate(D("2022-10-31"), D(today)));
    }

    [Theory]
    [InlineData("2022-10-31T14:59:59Z", 0)]
    [InlineData("2022-10-31T15:00:00Z", 1)]
    public void Lateness_turns_at_midnight_in_tokyo_not_in_utc(string instant, int expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal(expected, PhaseCalendar.DaysLate(D("2022-10-31"), JapanTime.Today(clock)));
    }

    [Theory]
    [InlineData(ReportStatus.NotStarted, ReportHolder.Editors, "2022-10-31")]
    [InlineData(ReportStatus.Draft, ReportHolder.Editors, "2022-10-31")]
    [InlineData(ReportStatus.Returned, ReportHolder.Editors, "2022-10-31")]
    [InlineData(ReportStatus.Submitted, ReportHolder.Approver, "2022-11-15")]
    [InlineData(ReportStatus.Approved, ReportHolder.Planning, "2022-11-30")]
    public void A_report_is_judged_against_the_due_date_of_whoever_holds_it(ReportStatus status, ReportHolder holder, string due)
    {
        Assert.Equal(holder, PhaseCalendar.HolderOf(status));
        Assert.Equal(D(due), PhaseCalendar.DueDateOf(status, D("2022-10-31"), D("2022-11-15"), D("2022-11-30")));
    }

    [Fact]
    public void A_published_report_has_no_due_date_and_no_holder()
    {
        Assert.Equal(ReportHolder.None, PhaseCalendar.HolderOf(ReportStatus.Published));
        Assert.Null(PhaseCalendar.DueDateOf(ReportStatus.Published, D("2022-10-31"), D("2022-11-15"), D("2022-11-30")));
    }

    [Theory]
    [InlineData("2022-10-23", null)]
    [InlineData("2022-10-24", 7)]
    [InlineData("2022-10-28", 7)]
    [InlineData("2022-10-29", 2)]
    [InlineData("2022-10-31", 2)]
    [InlineData("2022-11-01", PhaseCalendar.OverdueThreshold)]
    public void The_reminder_due_is_the_tightest_threshold_reached(string today, int? expected)
    {
        Assert.Equal(expected, PhaseCalendar.ReminderThreshold(D("2022-10-31"), D(today), PhaseCalendar.DefaultThresholds));
    }

    [Fact]
    public void Thresholds_are_configuration()
    {
        Assert.Equal(1, PhaseCalendar.ReminderThreshold(D("2022-10-31"), D("2022-10-30"), [14, 3, 1]));
        Assert.Equal(14, PhaseCalendar.ReminderThreshold(D("2022-10-31"), D("2022-10-20"), [3, 14, 1]));
        Assert.Null(PhaseCalendar.ReminderThreshold(D("2022-10-31"), D("2022-10-20"), []));
    }

    [Theory]
    [InlineData("2022-11-29", false, false)]
    [InlineData("2022-11-30", false, true)]
    [InlineData("2022-12-01", false, true)]
    [InlineData("2022-12-01", true, false)]
    public void The_calendar_locks_on_its_publication_date_until_reopened(string today, bool reopened, bool locked)
    {
        Assert.Equal(locked, PhaseCalendar.IsLocked(D("2022-11-30"), reopened, D(today)));
    }

    [Fact]
    public void A_deadline_entity_applies_the_lock_rule()
    {
        var deadline = new PhaseDeadline { PhaseKey = "interim", PublishOn = D("2022-11-30") };
        Assert.True(deadline.IsLocked(D("2022-11-30")));
        deadline.ReopenReason = "公表日を延期するため";
        Assert.False(deadline.IsLocked(D("2022-11-30")));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
