namespace Mokuhyo.Domain.Formats;

/// <summary>
/// How a municipality's own goal workbooks map onto the fields of its format (the format's key), saved so
/// that planning staff choose the columns once. <see cref="ColumnsJson"/> maps a field name to a header text.
/// </summary>
public sealed class ImportColumnMapping : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MunicipalityId { get; set; }

    public required string FormatKey { get; set; }

    public string? SheetName { get; set; }

    public int HeaderRow { get; set; } = 1;

    public required string ColumnsJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
