namespace Mokuhyo.Domain.Municipalities;

/// <summary>A city, town or village (地方公共団体) hosted by this instance.</summary>
public sealed class Municipality : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>全国地方公共団体コード, six digits with its check digit.</summary>
    public required string Code { get; set; }

    /// <summary>The stable URL name (iruma).</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Prefecture { get; set; }

    /// <summary>Licence of the open data and published pages (公共データ利用規約 by default).</summary>
    public string LicenceName { get; set; } = DefaultLicenceName;

    public string LicenceUrl { get; set; } = DefaultLicenceUrl;

    /// <summary>A sample municipality shipped to show a format: its pages say the content is invented.</summary>
    public bool IsExample { get; set; }
    /// <summary>Brand colour of the header and links (#rrggbb); null keeps the site's own.</summary>
    public string? PrimaryColor { get; set; }

    /// <summary>Brand colour of headings (#rrggbb); null keeps the site's own.</summary>
    public string? AccentColor { get; set; }

    public long Version { get; set; }

    public List<ReportingYear> Years { get; set; } = [];

    public List<FormatVersion> Formats { get; set; } = [];

    public const string DefaultLicenceName = "公共データ利用規約(第1.0版)(PDL1.0)";

    public const string DefaultLicenceUrl = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0";

    /// <summary>First path segments the application uses itself, so no municipality may take them.</summary>
    public static IReadOnlySet<string> ReservedSlugs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "account", "admin", "api", "css", "culture", "error", "fonts", "healthz", "img", "js", "lib", "openapi",
        "opendata", "readyz", "search", "setup", "sitemap", "staff", "static",
    };

    /// <summary>Slugs are lower-case ASCII letters, digits and hyphens, as URLs keep them stable, and not a reserved word.</summary>
    public static bool IsValidSlug(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 40 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !ReservedSlugs.Contains(slug);
}

/// <summary>One version of a municipality's report format, kept as the JSON it was written in.</summary>
public sealed class FormatVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MunicipalityId { get; set; }

    public int Number { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A municipality's fiscal year: its organization tree, goals and reports, under one format version.</summary>
public sealed class ReportingYear
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    /// <summary>The western start year (2022 for 令和4年度).</summary>
    public int Year { get; set; }

    public Guid FormatVersionId { get; set; }

    public FormatVersion? FormatVersion { get; set; }

    public Calendar.FiscalYear FiscalYear => new(Year);
}

/// <summary>A municipality's emblem (市章), a PNG or JPEG shown in its public pages' header.</summary>
public sealed class MunicipalityEmblem
{
    public Guid MunicipalityId { get; set; }

    /// <summary>image/png or image/jpeg, as sniffed from the bytes when uploaded.</summary>
    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of the content, hex: the entity tag it is served with.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
