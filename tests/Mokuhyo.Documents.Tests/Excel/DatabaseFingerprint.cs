using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;

namespace Mokuhyo.Documents.Tests.Excel;

/// <summary>Row counts and a checksum of every field an import could write, to prove that a refused file wrote nothing.</summary>
public static class DatabaseFingerprint
{
    public static async Task<string> OfAsync(MokuhyoDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var goals = await db.Goals.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);
        foreach (var g in goals)
        {
            Line($"goal {g.Id} {g.DepartmentId} {g.Number} {g.Title} {g.Version} {g.LeadUnitId} {string.Join("/", g.Body)} {string.Join("/", g.PlannedActions)} {string.Join("/", g.PlanReferences)}");
        }

        foreach (var c in await db.Set<Mokuhyo.Domain.Goals.GoalCoUnit>().AsNoTracking().OrderBy(c => c.GoalId).ThenBy(c => c.OrgUnitId).ToListAsync(ct))
        {
            Line($"co {c.GoalId} {c.OrgUnitId} {c.Ordinal}");
        }

        foreach (var i in await db.Indicators.AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct))
        {
            Line($"indicator {i.Id} {i.Ordinal} {i.Name} {i.Kind} {i.Unit} {i.TargetValue} {i.Direction} {i.TargetNote} {i.BaselineValue} {i.BaselineAsOf} {i.DueDate} {i.Version}");
        }

        foreach (var a in await db.IndicatorActuals.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
        {
            Line($"actual {a.Id} {a.PhaseKey} {a.Value} {a.AsOf} {a.DoneDate} {a.Version}");
        }

        foreach (var r in await db.GoalResults.AsNoTracking().Include(r => r.Blocks).OrderBy(r => r.Id).ToListAsync(ct))
        {
            Line($"result {r.Id} {r.PhaseKey} {r.Version}");
            foreach (var b in r.Blocks.OrderBy(b => b.Id))
            {
                Line($"block {b.Id} {b.Ordinal} {b.Kind} {b.Heading} {b.Text} {string.Join("/", b.Items)}");
            }
        }

        foreach (var p in await db.PlanItems.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct))
        {
            Line($"plan {p.Id} {p.SectionKey} {p.Ordinal} {p.Label} {p.Text} {p.Version}");
        }

        foreach (var p in await db.PublishedReports.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct))
        {
            Line($"published {p.Id} {p.Revision} {p.Json}");
        }

        var counts = $"goals={goals.Count} indicators={await db.Indicators.CountAsync(ct)} actuals={await db.IndicatorActuals.CountAsync(ct)} "
            + $"results={await db.GoalResults.CountAsync(ct)} plan={await db.PlanItems.CountAsync(ct)} published={await db.PublishedReports.CountAsync(ct)}";
        return counts + " sha256=" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
