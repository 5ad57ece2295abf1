using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Text;
using Keys = Mokuhyo.Documents.Excel.WorkbookText.Keys;

namespace Mokuhyo.Documents.Excel.Mapped;

/// <summary>A sheet's headers as found in the header row, for choosing the mapping.</summary>
public sealed record WorkbookOutline(IReadOnlyList<ImportError> Errors, IReadOnlyList<string> SheetNames, string? Sheet,
    IReadOnlyList<string> Headers);

/// <summary>A goal a mapped workbook would create, with its indicators' names and its goal fields' values (label, value as shown).</summary>
public sealed record PreviewGoal(int Row, int Number, string Title, string LeadUnit, IReadOnlyList<string> Indicators)
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];
}

/// <summary>The goals a mapped workbook would add to one department.</summary>
public sealed record PreviewDepartment(string Code, string Name, IReadOnlyList<PreviewGoal> Goals);

/// <summary>What a mapped workbook would create, or every problem found; nothing is written.</summary>
public sealed record MappedPreview(IReadOnlyList<ImportError> Errors, IReadOnlyList<PreviewDepartment> Departments)
{
    public bool Succeeded => Errors.Count == 0;

    public int GoalCount => Departments.Sum(d => d.Goals.Count);

    public int IndicatorCount => Departments.Sum(d => d.Goals.Sum(g => g.Indicators.Count));
}

