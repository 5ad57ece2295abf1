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
    // The account must be able to edit each department, and each report must be open for editing;
    // starting the edit (未着手 → 下書き) is saved with the import itself.
    public static ImportGate For(StaffAccess access, Municipality municipality, IReadOnlyList<OrgUnit> units,
        ReportWorkflowService workflow, PhaseDefinition phase, IStringLocalizer<SharedResource> text) =>
        async (departments, cancellationToken) =>
        {
            foreach (var department in departments)
            {
                if (!AccessPolicy.CanEditDepartment(access, municipality.Id, department, units))
                {
                    return text["Import.NotPermitted", department.Name];
                }

                var begin = await workflow.BeginEditAsync(department.Id, phase.Key,
                    AccessPolicy.RolesFor(access, municipality.Id, department, units), cancellationToken);
                if (!begin.Succeeded)
                {
                    return text["Import.Locked", department.Name, phase.Name, text["Status." + begin.State.Status]];
                }
            }

            return null;
        };
}
