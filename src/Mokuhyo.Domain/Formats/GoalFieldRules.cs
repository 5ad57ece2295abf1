using System.Globalization;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Domain.Formats;

/// <summary>
/// What a goal field of the format may hold and where it is filed: the one check behind the field editor and
/// both workbook imports.
/// </summary>
public static class GoalFieldRules
{
    /// <summary>The longest value, in text elements: a line for a one-line field, a paragraph's length otherwise.</summary>
    public static int MaxLength(GoalFieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind == GoalFieldKind.Text ? TextLimits.Line : TextLimits.Paragraph;
    }

    /// <summary>Whether a non-empty value fits the field: an ISO date, a level key of the scale, or text within <see cref="MaxLength"/>.</summary>
    public static bool Accepts(GoalFieldDefinition field, string value, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(format);
        return field.Kind switch
        {
            GoalFieldKind.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            GoalFieldKind.Rating => format.RatingScale.FindLevel(value) is not null,
            _ => TextRules.FitsWithin(value, MaxLength(field)),
        };
    }

    /// <summary>The fields a phase's own page fills: plan fields in the plan phase, result fields in the others.</summary>
    public static IReadOnlyList<GoalFieldDefinition> EditedIn(ReportFormat format, PhaseDefinition phase)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(phase);
        var column = phase.Kind == PhaseKind.Plan ? GoalFieldColumn.Plan : GoalFieldColumn.Result;
        return [.. format.GoalFields.Where(f => f.Column == column)];
    }

    /// <summary>The phase a field's value is filed under: plan fields under the plan phase (when the format has one), result fields under the phase.</summary>
    public static string PhaseKeyOf(GoalFieldDefinition field, ReportFormat format, PhaseDefinition phase)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(phase);
        return field.Column == GoalFieldColumn.Plan
            ? format.Phases.FirstOrDefault(p => p.Kind == PhaseKind.Plan)?.Key ?? phase.Key
            : phase.Key;
    }
}
