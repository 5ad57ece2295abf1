using System.Globalization;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Text;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>
/// The goal form as posted: every value as typed (numbers and dates too, so a wrong one can be shown
/// back with a message), plus the id and version of every record it edits.
/// </summary>
public sealed class GoalInput
{
    /// <summary>The goal's version when the form was opened; 0 for a new goal.</summary>
    public long Version { get; set; }

    public string? Number { get; set; }

    public string? Title { get; set; }

    /// <summary>One paragraph per line.</summary>
    public string? Body { get; set; }

    /// <summary>One planned action per line.</summary>
    public string? PlannedActions { get; set; }

    /// <summary>One plan name per line.</summary>
    public string? PlanReferences { get; set; }

    public Guid? LeadUnitId { get; set; }

    public List<Guid> CoUnitIds { get; set; } = [];

    public List<IndicatorInput> Indicators { get; set; } = [];

    /// <summary>The result of the page's phase, when one is stored.</summary>
    public Guid? ResultId { get; set; }

    public long ResultVersion { get; set; }

    public List<BlockInput> Blocks { get; set; } = [];
}

/// <summary>One indicator row, with the actual of the page's phase.</summary>
public sealed class IndicatorInput
{
    public Guid? Id { get; set; }

    public long Version { get; set; }

    /// <summary>Ticked to delete the indicator on save.</summary>
    public bool Remove { get; set; }

    public string? Name { get; set; }

    public IndicatorKind Kind { get; set; }

    public string? Unit { get; set; }

    public string? Baseline { get; set; }

    public string? BaselineAsOf { get; set; }

    public string? Target { get; set; }

    public TargetDirection Direction { get; set; }

    public string? TargetNote { get; set; }

    public string? DueDate { get; set; }

    public Guid? ActualId { get; set; }

    public long ActualVersion { get; set; }

    public string? Actual { get; set; }

    public string? ActualAsOf { get; set; }

    public string? DoneDate { get; set; }

    internal bool IsBlank => Id is null && new[] { Name, Unit, Baseline, BaselineAsOf, Target, TargetNote, DueDate, Actual, ActualAsOf, DoneDate }
        .All(string.IsNullOrWhiteSpace);
}

/// <summary>One block of the result: a paragraph, or a bullet list (one item per line) with an optional heading.</summary>
public sealed class BlockInput
{
    public Guid? Id { get; set; }

    public bool Remove { get; set; }

    public ResultBlockKind Kind { get; set; }

    public string? Heading { get; set; }

    public string? Content { get; set; }

    internal bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Heading) && string.IsNullOrWhiteSpace(Content);
}

/// <summary>A goal as checked values: what the form asks to store, or what is stored, in one shape to compare and apply.</summary>
internal sealed record GoalDraft
{
    public long Version { get; init; }

    public int Number { get; init; }

    public string Title { get; init; } = "";

    public IReadOnlyList<string> Body { get; init; } = [];

    public IReadOnlyList<string> PlannedActions { get; init; } = [];

    public IReadOnlyList<string> PlanReferences { get; init; } = [];

    public Guid LeadUnitId { get; init; }

    public IReadOnlyList<Guid> CoUnitIds { get; init; } = [];

    public IReadOnlyList<IndicatorDraft> Indicators { get; init; } = [];

    /// <summary>Indicators ticked for deletion, with the version the editor saw.</summary>
    public IReadOnlyList<(Guid Id, long Version)> RemovedIndicators { get; init; } = [];

    public Guid? ResultId { get; init; }

    public long ResultVersion { get; init; }

    public IReadOnlyList<BlockDraft> Blocks { get; init; } = [];

    public IReadOnlyList<Guid> RemovedBlocks { get; init; } = [];

    /// <summary>The draft of a stored goal in one phase.</summary>
    public static GoalDraft From(Goal goal, string phaseKey)
    {
        var result = goal.Results.FirstOrDefault(r => string.Equals(r.PhaseKey, phaseKey, StringComparison.Ordinal));
        return new GoalDraft
        {
            Version = goal.Version,
            Number = goal.Number,
            Title = goal.Title,
            Body = [.. goal.Body],
            PlannedActions = [.. goal.PlannedActions],
            PlanReferences = [.. goal.PlanReferences],
            LeadUnitId = goal.LeadUnitId,
            CoUnitIds = [.. goal.CoUnits.OrderBy(c => c.Ordinal).Select(c => c.OrgUnitId)],
            Indicators = [.. goal.Indicators.OrderBy(i => i.Ordinal).Select(i => IndicatorDraft.From(i, phaseKey))],
            ResultId = result?.Id,
            ResultVersion = result?.Version ?? 0,
            Blocks = [.. (result?.Blocks ?? []).OrderBy(b => b.Ordinal)
                .Select(b => new BlockDraft(b.Id, b.Kind, b.Heading, b.Kind == ResultBlockKind.Paragraph ? b.Text : null, [.. b.Items]))],
        };
    }

