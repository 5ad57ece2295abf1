using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Domain.Formats;

/// <summary>A required goal field left empty: which goal, which field.</summary>
public sealed record MissingField(int GoalNumber, string FieldKey, string Label);

/// <summary>The format's required goal fields that a report's goals leave empty in a phase; a report cannot be submitted until there are none.</summary>
public static class RequiredFields
{
    public static IReadOnlyList<MissingField> Missing(ReportFormat format, PhaseDefinition phase, IEnumerable<Goal> goals)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(goals);
        var required = format.GoalFieldsOf(phase.Kind).Where(f => f.Required).ToList();
        if (required.Count == 0)
        {
            return [];
        }

        var missing = new List<MissingField>();
        foreach (var goal in goals.OrderBy(g => g.Number))
        {
            var values = DepartmentReportBuilder.FieldValues(goal, format, phase);
            foreach (var field in required)
            {
                var present = values.TryGetValue(field.Key, out var value)
                    && (field.Kind != GoalFieldKind.Rating || format.RatingScale.FindLevel(value) is not null);
                if (!present)
                {
                    missing.Add(new MissingField(goal.Number, field.Key, field.Label));
                }
            }
        }

        return missing;
    }
}
