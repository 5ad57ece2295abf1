using System.Text.Json.Serialization;
using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Data.DemoData;

// The shape of a department data file: one municipality's fiscal year, its units, and the reports of
// its departments. Demo data is written in it; it is read, validated and written in one transaction.

/// <summary>A municipality's fiscal year as a data file.</summary>
public sealed record DepartmentFile
{
    public required MunicipalityEntry Municipality { get; init; }

    /// <summary>The western start year (2022 for 令和4年度).</summary>
    public required int FiscalYear { get; init; }

    /// <summary>The format file under templates/ (without .json) the year is published with.</summary>
    public required string Format { get; init; }

    public required IReadOnlyList<UnitEntry> Units { get; init; }

    public required IReadOnlyList<DepartmentEntry> Departments { get; init; }

    /// <summary>Phases to publish once loaded, in order.</summary>
    public IReadOnlyList<string> Publish { get; init; } = [];
}

public sealed record MunicipalityEntry
{
    public required string Code { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public string? Prefecture { get; init; }

    /// <summary>A sample municipality that shows a format; its pages say its content is invented.</summary>
    public bool Example { get; init; }
}

public sealed record UnitEntry
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    /// <summary>Whether the unit publishes a report of its own (a 部).</summary>
    public bool Reporting { get; init; }

    public string? HeadTitle { get; init; }

    public string? HeadName { get; init; }

    public string? CompositionNote { get; init; }

    public IReadOnlyList<string> Responsibilities { get; init; } = [];

    public IReadOnlyList<UnitEntry> Children { get; init; } = [];
}

public sealed record DepartmentEntry
{
    /// <summary>The code of the reporting unit.</summary>
    public required string Unit { get; init; }

    /// <summary>Plan sections by the format's section key, each a list of items in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Plan { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Figures sections by section key, each a figure key → number map (経営資源: staff 45, budget 120000).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Figures { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, decimal>>();

    /// <summary>Multi-year sections by section key (組織ビジョン), written once with the years they cover.</summary>
    public IReadOnlyDictionary<string, PlanSpanEntry> Spans { get; init; } = new Dictionary<string, PlanSpanEntry>();

    public required IReadOnlyList<GoalEntry> Goals { get; init; }
}

public sealed record GoalEntry
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    /// <summary>The code of the lead division (主たる担当課).</summary>
    public required string Lead { get; init; }

    public IReadOnlyList<string> CoUnits { get; init; } = [];

    public IReadOnlyList<string> Body { get; init; } = [];

    public IReadOnlyList<string> PlannedActions { get; init; } = [];

    public IReadOnlyList<string> PlanReferences { get; init; } = [];

    public IReadOnlyList<IndicatorEntry> Indicators { get; init; } = [];

    /// <summary>Values of the format's goal fields by phase key, then by field key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Fields { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Results by phase key, each a list of blocks in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResultBlockEntry>> Results { get; init; } =
        new Dictionary<string, IReadOnlyList<ResultBlockEntry>>();
}

public sealed record IndicatorEntry
{
    public required string Name { get; init; }

    public required IndicatorKind Kind { get; init; }

    public string? Unit { get; init; }

    public decimal? Target { get; init; }

    public TargetDirection Direction { get; init; }

    public string? TargetNote { get; init; }

    public decimal? Baseline { get; init; }

    public DateOnly? BaselineAsOf { get; init; }

    public DateOnly? Due { get; init; }

    /// <summary>Actuals by phase key.</summary>
    public IReadOnlyDictionary<string, ActualEntry> Actuals { get; init; } = new Dictionary<string, ActualEntry>();
}

public sealed record ActualEntry
{
    public decimal? Value { get; init; }

    public DateOnly? AsOf { get; init; }

    public DateOnly? Done { get; init; }
}

public sealed record ResultBlockEntry
{
    [JsonPropertyName("kind")]
    public required ResultBlockKind Kind { get; init; }

    public string? Heading { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string> Items { get; init; } = [];
}

/// <summary>The items of a multi-year plan section and the fiscal years they cover.</summary>
public sealed record PlanSpanEntry
{
    public required int FromYear { get; init; }

    public required int ToYear { get; init; }

    public required IReadOnlyList<string> Items { get; init; }
}