    /// <summary>The form showing this draft.</summary>
    public GoalInput ToInput() => new()
    {
        Version = Version,
        Number = Number.ToString(CultureInfo.InvariantCulture),
        Title = Title,
        Body = string.Join('\n', Body),
        PlannedActions = string.Join('\n', PlannedActions),
        PlanReferences = string.Join('\n', PlanReferences),
        LeadUnitId = LeadUnitId,
        CoUnitIds = [.. CoUnitIds],
        Indicators = [.. Indicators.Select(i => i.ToInput())],
        ResultId = ResultId,
        ResultVersion = ResultVersion,
        Blocks = [.. Blocks.Select(b => new BlockInput
        {
            Id = b.Id,
            Kind = b.Kind,
            Heading = b.Heading,
            Content = b.Kind == ResultBlockKind.Paragraph ? b.Text : string.Join('\n', b.Items),
        })],
    };
}

internal sealed record IndicatorDraft
{
    public Guid? Id { get; init; }

    public long Version { get; init; }

    public string Name { get; init; } = "";

    public IndicatorKind Kind { get; init; }

    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public DateOnly? BaselineAsOf { get; init; }

    public decimal? Target { get; init; }

    public TargetDirection Direction { get; init; }

    public string? TargetNote { get; init; }

    public DateOnly? DueDate { get; init; }

    public Guid? ActualId { get; init; }

    public long ActualVersion { get; init; }

    public decimal? Actual { get; init; }

    public DateOnly? ActualAsOf { get; init; }

    public DateOnly? DoneDate { get; init; }

    public bool HasActual => Actual is not null || ActualAsOf is not null || DoneDate is not null;

    public static IndicatorDraft From(Indicator indicator, string phaseKey)
    {
        var actual = indicator.Actuals.FirstOrDefault(a => string.Equals(a.PhaseKey, phaseKey, StringComparison.Ordinal));
        return new IndicatorDraft
        {
            Id = indicator.Id,
            Version = indicator.Version,
            Name = indicator.Name,
            Kind = indicator.Kind,
            Unit = indicator.Unit,
            Baseline = indicator.BaselineValue,
            BaselineAsOf = indicator.BaselineAsOf,
            Target = indicator.TargetValue,
            Direction = indicator.Direction,
            TargetNote = indicator.TargetNote,
            DueDate = indicator.DueDate,
            ActualId = actual?.Id,
            ActualVersion = actual?.Version ?? 0,
            Actual = actual?.Value,
            ActualAsOf = actual?.AsOf,
            DoneDate = actual?.DoneDate,
        };
    }

    public IndicatorInput ToInput() => new()
    {
        Id = Id,
        Version = Version,
        Name = Name,
        Kind = Kind,
        Unit = Unit,
        Baseline = FieldReader.Show(Baseline),
        BaselineAsOf = FieldReader.Show(BaselineAsOf),
        Target = FieldReader.Show(Target),
        Direction = Direction,
        TargetNote = TargetNote,
        DueDate = FieldReader.Show(DueDate),
        ActualId = ActualId,
        ActualVersion = ActualVersion,
        Actual = FieldReader.Show(Actual),
        ActualAsOf = FieldReader.Show(ActualAsOf),
        DoneDate = FieldReader.Show(DoneDate),
    };
}

internal sealed record BlockDraft(Guid? Id, ResultBlockKind Kind, string? Heading, string? Text, IReadOnlyList<string> Items);

/// <summary>Checks a posted goal form and turns it into a draft; every problem lands beside its field.</summary>
internal static class GoalFormReader
{
    public const int MaxNumber = 9999;

