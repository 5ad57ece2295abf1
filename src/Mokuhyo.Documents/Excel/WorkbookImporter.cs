using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Text;
using Keys = Mokuhyo.Documents.Excel.WorkbookText.Keys;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Imports a workbook in the template of <see cref="WorkbookTemplate"/> into the drafts of the departments
/// it lists. The whole file is checked first and every problem is reported in Japanese with its sheet, row
/// and column; only a file without problems is written, all of it in one transaction. Published reports
/// are never touched: the public sees the changes only once they are published again.
/// </summary>
public static class WorkbookImporter
{
    private static readonly string[] SheetNames =
    [
        WorkbookTemplate.DescriptionSheet, WorkbookTemplate.PlanSheet, WorkbookTemplate.GoalSheet,
        WorkbookTemplate.IndicatorSheet, WorkbookTemplate.ResultSheet,
    ];

    /// <param name="workbook">The uploaded file; it is read to the end (at most <see cref="WorkbookLimits.MaxFileBytes"/>).</param>
    /// <param name="db">The database; its change tracker is cleared when the import ends.</param>
    /// <param name="municipalitySlug">The municipality the workbook must belong to.</param>
    /// <param name="fiscalYear">The western start year the workbook must be of.</param>
    /// <param name="phaseKey">The phase whose actuals and results the workbook holds.</param>
    /// <param name="cancellationToken">Stops reading or writing; nothing is written then.</param>
    public static Task<ImportResult> ImportAsync(Stream workbook, MokuhyoDbContext db, string municipalitySlug, int fiscalYear,
        string phaseKey, CancellationToken cancellationToken = default) =>
        ImportAsync(workbook, db, municipalitySlug, fiscalYear, phaseKey, gate: null, cancellationToken);

    /// <param name="workbook">The uploaded file.</param>
    /// <param name="db">The database.</param>
    /// <param name="municipalitySlug">The municipality the workbook must belong to.</param>
    /// <param name="fiscalYear">The western start year the workbook must be of.</param>
    /// <param name="phaseKey">The phase whose actuals and results the workbook holds.</param>
    /// <param name="gate">
    /// Asked, inside the import's transaction and before anything is written, whether the departments of a
    /// valid workbook may be changed now (who is importing, and where each report stands in review). What it
    /// changes on tracked records is saved with the import; a message it returns refuses the whole import.
    /// </param>
    /// <param name="cancellationToken">Stops reading or writing; nothing is written then.</param>
    public static async Task<ImportResult> ImportAsync(Stream workbook, MokuhyoDbContext db, string municipalitySlug, int fiscalYear,
        string phaseKey, ImportGate? gate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(municipalitySlug);
        ArgumentNullException.ThrowIfNull(phaseKey);

        var errors = new ErrorCollector();
        Dictionary<string, RawSheet>? sheets;
        await using (var package = await WorkbookPackage.LoadAsync(workbook, errors, cancellationToken))
        {
            if (package is null)
            {
                return ImportResult.Failed(errors.ToList());
            }

            // The goal fields' sheet is optional: a format without fields, or a goal sheet without values, has none.
            // A file that cannot be listed is reported by the read below, once, as before.
            var present = WorkbookReader.SheetNames(package, new ErrorCollector());
            sheets = WorkbookReader.Read(package, present?.Contains(WorkbookTemplate.FieldSheet, StringComparer.Ordinal) == true
                ? [.. SheetNames, WorkbookTemplate.FieldSheet]
                : SheetNames, errors, cancellationToken);
        }

        if (sheets is null || sheets.Count < SheetNames.Length)
        {
            return ImportResult.Failed(errors.ToList());
        }

        var headersOk = CheckHeader(sheets[WorkbookTemplate.DescriptionSheet], WorkbookTemplate.Description.Departments,
            WorkbookTemplate.Description.DepartmentHeaderRow, errors);
        foreach (var table in WorkbookTemplate.Tables)
        {
            headersOk &= CheckHeader(sheets[table.Name], table, 1, errors);
        }

        if (sheets.TryGetValue(WorkbookTemplate.FieldSheet, out var fieldSheet))
        {
            headersOk &= CheckHeader(fieldSheet, WorkbookTemplate.Fields.Table, 1, errors);
        }

        if (!headersOk)
        {
            return ImportResult.Failed(errors.ToList());
        }

        var context = await ImportContext.LoadAsync(db, municipalitySlug, fiscalYear, phaseKey, errors, cancellationToken);
        if (context is null)
        {
            return ImportResult.Failed(errors.ToList());
        }

        var content = Check(sheets, context, errors);
        if (errors.Any)
        {
            return ImportResult.Failed(errors.ToList());
        }

        return await WriteAsync(db, context, content, gate, replace: true, errors, cancellationToken);
    }

