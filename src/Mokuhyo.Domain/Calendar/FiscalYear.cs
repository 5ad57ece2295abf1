using System.Globalization;

namespace Mokuhyo.Domain.Calendar;

/// <summary>A Japanese public-sector fiscal year (年度): 1 April of <see cref="StartYear"/> to 31 March of the next year.</summary>
public readonly record struct FiscalYear : IComparable<FiscalYear>
{
    /// <summary>Earliest fiscal year the system accepts (平成元年度); older years are not municipal goal data.</summary>
    public const int MinStartYear = 1989;

    /// <summary>Latest fiscal year the system accepts; bounds user input such as URLs.</summary>
    public const int MaxStartYear = 2199;

    public FiscalYear(int startYear)
    {
        if (startYear is < MinStartYear or > MaxStartYear)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, $"A fiscal year must be between {MinStartYear} and {MaxStartYear}.");
        }

        StartYear = startYear;
    }

    /// <summary>The western calendar year in which the fiscal year begins (2022 for 令和4年度).</summary>
    public int StartYear { get; }

    public DateOnly FirstDay => new(StartYear, 4, 1);

    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>The fiscal year a date falls in: January to March belong to the previous year's 年度.</summary>
    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Parses a western start year as written in URLs ("2022"); false for anything else.</summary>
    public static bool TryParse(string? text, out FiscalYear fiscalYear)
    {
        fiscalYear = default;
        if (text is null || text.Length != 4 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var year = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < MinStartYear or > MaxStartYear)
        {
            return false;
        }

        fiscalYear = new FiscalYear(year);
        return true;
    }

    public int CompareTo(FiscalYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.CompareTo(right) < 0;

    public static bool operator >(FiscalYear left, FiscalYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(FiscalYear left, FiscalYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FiscalYear left, FiscalYear right) => left.CompareTo(right) >= 0;

    public override string ToString() => StartYear.ToString(CultureInfo.InvariantCulture);
}
