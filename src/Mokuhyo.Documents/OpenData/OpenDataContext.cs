using Mokuhyo.Data;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Documents.OpenData;

/// <summary>The municipality that publishes the open data: what every row names, and the licence the files are offered under.</summary>
public sealed record OpenDataContext
{
    public OpenDataContext(LocalGovernmentCode municipalityCode, string municipalityName, string? prefectureName,
        string licenceName, string licenceUrl)
    {
        if (municipalityCode.Value is null)
        {
            throw new ArgumentException("A local government code is required.", nameof(municipalityCode));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(municipalityName);
        ArgumentException.ThrowIfNullOrWhiteSpace(licenceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(licenceUrl);
        MunicipalityCode = municipalityCode;
        MunicipalityName = municipalityName;
        PrefectureName = prefectureName;
        LicenceName = licenceName;
        LicenceUrl = licenceUrl;
    }

    /// <summary>全国地方公共団体コード, six digits with the check digit (112259).</summary>
    public LocalGovernmentCode MunicipalityCode { get; }

    /// <summary>入間市.</summary>
    public string MunicipalityName { get; }

    /// <summary>埼玉県; null when the municipality has none recorded, and the column is then empty.</summary>
    public string? PrefectureName { get; }

    /// <summary>公共データ利用規約(第1.0版)(PDL1.0) unless the municipality chose another.</summary>
    public string LicenceName { get; }

    public string LicenceUrl { get; }

    /// <summary>The context of a municipality as the public catalog lists it, with its own licence.</summary>
    public static OpenDataContext For(PublicMunicipality municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return new(LocalGovernmentCode.Parse(municipality.Code), municipality.Name, municipality.Prefecture,
            municipality.LicenceName, municipality.LicenceUrl);
    }
}
