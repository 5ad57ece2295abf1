using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Cycle;

/// <summary>Reopening a published report (改訂) records its reason in the audit trail, not only in the review history.</summary>
public sealed class ReopenAuditTests
{
    [Fact]
    public async Task The_reason_of_a_reopening_is_in_the_audit_trail_with_the_person_and_the_new_revision()
    {
        await using var app = CycleApp.Start(2022, 5, 9);
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        using var approver = await app.SignInAsync(AuthoringApp.Approver);
        using var planning = await app.SignInAsync(AuthoringApp.Planning);
        const string report = "/staff/2022/shimin-seikatsu/plan";

        // Written by its editors (a report not started has nothing to submit).
        await app.ReadAsync(async db =>
        {
            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu");
            var state = await db.ReportStates.SingleOrDefaultAsync(s => s.DepartmentId == department.Id && s.PhaseKey == "plan");
            if (state is null)
            {
                state = new ReportState { ReportingYearId = department.ReportingYearId, DepartmentId = department.Id, PhaseKey = "plan" };
                db.ReportStates.Add(state);
            }

            state.Status = ReportStatus.Draft;
            state.ChangedAt = app.Clock.GetUtcNow();
            state.ChangedBy = "市民生活部 庶務担当(デモ)";
            return await db.SaveChangesAsync();
        });
        await Workflow.TransitionAsync(editor, report, ReportAction.Submit);
        await Workflow.TransitionAsync(approver, report, ReportAction.Approve);
        await Workflow.TransitionAsync(approver, report, ReportAction.Publish);
        Assert.Empty(await app.ReadAsync(db => db.AuditEntries.Where(a => a.Action == ReportWorkflowService.ReopenedAction).ToListAsync()));

        await Workflow.TransitionAsync(planning, report, ReportAction.Reopen, "  議会の指摘を受けて目標を見直すため ");

        var entry = Assert.Single(await app.ReadAsync(db => db.AuditEntries.Where(a => a.Action == ReportWorkflowService.ReopenedAction).ToListAsync()));
        Assert.Equal(("ReportState", "企画・行政経営課(デモ)"), (entry.EntityType, entry.ActorName));
        var department = await app.ReadAsync(db => db.OrgUnits.Where(u => u.Code == "shimin-seikatsu").Select(u => u.Id).SingleAsync());
        Assert.Equal(department, entry.DepartmentId);
        using var changes = JsonDocument.Parse(entry.Changes);
        Assert.Equal("議会の指摘を受けて目標を見直すため", changes.RootElement.GetProperty("Reason").GetProperty("new").GetString());
        Assert.Equal(("1", "2"), (changes.RootElement.GetProperty("Revision").GetProperty("old").GetString(),
            changes.RootElement.GetProperty("Revision").GetProperty("new").GetString()));
    }
}