    public static GoalDraft Read(GoalInput input, FieldReader read, IReadOnlyCollection<Guid> selectableUnits)
    {
        string L(string name) => read.Message(name);

        var number = 0;
        if (string.IsNullOrWhiteSpace(input.Number))
        {
            read.Error("Input.Number", read.Message("Error.Required", L("Goal.Number")));
        }
        else if (!FieldReader.TryParseNumber(input.Number, out var n) || n != decimal.Truncate(n) || n < 1 || n > MaxNumber)
        {
            read.Error("Input.Number", read.Message("Error.GoalNumber", L("Goal.Number"), MaxNumber));
        }
        else
        {
            number = (int)n;
        }

        var title = read.Line("Input.Title", L("Goal.Title"), input.Title, TextLimits.Title, required: true);
        var body = read.Items("Input.Body", L("Goal.Body"), input.Body, TextLimits.Paragraph);
        var actions = read.Items("Input.PlannedActions", L("Goal.PlannedActions"), input.PlannedActions, TextLimits.Line);
        var references = read.Items("Input.PlanReferences", L("Goal.PlanReferences"), input.PlanReferences, TextLimits.Title);

        if (input.LeadUnitId is not { } lead)
        {
            read.Error("Input.LeadUnitId", read.Message("Error.Choose", L("Goal.LeadUnit")));
        }
        else if (!selectableUnits.Contains(lead))
        {
            read.Error("Input.LeadUnitId", read.Message("Error.Choose", L("Goal.LeadUnit")));
        }

        var coUnits = input.CoUnitIds.Distinct().ToList();
        if (coUnits.Any(id => !selectableUnits.Contains(id)))
        {
            read.Error("Input.CoUnitIds", read.Message("Error.Choose", L("Goal.CoUnits")));
        }
        else if (input.LeadUnitId is { } leadId && coUnits.Contains(leadId))
        {
            read.Error("Input.CoUnitIds", read.Message("Error.LeadIsCoUnit"));
        }

        var indicators = new List<IndicatorDraft>();
        var removed = new List<(Guid, long)>();
        for (var i = 0; i < input.Indicators.Count; i++)
        {
            var row = input.Indicators[i];
            if (row.Remove)
            {
                if (row.Id is { } id)
                {
                    removed.Add((id, row.Version));
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            indicators.Add(ReadIndicator(row, $"Input.Indicators[{i.ToString(CultureInfo.InvariantCulture)}].", read));
        }

        var blocks = new List<BlockDraft>();
        var removedBlocks = new List<Guid>();
        for (var i = 0; i < input.Blocks.Count; i++)
        {
            var row = input.Blocks[i];
            if (row.Remove)
            {
                if (row.Id is { } id)
                {
                    removedBlocks.Add(id);
                }

                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            blocks.Add(ReadBlock(row, $"Input.Blocks[{i.ToString(CultureInfo.InvariantCulture)}].", read));
        }

        return new GoalDraft
        {
            Version = input.Version,
            Number = number,
            Title = title ?? "",
            Body = body,
            PlannedActions = actions,
            PlanReferences = references,
            LeadUnitId = input.LeadUnitId ?? Guid.Empty,
            CoUnitIds = coUnits,
            Indicators = indicators,
            RemovedIndicators = removed,
            ResultId = input.ResultId,
            ResultVersion = input.ResultVersion,
            Blocks = blocks,
            RemovedBlocks = removedBlocks,
        };
    }

    private static IndicatorDraft ReadIndicator(IndicatorInput row, string prefix, FieldReader read)
    {
        string L(string name) => read.Message(name);

        if (!Enum.IsDefined(row.Kind))
        {
            read.Error(prefix + "Kind", read.Message("Error.Choose", L("Indicator.Kind")));
        }

        if (!Enum.IsDefined(row.Direction))
        {
            read.Error(prefix + "Direction", read.Message("Error.Choose", L("Indicator.Direction")));
        }

        return new IndicatorDraft
        {
            Id = row.Id,
            Version = row.Version,
            Name = read.Line(prefix + "Name", L("Indicator.Name"), row.Name, TextLimits.Title, required: true) ?? "",
            Kind = row.Kind,
            Unit = read.Line(prefix + "Unit", L("Indicator.Unit"), row.Unit, TextLimits.Unit),
            Baseline = read.Number(prefix + "Baseline", L("Indicator.Baseline"), row.Baseline),
            BaselineAsOf = read.Date(prefix + "BaselineAsOf", L("Indicator.BaselineAsOf"), row.BaselineAsOf),
            Target = read.Number(prefix + "Target", L("Indicator.Target"), row.Target),
            Direction = row.Direction,
            TargetNote = read.Line(prefix + "TargetNote", L("Indicator.TargetNote"), row.TargetNote, TextLimits.Name),
            DueDate = read.Date(prefix + "DueDate", L("Indicator.DueDate"), row.DueDate),
            ActualId = row.ActualId,
            ActualVersion = row.ActualVersion,
            Actual = read.Number(prefix + "Actual", L("Indicator.Actual"), row.Actual),
            ActualAsOf = read.Date(prefix + "ActualAsOf", L("Indicator.ActualAsOf"), row.ActualAsOf),
            DoneDate = read.Date(prefix + "DoneDate", L("Indicator.DoneDate"), row.DoneDate),
        };
    }

    private static BlockDraft ReadBlock(BlockInput row, string prefix, FieldReader read)
    {
        string L(string name) => read.Message(name);

        if (!Enum.IsDefined(row.Kind))
        {
            read.Error(prefix + "Kind", read.Message("Error.Choose", L("Block.Kind")));
            return new BlockDraft(row.Id, ResultBlockKind.Paragraph, null, row.Content, []);
        }

        if (row.Kind == ResultBlockKind.Paragraph)
        {
            if (!string.IsNullOrWhiteSpace(row.Heading))
            {
                read.Error(prefix + "Heading", read.Message("Error.HeadingOnList"));
            }

            var text = read.Paragraph(prefix + "Content", L("Block.Paragraph"), row.Content, TextLimits.Paragraph, required: true);
            return new BlockDraft(row.Id, ResultBlockKind.Paragraph, null, text, []);
        }

        var heading = read.Line(prefix + "Heading", L("Block.Heading"), row.Heading, TextLimits.Title);
        var items = read.Items(prefix + "Content", L("Block.Items"), row.Content, TextLimits.Line);
        if (items.Count == 0)
        {
            read.Error(prefix + "Content", read.Message("Error.Required", L("Block.Items")));
        }

        return new BlockDraft(row.Id, ResultBlockKind.BulletList, heading, null, items);
    }
}
