using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Text;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.DemoData;

/// <summary>
/// Loads department data files into the database: all of a file or nothing, and a file whose
/// municipality and year are already present is skipped, so loading twice changes nothing.
/// </summary>
public sealed class DepartmentFileLoader(MokuhyoDbContext db, ReportPublisher publisher, TimeProvider clock, ILogger<DepartmentFileLoader> logger)
{
    /// <summary>Loads every demo data file shipped with the application (the seed city).</summary>
    public Task<int> LoadDemoDataAsync(CancellationToken cancellationToken = default) =>
        LoadFilesAsync(EmbeddedFiles.DemoDataFiles().Where(f => !EmbeddedFiles.IsExampleFile(f.Name)), cancellationToken);

    /// <summary>Loads the sample municipalities that show the example formats of templates/ (example-*.json).</summary>
    public Task<int> LoadExampleDataAsync(CancellationToken cancellationToken = default) =>
        LoadFilesAsync(EmbeddedFiles.DemoDataFiles().Where(f => EmbeddedFiles.IsExampleFile(f.Name)), cancellationToken);

    private async Task<int> LoadFilesAsync(IEnumerable<(string Name, string Json)> files, CancellationToken cancellationToken)
    {
        var loaded = 0;
        foreach (var (name, json) in files)
        {
            if (await LoadAsync(Parse(name, json), cancellationToken))
            {
                logger.LogInformation("Loaded demo data {File}", name);
                loaded++;
            }
        }

        return loaded;
    }

    public static DepartmentFile Parse(string name, string json)
    {
        var file = JsonSerializer.Deserialize<DepartmentFile>(json, ReportJson.Options)
            ?? throw new InvalidDataException($"{name}: the file is empty.");
        var problems = Validate(file);
        return problems.Count == 0 ? file : throw new InvalidDataException($"{name}: {string.Join(" ", problems)}");
    }

