namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>A clock that always reads the same instant, so published reports are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>31 May 2023, 09:00 in Japan: after the year end of 令和4年度, when its year-end report is published.</summary>
    public static FixedClock AfterFiscalYear2022 { get; } = new(new DateTimeOffset(2023, 5, 31, 9, 0, 0, TimeSpan.FromHours(9)));

    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
