using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Audit;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Tenancy;

/// <summary>What a host administrator enters for a municipality; code and slug already validated.</summary>
public sealed record MunicipalityInput(string Code, string Slug, string Name, string? NameEn, string? Prefecture);

/// <summary>How a save of a municipality ended.</summary>
public enum MunicipalitySaveOutcome
{
    Saved,
    NotFound,
    CodeTaken,
    SlugTaken,

    /// <summary>Someone else saved the municipality since the form was loaded; nothing was written.</summary>
    Conflict,
}

/// <summary>A municipality's brand as its public pages use it.</summary>
public sealed record Brand(Guid MunicipalityId, string Slug, string Name, string? PrimaryColor, string? AccentColor, long Version,
    string? EmblemHash, string? EmblemType);

/// <summary>
/// The municipalities of the instance, managed by host administrators, and each city's branding,
/// changed by its own planning staff. Every change is recorded in the audit trail.
/// </summary>
public sealed class MunicipalityAdministration(MokuhyoDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public const string CreatedAction = "municipality-created";
    public const string ChangedAction = "municipality-changed";
    public const string BrandingAction = "branding-changed";
    public const string EmblemAction = "emblem-changed";

    public async Task<IReadOnlyList<Municipality>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Municipalities.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken);

    public async Task<Municipality?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>Adds a municipality with the shipped format as its format version 1 (as set-up does for the first one).</summary>
    public async Task<(MunicipalitySaveOutcome Outcome, Municipality? Municipality)> CreateAsync(MunicipalityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Require(input);
        if (await db.Municipalities.AnyAsync(m => m.Code == input.Code, cancellationToken))
        {
            return (MunicipalitySaveOutcome.CodeTaken, null);
        }

        if (await db.Municipalities.AnyAsync(m => m.Slug == input.Slug, cancellationToken))
        {
            return (MunicipalitySaveOutcome.SlugTaken, null);
        }

        var municipality = new Municipality
        {
            Code = input.Code,
            Slug = input.Slug,
            Name = input.Name.Trim(),
            NameEn = Blank(input.NameEn),
            Prefecture = Blank(input.Prefecture),
        };
        db.Municipalities.Add(municipality);
        db.FormatVersions.Add(new FormatVersion
        {
            MunicipalityId = municipality.Id,
            Number = 1,
            Json = EmbeddedFiles.ReadTemplateJson(FirstRunSetup.DefaultFormatKey),
            CreatedAt = clock.GetUtcNow(),
        });
        Record(municipality.Id, CreatedAction, new()
        {
            ["Code"] = new AuditChange(null, municipality.Code),
            ["Slug"] = new AuditChange(null, municipality.Slug),
            ["Name"] = new AuditChange(null, municipality.Name),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator may have taken the code or the slug between the check and the insert.
            db.ChangeTracker.Clear();
            if (await db.Municipalities.AnyAsync(m => m.Code == input.Code, cancellationToken))
            {
                return (MunicipalitySaveOutcome.CodeTaken, null);
            }

            if (await db.Municipalities.AnyAsync(m => m.Slug == input.Slug, cancellationToken))
            {
                return (MunicipalitySaveOutcome.SlugTaken, null);
            }

            throw;
        }

        return (MunicipalitySaveOutcome.Saved, municipality);
    }

    /// <summary>Changes a municipality's slug, names and prefecture. The code is its identity and never changes.</summary>
    public async Task<MunicipalitySaveOutcome> UpdateAsync(Guid id, long version, MunicipalityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Require(input);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (municipality is null)
        {
            return MunicipalitySaveOutcome.NotFound;
        }

        if (municipality.Version != version)
        {
            return MunicipalitySaveOutcome.Conflict;
        }

        if (await db.Municipalities.AnyAsync(m => m.Id != id && m.Slug == input.Slug, cancellationToken))
        {
            return MunicipalitySaveOutcome.SlugTaken;
        }

        var changes = new Dictionary<string, AuditChange>(StringComparer.Ordinal);
        Set(changes, "Slug", municipality.Slug, input.Slug, v => municipality.Slug = v!);
        Set(changes, "Name", municipality.Name, input.Name.Trim(), v => municipality.Name = v!);
        Set(changes, "NameEn", municipality.NameEn, Blank(input.NameEn), v => municipality.NameEn = v);
        Set(changes, "Prefecture", municipality.Prefecture, Blank(input.Prefecture), v => municipality.Prefecture = v);
        return await SaveAsync(municipality, ChangedAction, changes, cancellationToken);
    }

    /// <summary>Sets a city's display name and colours (already checked for contrast); null colours return to the site's own.</summary>
    public async Task<MunicipalitySaveOutcome> SaveBrandingAsync(Guid id, long version, string name, string? primary, string? accent,
        CancellationToken cancellationToken = default)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (municipality is null)
        {
            return MunicipalitySaveOutcome.NotFound;
        }

        if (municipality.Version != version)
        {
            return MunicipalitySaveOutcome.Conflict;
        }

        var changes = new Dictionary<string, AuditChange>(StringComparer.Ordinal);
        Set(changes, "Name", municipality.Name, name.Trim(), v => municipality.Name = v!);
        Set(changes, "PrimaryColor", municipality.PrimaryColor, primary, v => municipality.PrimaryColor = v);
        Set(changes, "AccentColor", municipality.AccentColor, accent, v => municipality.AccentColor = v);
        return await SaveAsync(municipality, BrandingAction, changes, cancellationToken);
    }

    /// <summary>Stores (or, with null content, removes) a city's emblem; the content type is the sniffed one.</summary>
    public async Task<MunicipalitySaveOutcome> SaveEmblemAsync(Guid id, long version, byte[]? content, string? contentType, CancellationToken cancellationToken = default)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (municipality is null)
        {
            return MunicipalitySaveOutcome.NotFound;
        }

        if (municipality.Version != version)
        {
            return MunicipalitySaveOutcome.Conflict;
        }

        var emblem = await db.MunicipalityEmblems.SingleOrDefaultAsync(e => e.MunicipalityId == id, cancellationToken);
        var oldHash = emblem?.Hash;
        string? newHash = null;
        if (content is null)
        {
            if (emblem is not null)
            {
                db.MunicipalityEmblems.Remove(emblem);
            }
        }
        else
        {
            newHash = Convert.ToHexStringLower(SHA256.HashData(content));
            if (emblem is null)
            {
                emblem = new MunicipalityEmblem { MunicipalityId = id, Content = content, ContentType = contentType!, Hash = newHash };
                db.MunicipalityEmblems.Add(emblem);
            }

            emblem.Content = content;
            emblem.ContentType = contentType!;
            emblem.Hash = newHash;
            emblem.UpdatedAt = clock.GetUtcNow();
        }

        // The municipality's version moves too, so a page with a stale emblem form is told, and the brand stylesheet's tag changes.
        db.Entry(municipality).State = EntityState.Modified;
        return await SaveAsync(municipality, EmblemAction, new() { ["Emblem"] = new AuditChange(oldHash, newHash) }, cancellationToken, force: true);
    }

    /// <summary>The brand of a municipality by its slug, or null when there is no such municipality.</summary>
    public async Task<Brand?> BrandAsync(string slug, CancellationToken cancellationToken = default) =>
        await (from m in db.Municipalities.AsNoTracking()
               where m.Slug == slug
               from e in db.MunicipalityEmblems.Where(e => e.MunicipalityId == m.Id).DefaultIfEmpty()
               select new Brand(m.Id, m.Slug, m.Name, m.PrimaryColor, m.AccentColor, m.Version, e == null ? null : e.Hash, e == null ? null : e.ContentType))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<MunicipalityEmblem?> EmblemAsync(Guid municipalityId, CancellationToken cancellationToken = default) =>
        await db.MunicipalityEmblems.AsNoTracking().SingleOrDefaultAsync(e => e.MunicipalityId == municipalityId, cancellationToken);

    private async Task<MunicipalitySaveOutcome> SaveAsync(Municipality municipality, string action, Dictionary<string, AuditChange> changes,
        CancellationToken cancellationToken, bool force = false)
    {
        if (changes.Count == 0 && !force)
        {
            return MunicipalitySaveOutcome.Saved;
        }

        Record(municipality.Id, action, changes);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MunicipalitySaveOutcome.Conflict;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Municipalities.AnyAsync(m => m.Id != municipality.Id && m.Slug == municipality.Slug, cancellationToken))
            {
                return MunicipalitySaveOutcome.SlugTaken;
            }

            throw;
        }

        return MunicipalitySaveOutcome.Saved;
    }

    private static void Set(Dictionary<string, AuditChange> changes, string name, string? oldValue, string? newValue, Action<string?> assign)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            changes[name] = new AuditChange(oldValue, newValue);
            assign(newValue);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Require(MunicipalityInput input)
    {
        if (!LocalGovernmentCode.TryParse(input.Code, out _) || !Municipality.IsValidSlug(input.Slug) || string.IsNullOrWhiteSpace(input.Name))
        {
            throw new ArgumentException("The code, slug and name must be validated before saving.", nameof(input));
        }
    }

    private void Record(Guid municipalityId, string action, Dictionary<string, AuditChange> changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            EntityType = nameof(Municipality),
            EntityId = municipalityId.ToString("D", CultureInfo.InvariantCulture),
            Action = action,
            Changes = JsonSerializer.Serialize(changes, ReportJson.Options),
        });
}
