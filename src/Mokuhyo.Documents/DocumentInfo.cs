namespace Mokuhyo.Documents;

/// <summary>The media types of the documents Mokuhyo writes, named once for links, responses and tests.</summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv";
    public const string Json = "application/json";
}
