using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Reports;
using static Mokuhyo.Documents.Excel.WorkbookStyles;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Writes departments' reports (the view model the web page renders) as a workbook in the template of
/// <see cref="WorkbookTemplate"/>: one department, or every department of a fiscal year, in one phase.
/// </summary>
public static class WorkbookExporter
{
    private const string Separator = "\n";

    /// <param name="reports">Reports of one municipality, fiscal year and phase, one per department.</param>
    /// <param name="output">Receives the .xlsx; it need not be seekable.</param>
    public static void Write(IReadOnlyList<DepartmentReport> reports, Stream output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        CheckOneYearAndPhase(reports);

        // The package needs a seekable stream; an HTTP response is not one.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = WorkbookStyles.Build();
            var sheets = new Sheets();

            void AddSheet(string name, Action<WorksheetPart> write)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                write(part);
                sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbookPart.GetIdOfPart(part) });
            }

            AddSheet(WorkbookTemplate.DescriptionSheet, part => WriteDescription(part, reports));
            AddSheet(WorkbookTemplate.PlanSheet, part => WritePlan(part, reports));
            AddSheet(WorkbookTemplate.GoalSheet, part => WriteGoals(part, reports));
            AddSheet(WorkbookTemplate.IndicatorSheet, part => WriteIndicators(part, reports));
            AddSheet(WorkbookTemplate.ResultSheet, part => WriteResults(part, reports));
            if (reports.Any(r => r.Goals.Any(g => g.Fields.Any(f => f.ShowsIn("excel")))))
            {
                AddSheet(WorkbookTemplate.FieldSheet, part => WriteFields(part, reports));
            }

            workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void CheckOneYearAndPhase(IReadOnlyList<DepartmentReport> reports)
    {
        if (reports.Count == 0)
        {
            throw new ArgumentException("At least one report is needed.", nameof(reports));
        }

        var first = reports[0];
        foreach (var report in reports)
        {
            if (!string.Equals(report.Municipality.Code, first.Municipality.Code, StringComparison.Ordinal)
                || report.FiscalYear != first.FiscalYear
                || !string.Equals(report.Phase.Key, first.Phase.Key, StringComparison.Ordinal))
            {
                throw new ArgumentException("A workbook holds one municipality's fiscal year in one phase.", nameof(reports));
            }
        }

        var repeated = reports.GroupBy(r => r.Department.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"The department '{repeated.Key}' appears more than once.", nameof(reports));
        }
    }

    private static SheetWriter Table(WorksheetPart part, TemplateTable table)
    {
        var writer = new SheetWriter(part, table.Columns.Select(c => c.Width), FrozenHeader(selected: false));
        writer.Row([.. table.Columns.Select(c => OutCell.Text(c.Header, HeaderFor(c.Kind)))]);
        return writer;
    }

    private static OutCell Cell(TemplateTable table, int column, string? text) => OutCell.Text(text, ForColumn(table[column].Kind));

    private static OutCell Cell(TemplateTable table, int column, decimal? value) => OutCell.Number(value, ForColumn(table[column].Kind));

    private static string Lines(IEnumerable<string> lines) => string.Join(Separator, lines);

    private static void WriteDescription(WorksheetPart part, IReadOnlyList<DepartmentReport> reports)
    {
        var first = reports[0];
        var table = WorkbookTemplate.Description.Departments;
        var views = new SheetViews(new SheetView { WorkbookViewId = 0, TabSelected = true });
        using var writer = new SheetWriter(part, table.Columns.Select(c => c.Width), views);
        writer.Row(OutCell.Text(WorkbookText.Get(WorkbookText.Keys.SheetTitle), Title));

        OutCell[] Meta(string label, OutCell value) => [OutCell.Text(label, Label), value];
        writer.Row(Meta(WorkbookTemplate.Description.About, OutCell.Text(WorkbookText.Get(WorkbookText.Keys.SheetAbout), WorkbookStyles.Text)));
        writer.Row(Meta(WorkbookTemplate.Description.Template, OutCell.Text(WorkbookTemplate.Id, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.TemplateVersion, OutCell.Number(WorkbookTemplate.Version, Number)));
        writer.Row(Meta(WorkbookTemplate.Description.MunicipalityCode, OutCell.Text(first.Municipality.Code, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.MunicipalityName, OutCell.Text(first.Municipality.Name, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.FiscalYear, OutCell.Number(first.FiscalYear, Number)));
        writer.Row(Meta(WorkbookTemplate.Description.FiscalYearLabel, OutCell.Text(first.FiscalYearLabel, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.Phase, OutCell.Text(first.Phase.Key, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.PhaseName, OutCell.Text(first.Phase.Name, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.GoalsHeading, OutCell.Text(first.Labels.GoalsHeading, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.ResultsHeading, OutCell.Text(first.Labels.ResultsHeading, Code)));
        writer.Row(Meta(WorkbookTemplate.Description.RatingScale, OutCell.Text(first.Labels.RatingScaleName, Code)));
        writer.Skip();
        writer.Row([.. table.Columns.Select(c => OutCell.Text(c.Header, HeaderFor(c.Kind)))]);
        foreach (var report in reports)
        {
            var unit = report.Department;
            writer.Row(
                Cell(table, 0, unit.Code),
                Cell(table, 1, unit.Name),
                Cell(table, 2, unit.HeadTitle),
                Cell(table, 3, unit.HeadName),
                Cell(table, 4, unit.CompositionNote),
                Cell(table, 5, Lines(unit.Responsibilities)));
        }
    }

    private static void WritePlan(WorksheetPart part, IReadOnlyList<DepartmentReport> reports)
    {
        var table = WorkbookTemplate.Plan.Table;
        using var writer = Table(part, table);
        foreach (var report in reports)
        {
            foreach (var section in report.PlanSections)
            {
                foreach (var item in section.Items)
                {
                    writer.Row(
                        Cell(table, WorkbookTemplate.Plan.DepartmentCode, report.Department.Code),
                        Cell(table, WorkbookTemplate.Plan.DepartmentName, report.Department.Name),
                        Cell(table, WorkbookTemplate.Plan.SectionKey, section.Key),
                        Cell(table, WorkbookTemplate.Plan.SectionTitle, section.Title),
                        Cell(table, WorkbookTemplate.Plan.Number, item.Number),
                        Cell(table, WorkbookTemplate.Plan.Label, item.Label),
                        Cell(table, WorkbookTemplate.Plan.Text, item.Text));
                }
            }
        }
    }

    private static void WriteGoals(WorksheetPart part, IReadOnlyList<DepartmentReport> reports)
    {
        var table = WorkbookTemplate.Goals.Table;
        using var writer = Table(part, table);
        foreach (var report in reports)
        {
            foreach (var goal in report.Goals)
            {
                writer.Row(
                    Cell(table, WorkbookTemplate.Goals.DepartmentCode, report.Department.Code),
                    Cell(table, WorkbookTemplate.Goals.Number, goal.Number),
                    Cell(table, WorkbookTemplate.Goals.Title, goal.Title),
                    Cell(table, WorkbookTemplate.Goals.LeadCode, goal.LeadUnit.Code),
                    Cell(table, WorkbookTemplate.Goals.LeadName, goal.LeadUnit.Name),
                    Cell(table, WorkbookTemplate.Goals.CoUnitCodes, Lines(goal.CoUnits.Select(u => u.Code))),
                    Cell(table, WorkbookTemplate.Goals.CoUnitNames, Lines(goal.CoUnits.Select(u => u.Name))),
                    Cell(table, WorkbookTemplate.Goals.Body, Lines(goal.Body)),
                    Cell(table, WorkbookTemplate.Goals.PlannedActions, Lines(goal.PlannedActions)),
                    Cell(table, WorkbookTemplate.Goals.PlanReferences, Lines(goal.PlanReferences)),
                    Cell(table, WorkbookTemplate.Goals.Rating, goal.Rating.Label));
            }
        }
    }

    private static void WriteIndicators(WorksheetPart part, IReadOnlyList<DepartmentReport> reports)
    {
        var table = WorkbookTemplate.Indicators.Table;
        using var writer = Table(part, table);
        foreach (var report in reports)
        {
            foreach (var goal in report.Goals)
            {
                for (var i = 0; i < goal.Indicators.Count; i++)
                {
                    var indicator = goal.Indicators[i];
                    writer.Row(
                        Cell(table, WorkbookTemplate.Indicators.DepartmentCode, report.Department.Code),
                        Cell(table, WorkbookTemplate.Indicators.GoalNumber, goal.Number),
                        Cell(table, WorkbookTemplate.Indicators.Number, i + 1),
                        Cell(table, WorkbookTemplate.Indicators.Name, indicator.Name),
                        Cell(table, WorkbookTemplate.Indicators.Kind, KindWord(indicator.Kind)),
                        Cell(table, WorkbookTemplate.Indicators.Unit, indicator.Unit),
                        Cell(table, WorkbookTemplate.Indicators.Baseline, indicator.Baseline?.Value),
                        OutCell.Date(indicator.Baseline?.AsOf?.Date),
                        Cell(table, WorkbookTemplate.Indicators.Target, indicator.Target?.Value),
                        Cell(table, WorkbookTemplate.Indicators.Direction, indicator.Target is { } t ? DirectionWord(t.Direction) : null),
                        Cell(table, WorkbookTemplate.Indicators.TargetNote, indicator.Target?.Note),
                        OutCell.Date(indicator.Due?.Date),
                        Cell(table, WorkbookTemplate.Indicators.Actual, indicator.Actual?.Value),
                        OutCell.Date(indicator.Actual?.AsOf?.Date),
                        OutCell.Date(indicator.Done?.Date),
                        Cell(table, WorkbookTemplate.Indicators.Ratio, indicator.Rating.RatioPercent / 100m),
                        Cell(table, WorkbookTemplate.Indicators.Rating, indicator.Rating.Label));
                }
            }
        }

        writer.Finish(Validations(
            (WorkbookTemplate.Indicators.Kind, WorkbookTemplate.Indicators.Kinds.Select(k => k.Word)),
            (WorkbookTemplate.Indicators.Direction, WorkbookTemplate.Indicators.Directions.Select(d => d.Word))));
    }

    private static void WriteResults(WorksheetPart part, IReadOnlyList<DepartmentReport> reports)
    {
        var table = WorkbookTemplate.Results.Table;
        using var writer = Table(part, table);
        foreach (var report in reports)
        {
            foreach (var goal in report.Goals)
            {
                var blocks = goal.Result?.Blocks ?? [];
                for (var i = 0; i < blocks.Count; i++)
                {
                    var block = blocks[i];
                    var bulleted = string.Equals(block.Kind, "bullet-list", StringComparison.Ordinal);
                    writer.Row(
                        Cell(table, WorkbookTemplate.Results.DepartmentCode, report.Department.Code),
                        Cell(table, WorkbookTemplate.Results.GoalNumber, goal.Number),
                        Cell(table, WorkbookTemplate.Results.Number, i + 1),
                        Cell(table, WorkbookTemplate.Results.Kind, Word(WorkbookTemplate.Results.Kinds,
                            bulleted ? ResultBlockKind.BulletList : ResultBlockKind.Paragraph)),
                        Cell(table, WorkbookTemplate.Results.Heading, block.Heading),
                        Cell(table, WorkbookTemplate.Results.Text, bulleted ? Lines(block.Items) : block.Text));
                }
            }
        }

        writer.Finish(Validations((WorkbookTemplate.Results.Kind, WorkbookTemplate.Results.Kinds.Select(k => k.Word))));
    }

    private static void WriteFields(WorksheetPart part, IReadOnlyList<DepartmentReport> reports)
    {
        var table = WorkbookTemplate.Fields.Table;
        using var writer = Table(part, table);
        foreach (var report in reports)
        {
            foreach (var goal in report.Goals)
            {
                foreach (var field in goal.Fields.Where(f => f.ShowsIn("excel")))
                {
                    writer.Row(
                        Cell(table, WorkbookTemplate.Fields.DepartmentCode, report.Department.Code),
                        Cell(table, WorkbookTemplate.Fields.GoalNumber, goal.Number),
                        Cell(table, WorkbookTemplate.Fields.Key, field.Key),
                        Cell(table, WorkbookTemplate.Fields.Label, field.Label),
                        Cell(table, WorkbookTemplate.Fields.Column, WorkbookTemplate.Fields.ColumnWord(field.Column)),
                        Cell(table, WorkbookTemplate.Fields.Text, Lines(field.Lines)));
                }
            }
        }
    }

    /// <summary>Drop-down lists over every row import accepts.</summary>
    private static DataValidations Validations(params (int Column, IEnumerable<string> Words)[] lists)
    {
        var validations = new DataValidations();
        foreach (var (column, words) in lists)
        {
            var letter = WorkbookTemplate.ColumnLetter(column);
            validations.Append(new DataValidation(new Formula1($"\"{string.Join(",", words)}\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = WorkbookText.Get(WorkbookText.Keys.ValidationTitle),
                Error = WorkbookText.Get(WorkbookText.Keys.ValidationChoice),
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{WorkbookLimits.MaxRowsPerSheet + 1}" },
            });
        }

        validations.Count = (uint)lists.Length;
        return validations;
    }

    private static string KindWord(string kind) => Word(WorkbookTemplate.Indicators.Kinds, kind switch
    {
        "numeric" => IndicatorKind.Numeric,
        "milestone" => IndicatorKind.Milestone,
        "output" => IndicatorKind.Output,
        _ => IndicatorKind.Qualitative,
    });

    private static string DirectionWord(string direction) => Word(WorkbookTemplate.Indicators.Directions, direction switch
    {
        "at-least" => TargetDirection.AtLeast,
        "at-most" => TargetDirection.AtMost,
        _ => TargetDirection.Exactly,
    });

    private static string Word<T>(IReadOnlyList<(T Value, string Word)> words, T value) where T : struct, Enum =>
        words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Word;
}