/// <summary>
/// Reads a city's own workbook through a <see cref="ColumnMapping"/> into the content the template import
/// checks and writes, and adds its goals to the drafts. The file passes the same checks as a template
/// workbook (size, zip bomb, not a zip, formulas) before any cell is read; every problem is collected, in
/// Japanese with its sheet, row and column header, before anything is written; a valid workbook is written
/// in one transaction through the same gate. Goals are only added: a number the department already has is
/// refused, and plans and other goals are left as they are.
/// </summary>
public static class MappedWorkbookReader
{
    /// <summary>The sheets of the file and the headers of the chosen sheet's header row.</summary>
    public static async Task<WorkbookOutline> OutlineAsync(Stream workbook, string? sheetName, int headerRow, CancellationToken cancellationToken = default)
    {
        var errors = new ErrorCollector();
        var loaded = await LoadAsync(workbook, sheetName, headerRow, errors, cancellationToken);
        return loaded is null
            ? new WorkbookOutline(errors.ToList(), [], null, [])
            : new WorkbookOutline(errors.ToList(), loaded.SheetNames, loaded.Sheet.Name,
                [.. loaded.Headers.OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Checks the workbook as an import would and says what it would create; writes nothing.</summary>
    public static async Task<MappedPreview> PreviewAsync(Stream workbook, MokuhyoDbContext db, string municipalitySlug, int fiscalYear,
        string phaseKey, ColumnMapping mapping, CancellationToken cancellationToken = default)
    {
        var (errors, context, content, _) = await CheckAsync(workbook, db, municipalitySlug, fiscalYear, phaseKey, mapping, cancellationToken);
        if (errors.Any || context is null || content is null)
        {
            return new MappedPreview(errors.ToList(), []);
        }

        var indicators = content.Indicators.ToLookup(i => (i.Department, i.GoalNumber));
        var fields = content.Fields.ToLookup(f => (f.Department, f.GoalNumber));
        var names = context.Units.Values.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        KeyValuePair<string, string> Shown(FieldRow row)
        {
            var field = context.Format.FindGoalField(row.FieldKey)!;
            return new(field.Label, field.Kind == GoalFieldKind.Rating ? context.Format.RatingScale.FindLevel(row.Value)?.Label ?? row.Value : row.Value);
        }

        return new MappedPreview([], [.. content.Departments.Select(d => new PreviewDepartment(d.Code, names[d.Code],
            [.. content.Goals.Where(g => g.Department == d.Code).Select(g => new PreviewGoal(g.Row, g.Number, g.Title, names[g.LeadCode],
                [.. indicators[(d.Code, g.Number)].OrderBy(i => i.Number).Select(i => i.Name)])
            {
                Fields = [.. fields[(d.Code, g.Number)].Select(Shown)],
            })]))]);
    }

    /// <summary>
    /// Adds the workbook's goals to the drafts, all or nothing. The gate is asked inside the transaction, as
    /// for a template workbook; a message it returns refuses the import.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(Stream workbook, MokuhyoDbContext db, string municipalitySlug, int fiscalYear,
        string phaseKey, ColumnMapping mapping, ImportGate? gate, CancellationToken cancellationToken = default)
    {
        var (errors, context, content, _) = await CheckAsync(workbook, db, municipalitySlug, fiscalYear, phaseKey, mapping, cancellationToken);
        if (errors.Any || context is null || content is null)
        {
            return ImportResult.Failed(errors.ToList());
        }

        return await WorkbookImporter.WriteAsync(db, context, content, gate, replace: false, errors, cancellationToken);
    }

    private sealed record Loaded(IReadOnlyList<string> SheetNames, RawSheet Sheet, int HeaderRow, IReadOnlyList<string?> Headers);

    private static async Task<Loaded?> LoadAsync(Stream workbook, string? sheetName, int headerRow, ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        if (headerRow is < 1 or > ColumnMapping.MaxHeaderRow)
        {
            errors.File(Keys.MappedHeaderRowInvalid, ColumnMapping.MaxHeaderRow);
            return null;
        }

        await using var package = await WorkbookPackage.LoadAsync(workbook, errors, cancellationToken);
        if (package is null || WorkbookReader.SheetNames(package, errors) is not { } names)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(sheetName) ? (names.Count > 0 ? names[0] : null) : sheetName;
        if (name is null || !names.Contains(name, StringComparer.Ordinal))
        {
            errors.File(Keys.MappedSheetMissing, name ?? string.Empty, string.Join("・", names));
            return null;
        }

        var sheets = WorkbookReader.Read(package, [name], errors, cancellationToken);
        if (sheets is null || !sheets.TryGetValue(name, out var sheet))
        {
            return null;
        }

        var row = sheet.Rows.FirstOrDefault(r => r.Number == headerRow);
        var width = row is null || row.Cells.Count == 0 ? 0 : row.Cells.Max(c => c.Column) + 1;
        var headers = new string?[width];
        foreach (var cell in row?.Cells ?? [])
        {
            headers[cell.Column] = string.IsNullOrWhiteSpace(cell.Value) ? null : cell.Value.Trim();
        }

        return new Loaded(names, sheet, headerRow, headers);
    }

    private static async Task<(ErrorCollector Errors, ImportContext? Context, WorkbookContent? Content, Loaded? Loaded)> CheckAsync(
        Stream workbook, MokuhyoDbContext db, string slug, int fiscalYear, string phaseKey, ColumnMapping mapping,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mapping);
        var errors = new ErrorCollector();
        var loaded = await LoadAsync(workbook, mapping.SheetName, mapping.HeaderRow, errors, cancellationToken);
        if (loaded is null)
        {
            return (errors, null, null, loaded);
        }

        if (errors.Any)
        {
            return (Relabel(errors, loaded), null, null, loaded);
        }

        var columns = Columns(loaded, mapping, errors);
        if (columns is null)
        {
            return (errors, null, null, loaded);
        }

        var context = await ImportContext.LoadAsync(db, slug, fiscalYear, phaseKey, errors, cancellationToken);
        if (context is null)
        {
            return (errors, null, null, loaded);
        }

        var fieldColumns = GoalFieldColumns(loaded, mapping, context, errors);
        if (fieldColumns is null)
        {
            return (errors, null, null, loaded);
        }

        var departmentIds = context.Units.Values.Where(u => u.IsReportingUnit).Select(u => u.Id).ToList();
        var existing = (await db.Goals.AsNoTracking().Where(g => departmentIds.Contains(g.DepartmentId))
            .Select(g => new { g.DepartmentId, g.Number }).ToListAsync(cancellationToken))
            .Select(g => (g.DepartmentId, g.Number)).ToHashSet();
        var content = Read(loaded, columns, fieldColumns, context, existing, errors);

        // Messages place a problem by column letter; people mapped columns by their headers, so name both.
        return (Relabel(errors, loaded), context, errors.Any ? null : content, loaded);
    }

    private static ErrorCollector Relabel(ErrorCollector errors, Loaded loaded)
    {
        var relabelled = new ErrorCollector();
        foreach (var error in errors.ToList())
        {
            var header = error.Sheet == loaded.Sheet.Name && error.Column is { } letter
                ? loaded.Headers.Select((h, i) => (h, i)).FirstOrDefault(x => WorkbookTemplate.ColumnLetter(x.i) == letter).h
                : null;
            relabelled.Raw(header is null ? error : error with { Column = $"{error.Column}「{header}」" });
        }

        return relabelled;
    }

    private static Dictionary<MappedField, int>? Columns(Loaded loaded, ColumnMapping mapping, ErrorCollector errors)
    {
        var sheet = loaded.Sheet.Name;
        foreach (var field in ColumnMapping.RequiredFields.Where(f => !mapping.Columns.TryGetValue(f, out var h) || string.IsNullOrWhiteSpace(h)))
        {
            errors.Add(Keys.MappedFieldNotMapped, sheet, null, null, FieldLabel(field));
        }

        var columns = new Dictionary<MappedField, int>();
        foreach (var (field, header) in mapping.Columns.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            var matches = loaded.Headers.Select((h, i) => (h, i)).Where(x => string.Equals(x.h, header.Trim(), StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
            {
                errors.Add(Keys.MappedHeaderNotFound, sheet, mapping.HeaderRow, null, FieldLabel(field), header, mapping.HeaderRow);
            }
            else if (matches.Count > 1)
            {
                errors.Add(Keys.MappedHeaderTwice, sheet, mapping.HeaderRow, null, header, mapping.HeaderRow);
            }
            else
            {
                columns[field] = matches[0].i;
            }
        }

        return errors.Any ? null : columns;
    }

    /// <summary>
    /// The columns of the format's goal fields. The phase decides which may be mapped, as on the field editor and
    /// the submit check: plan fields always (filed under the plan phase), result fields only in a phase that
    /// reports results; each required field of the phase must be mapped. Keys the format no longer has (a saved
    /// mapping of an older version) are left aside.
    /// </summary>
    private static Dictionary<GoalFieldDefinition, int>? GoalFieldColumns(Loaded loaded, ColumnMapping mapping, ImportContext context,
        ErrorCollector errors)
    {
        var sheet = loaded.Sheet.Name;
        var allowed = context.Format.GoalFieldsOf(context.Phase.Kind).ToList();
        var columns = new Dictionary<GoalFieldDefinition, int>();
        foreach (var field in context.Format.GoalFields)
        {
            var header = mapping.GoalFields.TryGetValue(field.Key, out var h) && !string.IsNullOrWhiteSpace(h) ? h : null;
            if (header is null)
            {
                if (field.Required && allowed.Contains(field))
                {
                    errors.Add(Keys.MappedFieldNotMapped, sheet, null, null, field.Label);
                }

                continue;
            }

            if (!allowed.Contains(field))
            {
                errors.Add(Keys.MappedFieldOtherPhase, sheet, null, null, field.Label, context.Phase.Name);
                continue;
            }

            var matches = loaded.Headers.Select((x, i) => (x, i)).Where(x => string.Equals(x.x, header.Trim(), StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
            {
                errors.Add(Keys.MappedHeaderNotFound, sheet, mapping.HeaderRow, null, field.Label, header, mapping.HeaderRow);
            }
            else if (matches.Count > 1)
            {
                errors.Add(Keys.MappedHeaderTwice, sheet, mapping.HeaderRow, null, header, mapping.HeaderRow);
            }
            else
            {
                columns[field] = matches[0].i;
            }
        }

        return errors.Any ? null : columns;
    }

    /// <summary>A unit named by its code, else by its name (unique in the fiscal year); null after reporting why not.</summary>
    private static string? Unit(RowReader row, int column, ImportContext context, bool reportingOnly)
    {
        if (row.Code(column) is not { } text)
        {
            return null;
        }

        var units = context.Units.Values.Where(u => !reportingOnly || u.IsReportingUnit).ToList();
        if (units.Find(u => string.Equals(u.Code, text, StringComparison.Ordinal)) is { } byCode)
        {
            return byCode.Code;
        }

        var byName = units.FindAll(u => string.Equals(u.Name, text, StringComparison.Ordinal));
        switch (byName.Count)
        {
            case 1:
                return byName[0].Code;
            case 0:
                row.Error(column, reportingOnly ? Keys.MappedUnknownDepartment : Keys.MappedUnknownUnit, text);
                return null;
            default:
                row.Error(column, Keys.MappedAmbiguousUnit, text);
                return null;
        }
    }

    /// <summary>The Japanese name of a target field, as the mapping form and messages show it.</summary>
    public static string FieldLabel(MappedField field) => WorkbookText.Get("Mapped.Field." + field);

    private static WorkbookContent Read(Loaded loaded, Dictionary<MappedField, int> columns, Dictionary<GoalFieldDefinition, int> fieldColumns,
        ImportContext context, HashSet<(Guid, int)> existing, ErrorCollector errors)
    {
        // A goal spans its rows; each field takes the value one of them gives, and rows that give another are refused.
        var fieldValues = new Dictionary<GoalRow, Dictionary<GoalFieldDefinition, (string Value, int Row)>>(ReferenceEqualityComparer.Instance);
        var required = ColumnMapping.RequiredFields.Select(f => columns[f]).ToHashSet();
        var table = new TemplateTable(loaded.Sheet.Name,
            [.. loaded.Headers.Select((h, i) => new TemplateColumn(h ?? WorkbookTemplate.ColumnLetter(i), ColumnKind.Text, 0, required.Contains(i)))]);
        int? Col(MappedField field) => columns.TryGetValue(field, out var c) ? c : null;

        var departments = new List<DepartmentRow>();
        var goals = new List<GoalRow>();
        var goalsByKey = new Dictionary<(string, int), GoalRow>();
        var indicators = new List<IndicatorRow>();
        var dataRows = loaded.Sheet.Rows.Where(r => r.Number > loaded.HeaderRow && !r.IsBlank).ToList();
        foreach (var raw in dataRows)
        {
            var row = new RowReader(table, raw, errors);
            var department = Unit(row, columns[MappedField.Department], context, reportingOnly: true);
            var number = row.WholeNumber(columns[MappedField.GoalNumber]);
            var title = row.Text(columns[MappedField.GoalTitle], TextLimits.Title);
            var lead = Col(MappedField.LeadUnit) is { } leadColumn && row.Has(leadColumn) ? Unit(row, leadColumn, context, reportingOnly: false) : department;
            var name = Col(MappedField.IndicatorName) is { } n ? row.Text(n, TextLimits.Title) : null;
            var baseline = Col(MappedField.Baseline) is { } b ? row.Figure(b) : null;
            var target = Col(MappedField.Target) is { } t ? row.Figure(t) : null;
            var unit = Col(MappedField.Unit) is { } u ? row.Text(u, TextLimits.Unit) : null;
            var direction = Col(MappedField.Direction) is { } d ? row.Choice(d, WorkbookTemplate.Indicators.Directions) : null;
            var due = Col(MappedField.Due) is { } du ? row.Date(du) : null;
            var references = Col(MappedField.PlanReferences) is { } p ? row.Lines(p, TextLimits.Line) : [];
            var values = fieldColumns.Select(f => (Field: f.Key, Column: f.Value, Value: GoalFieldCells.Read(row, f.Value, f.Key, context.Format)))
                .Where(f => f.Value is not null).ToList();

            if (Col(MappedField.Direction) is { } dc && row.Has(dc) && target is null && row.IsValid)
            {
                row.Error(dc, Keys.RuleNeedsTarget, table[dc].Name);
            }

            if (department is null || number is not { } goalNumber || title is null || lead is null || !row.IsValid)
            {
                continue;
            }

            if (existing.Contains((context.Units[department].Id, goalNumber)))
            {
                row.Error(columns[MappedField.GoalNumber], Keys.MappedGoalExists, context.Units[department].Name, goalNumber);
                continue;
            }

            if (!goalsByKey.TryGetValue((department, goalNumber), out var goal))
            {
                goal = new GoalRow(raw.Number, department, goalNumber, title, lead, [], [], [], references);
                goalsByKey.Add((department, goalNumber), goal);
                goals.Add(goal);
                if (!departments.Exists(x => x.Code == department))
                {
                    departments.Add(new DepartmentRow(raw.Number, department));
                }
            }
            else if (!string.Equals(goal.Title, title, StringComparison.Ordinal))
            {
                row.Error(columns[MappedField.GoalTitle], Keys.MappedGoalTitleDiffers, context.Units[department].Name, goalNumber, goal.Row, goal.Title);
                continue;
            }

            if (!fieldValues.TryGetValue(goal, out var given))
            {
                given = [];
                fieldValues.Add(goal, given);
            }

            var differs = false;
            foreach (var (field, column, value) in values)
            {
                if (given.TryGetValue(field, out var first) && !string.Equals(first.Value, value, StringComparison.Ordinal))
                {
                    row.Error(column, Keys.MappedFieldDiffers, context.Units[department].Name, goalNumber, field.Label, first.Row);
                    differs = true;
                }
                else
                {
                    given.TryAdd(field, (value!, raw.Number));
                }
            }

            if (differs)
            {
                continue;
            }

            if (name is not null)
            {
                var kind = target is not null ? IndicatorKind.Numeric
                    : due is not null ? IndicatorKind.Milestone
                    : baseline is not null ? IndicatorKind.Output
                    : IndicatorKind.Qualitative;
                var ordinal = indicators.Count(i => i.Department == department && i.GoalNumber == goalNumber) + 1;
                indicators.Add(new IndicatorRow(raw.Number, department, goalNumber, ordinal, name, kind, unit, baseline, null, target,
                    target is null ? null : direction ?? TargetDirection.AtLeast, null, due, null, null, null));
            }
        }

        if (dataRows.Count == 0)
        {
            errors.Add(Keys.MappedNoRows, loaded.Sheet.Name, null, null);
        }

        // A required field is checked per goal, as the submit check will: empty on every row of the goal is an
        // error at the goal's first row.
        var fields = new List<FieldRow>();
        foreach (var goal in goals)
        {
            var given = fieldValues.TryGetValue(goal, out var known) ? known : [];
            foreach (var (field, column) in fieldColumns)
            {
                if (given.TryGetValue(field, out var value))
                {
                    fields.Add(new FieldRow(value.Row, goal.Department, goal.Number, field.Key,
                        GoalFieldRules.PhaseKeyOf(field, context.Format, context.Phase), value.Value));
                }
                else if (field.Required)
                {
                    errors.Add(Keys.ValueRequired, loaded.Sheet.Name, goal.Row, column, field.Label);
                }
            }
        }

        return new WorkbookContent(departments, [], goals, indicators, [], fields, new HashSet<(string, string)>());
    }
}
