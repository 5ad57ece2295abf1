using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;

namespace Mokuhyo.Web.Pages.Staff.Import;

/// <summary>The check both workbook imports make inside their transaction, before anything is written.</summary>
internal static class DraftImportGate
{
    /// <summary>The audit trail's name for a workbook in the template.</summary>
    public const string TemplateSource = "template-workbook";

    /// <summary>The audit trail's name for a workbook in the city's own layout.</summary>
    public const string MappedSource = "mapped-workbook";

    // The account must be able to import into each department (its editors, or the city's planning staff), and
    // each report must be open for editing; starting the edit (未着手 → 下書き) and the audit entry naming who
    // imported are saved with the import itself.
    public static ImportGate For(StaffAccess access, Municipality municipality, IReadOnlyList<OrgUnit> units,
        ReportWorkflowService workflow, PhaseDefinition phase, string source, IStringLocalizer<SharedResource> text) =>
        async (departments, cancellationToken) =>
        {
            foreach (var department in departments)
            {
                if (!AccessPolicy.CanImportDrafts(access, municipality.Id, department, units))
                {
                    return text["Import.NotPermitted", department.Name];
                }

                var begin = await workflow.BeginImportAsync(department.Id, phase.Key,
                    AccessPolicy.RolesFor(access, municipality.Id, department, units), source, cancellationToken);
                if (!begin.Succeeded)
                {
                    return text["Import.Locked", department.Name, phase.Name, text["Status." + begin.State.Status]];
                }
            }

            return null;
        };
}
