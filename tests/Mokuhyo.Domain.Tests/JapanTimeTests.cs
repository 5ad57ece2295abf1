using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Domain.Tests;

public class JapanTimeTests
{
    [Theory]
    [InlineData("2023-03-31T14:59:59Z", 2023, 3, 31)]
    [InlineData("2023-03-31T15:00:00Z", 2023, 4, 1)]
    [InlineData("2023-04-01T00:30:00+09:00", 2023, 4, 1)]
    [InlineData("2023-03-31T23:00:00-05:00", 2023, 4, 1)]
    public void The_day_changes_at_midnight_in_tokyo(string instant, int year, int month, int day)
    {
        var date = JapanTime.DateOfInstant(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void Today_reads_the_clock_in_japan_time()
    {
        var clock = new FixedClock(new DateTimeOffset(2023, 3, 31, 15, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2023, 4, 1), JapanTime.Today(clock));
    }

    [Fact]
    public void Today_requires_a_clock()
    {
        Assert.Throws<ArgumentNullException>(() => JapanTime.Today(null!));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