    /// <summary>Returns false when the municipality already has this fiscal year.</summary>
    public async Task<bool> LoadAsync(DepartmentFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // A retried attempt starts from what the database holds, not from the failed attempt's tracked rows.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var municipality = await db.Municipalities.Include(m => m.Formats)
                .SingleOrDefaultAsync(m => m.Code == file.Municipality.Code, cancellationToken);
            if (municipality is not null && await db.ReportingYears.AnyAsync(
                    y => y.MunicipalityId == municipality.Id && y.Year == file.FiscalYear, cancellationToken))
            {
                return false;
            }

            var departments = await WriteAsync(file, municipality, cancellationToken);
            foreach (var phase in file.Publish)
            {
                foreach (var department in departments)
                {
                    var published = await publisher.PublishAsync(department, phase, cancellationToken);
                    db.ReportStates.Add(new ReportState
                    {
                        ReportingYearId = published.ReportingYearId,
                        DepartmentId = department,
                        PhaseKey = phase,
                        Status = ReportStatus.Published,
                        Revision = published.Revision,
                        PublishedRevision = published.Revision,
                        ChangedAt = published.PublishedAt,
                        ChangedBy = SystemActor.Instance.Name,
                    });
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    private async Task<List<Guid>> WriteAsync(DepartmentFile file, Municipality? municipality, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (municipality is null)
        {
            municipality = new Municipality
            {
                Code = file.Municipality.Code,
                Slug = file.Municipality.Slug,
                Name = file.Municipality.Name,
                NameEn = file.Municipality.NameEn,
                Prefecture = file.Municipality.Prefecture,
                IsExample = file.Municipality.Example,
            };
            db.Municipalities.Add(municipality);
        }

        var formatJson = EmbeddedFiles.ReadTemplateJson(file.Format);
        var format = municipality.Formats.FirstOrDefault(f => string.Equals(f.Json, formatJson, StringComparison.Ordinal));
        if (format is null)
        {
            format = new FormatVersion
            {
                MunicipalityId = municipality.Id,
                Number = municipality.Formats.Count == 0 ? 1 : municipality.Formats.Max(f => f.Number) + 1,
                Json = formatJson,
                CreatedAt = now,
            };
            db.FormatVersions.Add(format);
        }

        var year = new ReportingYear { MunicipalityId = municipality.Id, Year = file.FiscalYear, FormatVersionId = format.Id };
        db.ReportingYears.Add(year);

        var units = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        var sortOrder = 0;
        void AddUnit(UnitEntry entry, OrgUnit? parent)
        {
            var unit = new OrgUnit
            {
                ReportingYearId = year.Id,
                ParentId = parent?.Id,
                Code = entry.Code,
                Name = entry.Name,
                Kind = entry.Kind,
                SortOrder = sortOrder++,
                IsReportingUnit = entry.Reporting,
                HeadTitle = entry.HeadTitle,
                HeadName = entry.HeadName,
                CompositionNote = entry.CompositionNote,
                Responsibilities = [.. entry.Responsibilities],
            };
            units.Add(entry.Code, unit);
            db.OrgUnits.Add(unit);
            foreach (var child in entry.Children)
            {
                AddUnit(child, unit);
            }
        }

        foreach (var root in file.Units)
        {
            AddUnit(root, null);
        }

        // Parents first: units refer to each other within one table.
        await db.SaveChangesAsync(cancellationToken);

        foreach (var department in file.Departments)
        {
            var unit = units[department.Unit];
            foreach (var (sectionKey, items) in department.Plan)
            {
                db.PlanItems.AddRange(items.Select((text, i) => new PlanItem { OrgUnitId = unit.Id, SectionKey = sectionKey, Ordinal = i + 1, Text = text }));
            }

            foreach (var (sectionKey, figures) in department.Figures)
            {
                db.PlanItems.AddRange(figures.Select((figure, i) => new PlanItem
                {
                    OrgUnitId = unit.Id,
                    SectionKey = sectionKey,
                    Ordinal = i + 1,
                    Label = figure.Key,
                    Text = figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }));
            }

            foreach (var (sectionKey, span) in department.Spans)
            {
                db.PlanItems.AddRange(span.Items.Select((text, i) => new PlanItem
                {
                    OrgUnitId = unit.Id,
                    SectionKey = sectionKey,
                    Ordinal = i + 1,
                    Text = text,
                    FromYear = span.FromYear,
                    ToYear = span.ToYear,
                }));
            }

            foreach (var entry in department.Goals)
            {
                db.Goals.Add(ToGoal(entry, year.Id, unit.Id, units));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. file.Departments.Select(d => units[d.Unit].Id)];
    }

    private static Goal ToGoal(GoalEntry entry, Guid yearId, Guid departmentId, Dictionary<string, OrgUnit> units)
    {
        var goal = new Goal
        {
            ReportingYearId = yearId,
            DepartmentId = departmentId,
            Number = entry.Number,
            Title = entry.Title,
            Body = [.. entry.Body],
            PlannedActions = [.. entry.PlannedActions],
            PlanReferences = [.. entry.PlanReferences],
            LeadUnitId = units[entry.Lead].Id,
        };
        goal.CoUnits.AddRange(entry.CoUnits.Select((code, i) => new GoalCoUnit { GoalId = goal.Id, OrgUnitId = units[code].Id, Ordinal = i + 1 }));
        goal.Indicators.AddRange(entry.Indicators.Select((ind, i) =>
        {
            var indicator = new Indicator
            {
                GoalId = goal.Id,
                Ordinal = i + 1,
                Name = ind.Name,
                Kind = ind.Kind,
                Unit = ind.Unit,
                TargetValue = ind.Target,
                Direction = ind.Direction,
                TargetNote = ind.TargetNote,
                BaselineValue = ind.Baseline,
                BaselineAsOf = ind.BaselineAsOf,
                DueDate = ind.Due,
            };
            indicator.Actuals.AddRange(ind.Actuals.Select(a => new IndicatorActual
            {
                IndicatorId = indicator.Id,
                PhaseKey = a.Key,
                Value = a.Value.Value,
                AsOf = a.Value.AsOf,
                DoneDate = a.Value.Done,
            }));
            return indicator;
        }));
        goal.FieldValues.AddRange(entry.Fields.SelectMany(phase => phase.Value.Select(field => new GoalFieldValue
        {
            GoalId = goal.Id,
            PhaseKey = phase.Key,
            FieldKey = field.Key,
            Value = field.Value,
        })));
        goal.Results.AddRange(entry.Results.Select(r =>
        {
            var result = new GoalResult { GoalId = goal.Id, PhaseKey = r.Key };
            result.Blocks.AddRange(r.Value.Select((b, i) => new ResultBlock
            {
                GoalResultId = result.Id,
                Ordinal = i + 1,
                Kind = b.Kind,
                Heading = b.Heading,
                Text = b.Text,
                Items = [.. b.Items],
            }));
            return result;
        }));
        return goal;
    }

    /// <summary>Everything wrong with a file, before anything is written.</summary>
    public static IReadOnlyList<string> Validate(DepartmentFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problems = new List<string>();
        void Limit(string? text, int max, string path)
        {
            if (text is not null && !TextRules.FitsWithin(text, max))
            {
                problems.Add($"{path}: longer than {max} characters.");
            }
        }

        void LimitAll(IReadOnlyList<string> texts, int max, string path)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                Limit(texts[i], max, $"{path}[{i}]");
            }
        }

        Limit(file.Municipality.Name, TextLimits.Name, "municipality.name");
        Limit(file.Municipality.NameEn, TextLimits.Name, "municipality.nameEn");
        Limit(file.Municipality.Prefecture, TextLimits.Name, "municipality.prefecture");
        if (!LocalGovernmentCode.TryParse(file.Municipality.Code, out _))
        {
            problems.Add($"municipality.code: '{file.Municipality.Code}' is not a valid local government code.");
        }

        if (!Municipality.IsValidSlug(file.Municipality.Slug))
        {
            problems.Add($"municipality.slug: '{file.Municipality.Slug}' is not a valid slug.");
        }

        if (file.FiscalYear is < FiscalYear.MinStartYear or > FiscalYear.MaxStartYear)
        {
            problems.Add($"fiscalYear: {file.FiscalYear} is out of range.");
        }

        ReportFormat format;
        try
        {
            format = EmbeddedFiles.ReadTemplate(file.Format);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"format: {ex.Message}");
            return problems;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        void CheckUnit(UnitEntry unit, string path)
        {
            if (!OrgUnit.IsValidCode(unit.Code) || !codes.Add(unit.Code))
            {
                problems.Add($"{path}.code: '{unit.Code}' is invalid or repeated.");
            }

            if (!format.UnitKinds.Contains(unit.Kind, StringComparer.Ordinal))
            {
                problems.Add($"{path}.kind: '{unit.Kind}' is not a kind of unit of format '{format.Key}'.");
            }

            Limit(unit.Name, TextLimits.Name, $"{path}.name");
            Limit(unit.HeadTitle, TextLimits.Name, $"{path}.headTitle");
            Limit(unit.HeadName, TextLimits.Name, $"{path}.headName");
            Limit(unit.CompositionNote, TextLimits.Paragraph, $"{path}.compositionNote");
            LimitAll(unit.Responsibilities, TextLimits.Line, $"{path}.responsibilities");

            for (var i = 0; i < unit.Children.Count; i++)
            {
                CheckUnit(unit.Children[i], $"{path}.children[{i}]");
            }
        }

        for (var i = 0; i < file.Units.Count; i++)
        {
            CheckUnit(file.Units[i], $"units[{i}]");
        }

        foreach (var phase in file.Publish.Where(p => format.FindPhase(p) is null))
        {
            problems.Add($"publish: '{phase}' is not a phase of format '{format.Key}'.");
        }

        for (var d = 0; d < file.Departments.Count; d++)
        {
            var department = file.Departments[d];
            var path = $"departments[{d}]";
            if (!codes.Contains(department.Unit))
            {
                problems.Add($"{path}.unit: no unit '{department.Unit}'.");
            }

            if (file.Departments.Take(d).Any(other => string.Equals(other.Unit, department.Unit, StringComparison.Ordinal)))
            {
                problems.Add($"{path}.unit: '{department.Unit}' is listed more than once; give each department one entry.");
            }

            foreach (var section in department.Plan.Keys.Where(k => format.FindPlanSection(k) is null))
            {
                problems.Add($"{path}.plan: '{section}' is not a plan section of format '{format.Key}'.");
            }

            foreach (var (section, items) in department.Plan)
            {
                LimitAll(items, TextLimits.Paragraph, $"{path}.plan.{section}");
            }

            foreach (var (section, figures) in department.Figures)
            {
                var definition = format.FindPlanSection(section);
                if (definition is not { Kind: PlanSectionKind.Figures })
                {
                    problems.Add($"{path}.figures: '{section}' is not a figures section of format '{format.Key}'.");
                    continue;
                }

                foreach (var key in figures.Keys.Where(k => definition.FindFigure(k) is null))
                {
                    problems.Add($"{path}.figures.{section}: '{key}' is not a figure of the section.");
                }
            }

            foreach (var (section, span) in department.Spans)
            {
                if (format.FindPlanSection(section) is not { SpansYears: true })
                {
                    problems.Add($"{path}.spans: '{section}' is not a multi-year section of format '{format.Key}'.");
                }

                if (format.FindPlanSection(section) is { SpansYears: true } spanning
                    && PlanSpans.Check(spanning, file.FiscalYear, span.FromYear, span.ToYear) != PlanSpanProblem.None)
                {
                    problems.Add($"{path}.spans.{section}: the years {span.FromYear}–{span.ToYear} must be in order, cover {file.FiscalYear} and be at most {spanning.SpanLimit}.");
                }

                LimitAll(span.Items, TextLimits.Paragraph, $"{path}.spans.{section}.items");
            }

            foreach (var number in department.Goals.GroupBy(g => g.Number).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                problems.Add($"{path}.goals: number {number} appears more than once.");
            }

            for (var g = 0; g < department.Goals.Count; g++)
            {
                var goal = department.Goals[g];
                var goalPath = $"{path}.goals[{g}]";
                foreach (var code in goal.CoUnits.Prepend(goal.Lead).Where(c => !codes.Contains(c)))
                {
                    problems.Add($"{goalPath}: no unit '{code}'.");
                }

                Limit(goal.Title, TextLimits.Title, $"{goalPath}.title");
                LimitAll(goal.Body, TextLimits.Paragraph, $"{goalPath}.body");
                LimitAll(goal.PlannedActions, TextLimits.Line, $"{goalPath}.plannedActions");
                LimitAll(goal.PlanReferences, TextLimits.Title, $"{goalPath}.planReferences");
                for (var i = 0; i < goal.Indicators.Count; i++)
                {
                    var indicator = goal.Indicators[i];
                    Limit(indicator.Name, TextLimits.Title, $"{goalPath}.indicators[{i}].name");
                    Limit(indicator.Unit, TextLimits.Unit, $"{goalPath}.indicators[{i}].unit");
                    Limit(indicator.TargetNote, TextLimits.Name, $"{goalPath}.indicators[{i}].targetNote");
                }

                foreach (var (phase, blocks) in goal.Results)
                {
                    for (var b = 0; b < blocks.Count; b++)
                    {
                        Limit(blocks[b].Heading, TextLimits.Title, $"{goalPath}.results.{phase}[{b}].heading");
                        Limit(blocks[b].Text, TextLimits.Paragraph, $"{goalPath}.results.{phase}[{b}].text");
                        LimitAll(blocks[b].Items, TextLimits.Line, $"{goalPath}.results.{phase}[{b}].items");
                    }
                }

                foreach (var (phase, fields) in goal.Fields)
                {
                    foreach (var (key, value) in fields)
                    {
                        var field = format.FindGoalField(key);
                        if (field is null)
                        {
                            problems.Add($"{goalPath}.fields.{phase}: '{key}' is not a goal field of format '{format.Key}'.");
                        }
                        else if (field.Kind == GoalFieldKind.Rating && format.RatingScale.FindLevel(value) is null)
                        {
                            problems.Add($"{goalPath}.fields.{phase}.{key}: '{value}' is not a level of the rating scale.");
                        }

                        Limit(value, TextLimits.Paragraph, $"{goalPath}.fields.{phase}.{key}");
                    }
                }

                var phases = goal.Results.Keys.Concat(goal.Indicators.SelectMany(i => i.Actuals.Keys)).Concat(goal.Fields.Keys);
                foreach (var phase in phases.Distinct(StringComparer.Ordinal).Where(p => format.FindPhase(p) is null))
                {
                    problems.Add($"{goalPath}: '{phase}' is not a phase of format '{format.Key}'.");
                }
            }
        }

        return problems;
    }
}
