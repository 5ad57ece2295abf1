using Mokuhyo.Documents.Pdf;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>Writes the documents under test to bytes.</summary>
public static class Pdfs
{
    public static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static ReportPdfWriter Writer { get; } = new(new FixedClock(Now));

    public static byte[] Department(DepartmentReport report)
    {
        using var stream = new MemoryStream();
        Writer.WriteDepartment(report, stream);
        return stream.ToArray();
    }

    public static byte[] Compendium(string municipality, string year, IReadOnlyList<DepartmentReport> reports)
    {
        using var stream = new MemoryStream();
        Writer.WriteCompendium(municipality, year, reports, stream);
        return stream.ToArray();
    }

    /// <summary>The seed report as another department: same goals, another name and code.</summary>
    public static DepartmentReport AsDepartment(DepartmentReport seed, string code, string name) =>
        seed with { Department = seed.Department with { Code = code, Name = name, HeadTitle = name + "長" } };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