    /// <summary>Writes checked content through the gate; a refusal or a failed write becomes the result's errors.</summary>
    internal static async Task<ImportResult> WriteAsync(MokuhyoDbContext db, ImportContext context, WorkbookContent content, ImportGate? gate,
        bool replace, ErrorCollector errors, CancellationToken cancellationToken)
    {
        try
        {
            return await DraftWriter.WriteAsync(db, context, content, gate, replace, cancellationToken);
        }
        catch (ImportRefusedException refused)
        {
            return ImportResult.Failed([new ImportError("Import.Refused", refused.Message)]);
        }
        catch (DbUpdateConcurrencyException)
        {
            errors.File(Keys.WriteConflict);
        }
        catch (DbUpdateException)
        {
            errors.File(Keys.WriteFailed);
        }

        return ImportResult.Failed(errors.ToList());
    }

    private static bool CheckHeader(RawSheet sheet, TemplateTable table, int headerRow, ErrorCollector errors)
    {
        var ok = true;
        var row = sheet.Rows.FirstOrDefault(r => r.Number == headerRow);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var expected = table[i].Header;
            var actual = row?[i] is { } cell ? cell.Value : null;
            if (string.IsNullOrWhiteSpace(actual))
            {
                errors.Add(Keys.TemplateHeaderMissing, sheet.Name, headerRow, i, expected);
                ok = false;
            }
            else if (!string.Equals(actual.Trim(), expected, StringComparison.Ordinal))
            {
                errors.Add(Keys.TemplateHeaderMismatch, sheet.Name, headerRow, i, expected, actual);
                ok = false;
            }
        }

        foreach (var extra in row?.Cells.Where(c => c.Column >= table.Columns.Count && !string.IsNullOrWhiteSpace(c.Value)) ?? [])
        {
            errors.Add(Keys.TemplateExtraColumn, sheet.Name, headerRow, extra.Column);
            ok = false;
        }

