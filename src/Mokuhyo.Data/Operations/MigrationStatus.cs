using Microsoft.EntityFrameworkCore;

namespace Mokuhyo.Data.Operations;

/// <summary>Whether a database holds every migration this build knows, and which are missing.</summary>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)
{
    public bool IsCurrent => Pending.Count == 0;

    public static async Task<MigrationStatus> ReadAsync(MokuhyoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return new MigrationStatus(applied, pending);
    }
}

/// <summary>The web app was told not to migrate and the database is behind this build.</summary>
public sealed class DatabaseNotMigratedException(IReadOnlyList<string> pending)
    : InvalidOperationException(
        $"The database lacks {pending.Count} migration(s) of this version ({string.Join(", ", pending)}). "
        + "Run `mokuhyo migrate` (src/Mokuhyo.Cli) with the same Database settings, then start the web app again.")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
