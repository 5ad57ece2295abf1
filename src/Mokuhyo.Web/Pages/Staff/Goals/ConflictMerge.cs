using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>
/// After a conflict, the form shows again what the editor typed, now based on what is stored: it
/// carries the stored versions (so saving again knowingly replaces the other change), rows the other
/// person added are appended so they are not lost either, and rows the other person deleted come back
/// as new rows if the editor kept them.
/// </summary>
internal static class ConflictMerge
{
    public static GoalInput Rebase(GoalInput yours, Goal stored, string phaseKey)
    {
        var storedDraft = GoalDraft.From(stored, phaseKey);
        var indicators = new List<IndicatorInput>();
        foreach (var row in yours.Indicators)
        {
            var match = row.Id is { } id ? storedDraft.Indicators.FirstOrDefault(i => i.Id == id) : null;
            if (match is null && row.Remove)
            {
                continue;
            }

            row.Id = match?.Id;
            row.Version = match?.Version ?? 0;
            row.ActualId = match?.ActualId;
            row.ActualVersion = match?.ActualVersion ?? 0;
            indicators.Add(row);
        }

        var kept = yours.Indicators.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        indicators.AddRange(storedDraft.Indicators.Where(i => !kept.Contains(i.Id!.Value)).Select(i => i.ToInput()));

        var storedBlocks = storedDraft.ToInput().Blocks;
        var blocks = new List<BlockInput>();
        foreach (var row in yours.Blocks)
        {
            var exists = row.Id is { } id && storedBlocks.Any(b => b.Id == id);
            if (!exists && row.Remove)
            {
                continue;
            }

            if (!exists)
            {
                row.Id = null;
            }

            blocks.Add(row);
        }

        var keptBlocks = blocks.Where(b => b.Id is not null).Select(b => b.Id!.Value).ToHashSet();
        blocks.AddRange(storedBlocks.Where(b => !keptBlocks.Contains(b.Id!.Value)));

        yours.Version = stored.Version;
        yours.ResultId = storedDraft.ResultId;
        yours.ResultVersion = storedDraft.ResultVersion;
        yours.Indicators = indicators;
        yours.Blocks = blocks;
        return yours;
    }

    public static GoalInput AsNew(GoalInput yours)
    {
        yours.Version = 0;
        yours.ResultId = null;
        yours.ResultVersion = 0;
        yours.Indicators = [.. yours.Indicators.Where(r => !r.Remove)];
        foreach (var row in yours.Indicators)
        {
            row.Id = null;
            row.Version = 0;
            row.ActualId = null;
            row.ActualVersion = 0;
        }

        yours.Blocks = [.. yours.Blocks.Where(b => !b.Remove)];
        foreach (var block in yours.Blocks)
        {
            block.Id = null;
        }

        return yours;
    }
}