        return ok;
    }

    /// <summary>The non-blank rows below a header, each read by the table's rules; values right of the template's columns are refused.</summary>
    private static IEnumerable<RowReader> DataRows(RawSheet sheet, TemplateTable table, int headerRow, ErrorCollector errors)
    {
        foreach (var row in sheet.Rows.Where(r => r.Number > headerRow && !r.IsBlank))
        {
            var reader = new RowReader(table, row, errors);
            foreach (var extra in row.Cells.Where(c => c.Column >= table.Columns.Count && !string.IsNullOrWhiteSpace(c.Value)))
            {
                reader.Error(extra.Column, Keys.TemplateExtraColumn);
            }

            yield return reader;
        }
    }

    private static WorkbookContent Check(Dictionary<string, RawSheet> sheets, ImportContext context, ErrorCollector errors)
    {
        var departments = ReadDescription(sheets[WorkbookTemplate.DescriptionSheet], context, errors);
        var listed = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);

        bool CheckListed(RowReader row, string? code, int column)
        {
            if (code is null)
            {
                return false;
            }

            if (!listed.ContainsKey(code))
            {
                row.Error(column, Keys.RefDepartmentNotListed, code);
                return false;
            }

            return true;
        }

        var plan = ReadPlan(sheets[WorkbookTemplate.PlanSheet], context, errors, CheckListed);
        var (goals, goalKeys) = ReadGoals(sheets[WorkbookTemplate.GoalSheet], context, errors, CheckListed);
        var indicators = ReadIndicators(sheets[WorkbookTemplate.IndicatorSheet], goalKeys, errors, CheckListed);
        var blocks = ReadBlocks(sheets[WorkbookTemplate.ResultSheet], goalKeys, errors, CheckListed);
        var (fields, replaced) = sheets.TryGetValue(WorkbookTemplate.FieldSheet, out var fieldSheet)
            ? ReadFields(fieldSheet, context, goalKeys, errors, CheckListed)
            : ([], new HashSet<(string, string)>());
        return new WorkbookContent(departments, plan, goals, indicators, blocks, fields, replaced);
    }

    private static List<DepartmentRow> ReadDescription(RawSheet sheet, ImportContext context, ErrorCollector errors)
    {
        string? Value(int rowNumber, int column) =>
            sheet.Rows.FirstOrDefault(r => r.Number == rowNumber)?[column] is { } cell && !string.IsNullOrWhiteSpace(cell.Value)
                ? cell.Value.Trim()
                : null;

        foreach (var (row, label) in WorkbookTemplate.Description.Rows)
        {
            var actual = Value(row, 0);
            if (!string.Equals(actual, label, StringComparison.Ordinal))
            {
                errors.Add(Keys.TemplateLabelMismatch, sheet.Name, row, 0, label, actual ?? string.Empty);
            }
        }

        var marker = Value(WorkbookTemplate.Description.TemplateRow, 1);
        if (!string.Equals(marker, WorkbookTemplate.Id, StringComparison.Ordinal))
        {
            errors.Add(Keys.TemplateMarkerMismatch, sheet.Name, WorkbookTemplate.Description.TemplateRow, 1, WorkbookTemplate.Id);
        }

        var version = Value(WorkbookTemplate.Description.VersionRow, 1);
        if (!string.Equals(version, WorkbookTemplate.Version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            errors.Add(Keys.TemplateVersionMismatch, sheet.Name, WorkbookTemplate.Description.VersionRow, 1, WorkbookTemplate.Version, version ?? string.Empty);
        }

        var code = Value(WorkbookTemplate.Description.MunicipalityCodeRow, 1);
        if (!string.Equals(code, context.Municipality.Code, StringComparison.Ordinal))
        {
            errors.Add(Keys.ContextMunicipalityMismatch, sheet.Name, WorkbookTemplate.Description.MunicipalityCodeRow, 1,
                code ?? string.Empty, context.Municipality.Code, context.Municipality.Name);
        }

        var year = Value(WorkbookTemplate.Description.FiscalYearRow, 1);
        if (!string.Equals(year, context.Year.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            errors.Add(Keys.ContextYearMismatch, sheet.Name, WorkbookTemplate.Description.FiscalYearRow, 1, year ?? string.Empty,
                Wareki.FormatFiscalYearWithWestern(context.Year.FiscalYear));
        }

        var phase = Value(WorkbookTemplate.Description.PhaseRow, 1);
        if (!string.Equals(phase, context.Phase.Key, StringComparison.Ordinal))
        {
            errors.Add(Keys.ContextPhaseMismatch, sheet.Name, WorkbookTemplate.Description.PhaseRow, 1, phase ?? string.Empty, context.Phase.Key);
        }

        var departments = new List<DepartmentRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = WorkbookTemplate.Description.Departments;
        foreach (var row in DataRows(sheet, table, WorkbookTemplate.Description.DepartmentHeaderRow, errors))
        {
            if (row.Code(WorkbookTemplate.Description.DepartmentCode) is not { } unitCode)
            {
                continue;
            }

            if (seen.TryGetValue(unitCode, out var first))
            {
                row.Error(0, Keys.DupDepartment, unitCode, first);
            }
            else if (!context.Units.TryGetValue(unitCode, out var unit))
            {
                row.Error(0, Keys.RefUnknownDepartment, unitCode);
            }
            else if (!unit.IsReportingUnit)
            {
                row.Error(0, Keys.RefNotReportingUnit, unit.Name, unitCode);
            }
            else
            {
                seen.Add(unitCode, row.Number);
                departments.Add(new DepartmentRow(row.Number, unitCode));
            }
        }

        if (departments.Count == 0 && !errors.Any)
        {
            errors.Add(Keys.TemplateNoDepartments, sheet.Name, null, null);
        }

        return departments;
    }

    private delegate bool ListedCheck(RowReader row, string? code, int column);

    private static List<PlanRow> ReadPlan(RawSheet sheet, ImportContext context, ErrorCollector errors, ListedCheck listed)
    {
        var rows = new List<PlanRow>();
        var seen = new Dictionary<(string, string, int), int>();
        var keys = string.Join("・", context.Format.PlanSections.Select(s => s.Key));
        foreach (var row in DataRows(sheet, WorkbookTemplate.Plan.Table, 1, errors))
        {
            var department = row.Code(WorkbookTemplate.Plan.DepartmentCode);
            var section = row.Code(WorkbookTemplate.Plan.SectionKey);
            var number = row.WholeNumber(WorkbookTemplate.Plan.Number);
            var label = row.Text(WorkbookTemplate.Plan.Label, TextLimits.Name);
            var text = row.Text(WorkbookTemplate.Plan.Text, TextLimits.Paragraph);
            var isListed = listed(row, department, WorkbookTemplate.Plan.DepartmentCode);
            if (section is not null && context.Format.FindPlanSection(section) is null)
            {
                row.Error(WorkbookTemplate.Plan.SectionKey, Keys.RefUnknownSection, section, keys);
            }

            if (!row.IsValid || !isListed || section is null || number is not { } n || text is null)
            {
                continue;
            }

            if (!seen.TryAdd((department!, section, n), row.Number))
            {
                row.Error(WorkbookTemplate.Plan.Number, Keys.DupPlanItem, department, section, n, seen[(department!, section, n)]);
                continue;
            }

            rows.Add(new PlanRow(row.Number, department!, section, n, label, text));
        }

        return rows;
    }

    private static (List<GoalRow> Goals, HashSet<(string, int)> Keys) ReadGoals(RawSheet sheet, ImportContext context, ErrorCollector errors,
        ListedCheck listed)
    {
        var rows = new List<GoalRow>();
        var seen = new Dictionary<(string, int), int>();
        foreach (var row in DataRows(sheet, WorkbookTemplate.Goals.Table, 1, errors))
        {
            var department = row.Code(WorkbookTemplate.Goals.DepartmentCode);
            var number = row.WholeNumber(WorkbookTemplate.Goals.Number);
            var isListed = listed(row, department, WorkbookTemplate.Goals.DepartmentCode);
            if (isListed && number is { } n)
            {
                // The key counts even when another cell of the row is wrong, so that the goal's indicators
                // and results are not reported as orphans as well.
                if (!seen.TryAdd((department!, n), row.Number))
                {
                    row.Error(WorkbookTemplate.Goals.Number, Keys.DupGoal, department, n, seen[(department!, n)]);
                    continue;
                }
            }

            var title = row.Text(WorkbookTemplate.Goals.Title, TextLimits.Title);
            var lead = row.Code(WorkbookTemplate.Goals.LeadCode);
            if (lead is not null && !context.Units.ContainsKey(lead))
            {
                row.Error(WorkbookTemplate.Goals.LeadCode, Keys.RefUnknownUnit, WorkbookTemplate.Goals.Table[WorkbookTemplate.Goals.LeadCode].Name, lead);
            }

            var coUnits = row.Lines(WorkbookTemplate.Goals.CoUnitCodes, TextLimits.Code).Select(c => c.Trim()).ToList();
            var coUnitName = WorkbookTemplate.Goals.Table[WorkbookTemplate.Goals.CoUnitCodes].Name;
            foreach (var code in coUnits.Where(c => !context.Units.ContainsKey(c)))
            {
                row.Error(WorkbookTemplate.Goals.CoUnitCodes, Keys.RefUnknownUnit, coUnitName, code);
            }

            foreach (var code in coUnits.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                row.Error(WorkbookTemplate.Goals.CoUnitCodes, Keys.DupCoUnit, code);
            }

            if (lead is not null && coUnits.Contains(lead, StringComparer.Ordinal))
            {
                row.Error(WorkbookTemplate.Goals.CoUnitCodes, Keys.RuleCoUnitIsLead, lead);
            }

            var body = row.Lines(WorkbookTemplate.Goals.Body, TextLimits.Paragraph);
            var actions = row.Lines(WorkbookTemplate.Goals.PlannedActions, TextLimits.Line);
            var references = row.Lines(WorkbookTemplate.Goals.PlanReferences, TextLimits.Line);
            if (row.IsValid && isListed && number is { } goalNumber && title is not null && lead is not null)
            {
                rows.Add(new GoalRow(row.Number, department!, goalNumber, title, lead, coUnits, body, actions, references));
            }
        }

        return (rows, [.. seen.Keys]);
    }

    private static List<IndicatorRow> ReadIndicators(RawSheet sheet, HashSet<(string, int)> goals, ErrorCollector errors, ListedCheck listed)
    {
        var rows = new List<IndicatorRow>();
        var seen = new Dictionary<(string, int, int), int>();
        var columns = WorkbookTemplate.Indicators.Table;
        foreach (var row in DataRows(sheet, columns, 1, errors))
        {
            var department = row.Code(WorkbookTemplate.Indicators.DepartmentCode);
            var goal = row.WholeNumber(WorkbookTemplate.Indicators.GoalNumber);
            var number = row.WholeNumber(WorkbookTemplate.Indicators.Number);
            var isListed = listed(row, department, WorkbookTemplate.Indicators.DepartmentCode);
            if (isListed && goal is { } g && !goals.Contains((department!, g)))
            {
                row.Error(WorkbookTemplate.Indicators.GoalNumber, Keys.RefUnknownGoal, department, g);
            }

            if (isListed && goal is { } gn && number is { } n && !seen.TryAdd((department!, gn, n), row.Number))
            {
                row.Error(WorkbookTemplate.Indicators.Number, Keys.DupIndicator, department, gn, n, seen[(department!, gn, n)]);
            }

            var name = row.Text(WorkbookTemplate.Indicators.Name, TextLimits.Title);
            var kind = row.Choice(WorkbookTemplate.Indicators.Kind, WorkbookTemplate.Indicators.Kinds);
            var unit = row.Text(WorkbookTemplate.Indicators.Unit, TextLimits.Unit);
            var baseline = row.Figure(WorkbookTemplate.Indicators.Baseline);
            var baselineAsOf = row.Date(WorkbookTemplate.Indicators.BaselineAsOf);
            var target = row.Figure(WorkbookTemplate.Indicators.Target);
            var direction = row.Choice(WorkbookTemplate.Indicators.Direction, WorkbookTemplate.Indicators.Directions);
            var note = row.Text(WorkbookTemplate.Indicators.TargetNote, TextLimits.Name);
            var due = row.Date(WorkbookTemplate.Indicators.Due);
            var actual = row.Figure(WorkbookTemplate.Indicators.Actual);
            var actualAsOf = row.Date(WorkbookTemplate.Indicators.ActualAsOf);
            var done = row.Date(WorkbookTemplate.Indicators.Done);

            var hasTargetCells = row.Has(WorkbookTemplate.Indicators.Target) || row.Has(WorkbookTemplate.Indicators.Direction)
                || row.Has(WorkbookTemplate.Indicators.TargetNote);
            if (kind is { } k && k != IndicatorKind.Numeric && hasTargetCells)
            {
                row.Error(WorkbookTemplate.Indicators.Target, Keys.RuleTargetOnlyNumeric, WorkbookTemplate.Indicators.Kinds[0].Word);
            }
            else if (kind == IndicatorKind.Numeric && row.Has(WorkbookTemplate.Indicators.Target))
            {
                if (!row.Has(WorkbookTemplate.Indicators.Direction))
                {
                    row.Error(WorkbookTemplate.Indicators.Direction, Keys.RuleDirectionRequired);
                }
            }
            else if (kind == IndicatorKind.Numeric)
            {
                foreach (var column in new[] { WorkbookTemplate.Indicators.Direction, WorkbookTemplate.Indicators.TargetNote }.Where(row.Has))
                {
                    row.Error(column, Keys.RuleNeedsTarget, columns[column].Name);
                }
            }

            RequirePartner(row, WorkbookTemplate.Indicators.BaselineAsOf, WorkbookTemplate.Indicators.Baseline, columns);
            RequirePartner(row, WorkbookTemplate.Indicators.ActualAsOf, WorkbookTemplate.Indicators.Actual, columns);

            if (row.IsValid && isListed && goal is { } goalNumber && number is { } indicatorNumber && name is not null && kind is { } indicatorKind)
            {
                rows.Add(new IndicatorRow(row.Number, department!, goalNumber, indicatorNumber, name, indicatorKind, unit, baseline,
                    baselineAsOf, target, direction, note, due, actual, actualAsOf, done));
            }
        }

        return rows;
    }

    // Only the fields the workbook's phase fills are read (plan fields in the plan phase, result fields in the
    // others), as on the field editor; rows of the other fields are there for reading. A field shown in the
    // workbook is given in full: a goal without its row loses the value.
    private static (List<FieldRow> Rows, HashSet<(string, string)> Replaced) ReadFields(RawSheet sheet, ImportContext context,
        HashSet<(string, int)> goals, ErrorCollector errors, ListedCheck listed)
    {
        var edited = GoalFieldRules.EditedIn(context.Format, context.Phase);
        var rows = new List<FieldRow>();
        var seen = new Dictionary<(string, int, string), int>();
        var keys = string.Join("・", context.Format.GoalFields.Select(f => f.Key));
        foreach (var row in DataRows(sheet, WorkbookTemplate.Fields.Table, 1, errors))
        {
            var department = row.Code(WorkbookTemplate.Fields.DepartmentCode);
            var goal = row.WholeNumber(WorkbookTemplate.Fields.GoalNumber);
            var key = row.Code(WorkbookTemplate.Fields.Key);
            var isListed = listed(row, department, WorkbookTemplate.Fields.DepartmentCode);
            var field = key is null ? null : context.Format.FindGoalField(key);
            if (key is not null && field is null)
            {
                row.Error(WorkbookTemplate.Fields.Key, Keys.RefUnknownField, key, keys);
            }

            if (isListed && goal is { } g && !goals.Contains((department!, g)))
            {
                row.Error(WorkbookTemplate.Fields.GoalNumber, Keys.RefUnknownGoal, department, g);
            }

            if (field is null || !edited.Contains(field))
            {
                continue;
            }

            if (isListed && goal is { } gn && !seen.TryAdd((department!, gn, field.Key), row.Number))
            {
                row.Error(WorkbookTemplate.Fields.Key, Keys.DupField, department, gn, field.Label, seen[(department!, gn, field.Key)]);
                continue;
            }

            var value = GoalFieldCells.Read(row, WorkbookTemplate.Fields.Text, field, context.Format);
            if (row.IsValid && isListed && goal is { } goalNumber && value is not null)
            {
                rows.Add(new FieldRow(row.Number, department!, goalNumber, field.Key, GoalFieldRules.PhaseKeyOf(field, context.Format, context.Phase), value));
            }
        }

        return (rows, [.. edited.Where(f => f.ShowsIn(FormatOutput.Excel)).Select(f => (f.Key, GoalFieldRules.PhaseKeyOf(f, context.Format, context.Phase)))]);
    }

    private static void RequirePartner(RowReader row, int column, int partner, TemplateTable columns)
    {
        if (row.Has(column) && !row.Has(partner))
        {
            row.Error(column, Keys.RuleAsOfNeedsValue, columns[column].Name, columns[partner].Name);
        }
    }

    private static List<BlockRow> ReadBlocks(RawSheet sheet, HashSet<(string, int)> goals, ErrorCollector errors, ListedCheck listed)
    {
        var rows = new List<BlockRow>();
        var seen = new Dictionary<(string, int, int), int>();
        foreach (var row in DataRows(sheet, WorkbookTemplate.Results.Table, 1, errors))
        {
            var department = row.Code(WorkbookTemplate.Results.DepartmentCode);
            var goal = row.WholeNumber(WorkbookTemplate.Results.GoalNumber);
            var number = row.WholeNumber(WorkbookTemplate.Results.Number);
            var isListed = listed(row, department, WorkbookTemplate.Results.DepartmentCode);
            if (isListed && goal is { } g && !goals.Contains((department!, g)))
            {
                row.Error(WorkbookTemplate.Results.GoalNumber, Keys.RefUnknownGoal, department, g);
            }

            if (isListed && goal is { } gn && number is { } n && !seen.TryAdd((department!, gn, n), row.Number))
            {
                row.Error(WorkbookTemplate.Results.Number, Keys.DupBlock, department, gn, n, seen[(department!, gn, n)]);
            }

            var kind = row.Choice(WorkbookTemplate.Results.Kind, WorkbookTemplate.Results.Kinds);
            var heading = row.Text(WorkbookTemplate.Results.Heading, TextLimits.Title);
            string? text = null;
            List<string> items = [];
            if (kind == ResultBlockKind.BulletList)
            {
                items = row.Lines(WorkbookTemplate.Results.Text, TextLimits.Line);
            }
            else
            {
                text = row.Text(WorkbookTemplate.Results.Text, TextLimits.Paragraph);
            }

            if (row.IsValid && isListed && goal is { } goalNumber && number is { } blockNumber && kind is { } blockKind)
            {
                rows.Add(new BlockRow(row.Number, department!, goalNumber, blockNumber, blockKind, heading, text, items));
            }
        }

        return rows;
    }
}

/// <summary>Where an import goes: the municipality's fiscal year, its format and phase, and its units by code.</summary>
/// <summary>Decides, before an import writes, whether these departments may be changed now; a message refuses it.</summary>
public delegate Task<string?> ImportGate(IReadOnlyList<OrgUnit> departments, CancellationToken cancellationToken);

/// <summary>The gate refused the import; its message is shown as it is.</summary>
internal sealed class ImportRefusedException(string message) : Exception(message);

internal sealed record ImportContext(Municipality Municipality, ReportingYear Year, ReportFormat Format, PhaseDefinition Phase,
    Dictionary<string, OrgUnit> Units)
{
    public static async Task<ImportContext?> LoadAsync(MokuhyoDbContext db, string slug, int fiscalYear, string phaseKey,
        ErrorCollector errors, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Slug == slug, cancellationToken);
        if (municipality is null)
        {
            errors.File(Keys.ContextMunicipalityUnknown, slug);
            return null;
        }

        var year = await db.ReportingYears.AsNoTracking().Include(y => y.FormatVersion)
            .SingleOrDefaultAsync(y => y.MunicipalityId == municipality.Id && y.Year == fiscalYear, cancellationToken);
        var yearLabel = fiscalYear is >= FiscalYear.MinStartYear and <= FiscalYear.MaxStartYear
            ? Wareki.FormatFiscalYearWithWestern(new FiscalYear(fiscalYear))
            : fiscalYear.ToString(CultureInfo.InvariantCulture);
        if (year is null)
        {
            errors.File(Keys.ContextYearUnknown, municipality.Name, yearLabel);
            return null;
        }

        var format = year.FormatVersion is { } version ? FormatJson.Parse(version.Json).Format : null;
        if (format is null)
        {
            errors.File(Keys.ContextFormatInvalid, yearLabel);
            return null;
        }

        var phase = format.FindPhase(phaseKey);
        if (phase is null)
        {
            errors.File(Keys.ContextPhaseUnknown, phaseKey, yearLabel, string.Join("・", format.Phases.Select(p => $"{p.Key}({p.Name})")));
            return null;
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        return new ImportContext(municipality, year, format, phase, units);
    }
}
