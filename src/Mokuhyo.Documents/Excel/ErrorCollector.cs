namespace Mokuhyo.Documents.Excel;

/// <summary>Collects import errors in Japanese, up to <see cref="WorkbookLimits.MaxErrors"/>.</summary>
internal sealed class ErrorCollector
{
    private readonly List<ImportError> errors = [];
    private bool truncated;

    public bool Any => errors.Count > 0;

    public bool IsFull => errors.Count >= WorkbookLimits.MaxErrors;

    /// <param name="key">The message's resource (WorkbookText.Keys).</param>
    /// <param name="sheet">The sheet, or null for the file as a whole.</param>
    /// <param name="row">The 1-based row, or null for the whole sheet.</param>
    /// <param name="column">The 0-based column, or null for the whole row.</param>
    /// <param name="args">The message's arguments.</param>
    public void Add(string key, string? sheet, int? row, int? column, params object?[] args)
    {
        if (IsFull)
        {
            truncated = true;
            return;
        }

        errors.Add(new ImportError(key, WorkbookText.Format(key, args), sheet, row,
            column is { } c ? WorkbookTemplate.ColumnLetter(c) : null));
    }

    /// <summary>Adds an error already made (placed and worded), within the same limit.</summary>
    public void Raw(ImportError error)
    {
        if (IsFull)
        {
            truncated = true;
            return;
        }

        errors.Add(error);
    }

    public void File(string key, params object?[] args) => Add(key, null, null, null, args);

    public IReadOnlyList<ImportError> ToList() => truncated
        ? [.. errors, new ImportError(WorkbookText.Keys.ErrorsTooMany, WorkbookText.Format(WorkbookText.Keys.ErrorsTooMany, WorkbookLimits.MaxErrors))]
        : [.. errors];
}
