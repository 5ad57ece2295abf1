namespace Mokuhyo.Domain.Calendar;

/// <summary>Dates as a Japanese office sees them: the day changes at midnight in Asia/Tokyo, whatever the server's zone.</summary>
public static class JapanTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOfInstant(clock.GetUtcNow());
    }

    public static DateOnly DateOfInstant(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
