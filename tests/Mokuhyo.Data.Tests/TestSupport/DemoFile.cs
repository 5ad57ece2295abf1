using Mokuhyo.Data.DemoData;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>The demo data file shipped in Mokuhyo.Data: 入間市 市民生活部, 令和4年度.</summary>
public static class DemoFile
{
    public const string Name = "iruma-2022-shimin-seikatsu.json";

    public static string Json => EmbeddedFiles.DemoDataFiles().Single(f => string.Equals(f.Name, Name, StringComparison.Ordinal)).Json;

    /// <summary>The file parsed and validated, ready to be altered with <c>with</c>.</summary>
    public static DepartmentFile Parse() => DepartmentFileLoader.Parse(Name, Json);
}
