using System.Globalization;

namespace Mokuhyo.Domain.Calendar;

/// <summary>Formats dates and fiscal years in the Japanese era calendar (和暦): 令和4年度, 令和5年3月末日現在.</summary>
public static class Wareki
{
    private static readonly CultureInfo JapaneseEraCulture = CreateCulture();

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        culture.DateTimeFormat.Calendar = new JapaneseCalendar();
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>令和4年10月1日. The first year of an era is written 元年.</summary>
    public static string FormatDate(DateOnly date) => Format(date, "ggy年M月d日");

    /// <summary>令和4年10月1日(土): the weekday in parentheses, as calendars and deadlines show it.</summary>
    public static string FormatDateWithWeekday(DateOnly date) => Format(date, "ggy年M月d日(ddd)");

    /// <summary>令和4年10月 (a date known only to the month).</summary>
    public static string FormatMonth(DateOnly date) => Format(date, "ggy年M月");

    /// <summary>
    /// An as-of date: 令和4年10月1日現在, or 令和5年3月末日現在 when the city writes month ends as 末日.
    /// </summary>
    public static string FormatAsOf(DateOnly date, bool monthEndAsMatsujitsu)
    {
        var isMonthEnd = date.Day == DateTime.DaysInMonth(date.Year, date.Month);
        var text = monthEndAsMatsujitsu && isMonthEnd ? FormatMonth(date) + "末日" : FormatDate(date);
        return text + "現在";
    }

    /// <summary>
    /// 令和4年度. The era is the one in force at the end of the calendar year the fiscal year starts in,
    /// which is how cities write it: FY2019 is 令和元年度 and FY1989 is 平成元年度.
    /// </summary>
    public static string FormatFiscalYear(FiscalYear fiscalYear) => Format(new DateOnly(fiscalYear.StartYear, 12, 31), "ggy年度");

    /// <summary>令和4年度(2022年度): the era label with the western year beside it.</summary>
    public static string FormatFiscalYearWithWestern(FiscalYear fiscalYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{FormatFiscalYear(fiscalYear)}({fiscalYear.StartYear}年度)");

    /// <summary>令和5年度～令和7年度: the fiscal years a multi-year plan (組織ビジョン) covers; one year alone when they are the same.</summary>
    public static string FormatFiscalYearSpan(FiscalYear from, FiscalYear to) =>
        from.StartYear == to.StartYear ? FormatFiscalYear(from) : FormatFiscalYear(from) + "～" + FormatFiscalYear(to);

    /// <summary>
    /// Reads a date written as <see cref="FormatDate"/> writes it (令和7年3月31日, 令和元年5月1日), so that what a
    /// document shows can come back; anything else is refused.
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), "ggy年M月d日", JapaneseEraCulture, DateTimeStyles.None, out var moment))
        {
            return false;
        }

        date = DateOnly.FromDateTime(moment);
        return true;
    }

    private static string Format(DateOnly date, string pattern) =>
        date.ToDateTime(TimeOnly.MinValue).ToString(pattern, JapaneseEraCulture);
}
