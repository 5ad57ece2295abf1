using System.Diagnostics.CodeAnalysis;

namespace Mokuhyo.Domain.Municipalities;

/// <summary>A 全国地方公共団体コード: five digits plus a mod-11 check digit (入間市 = 112259).</summary>
public readonly record struct LocalGovernmentCode
{
    private LocalGovernmentCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-digit prefecture part (11 = 埼玉県).</summary>
    public string PrefectureCode => Value[..2];

    public static LocalGovernmentCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a valid local government code.");

    public static bool TryParse([NotNullWhen(true)] string? text, out LocalGovernmentCode code)
    {
        code = default;
        if (text is null || text.Length != 6 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (text[5] - '0' != CheckDigit(text.AsSpan(0, 5)))
        {
            return false;
        }

        code = new LocalGovernmentCode(text);
        return true;
    }

    /// <summary>Weights 6..2 over the five digits; the check digit is 11 minus the remainder mod 11, kept to one digit.</summary>
    public static int CheckDigit(ReadOnlySpan<char> fiveDigits)
    {
        if (fiveDigits.Length != 5)
        {
            throw new ArgumentException("Five digits are required.", nameof(fiveDigits));
        }

        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (fiveDigits[i] - '0') * (6 - i);
        }

        return (11 - (sum % 11)) % 10;
    }

    public override string ToString() => Value;
}
