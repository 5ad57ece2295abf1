using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Data.Accounts;

/// <summary>What the first administrator enters on the set-up page.</summary>
public sealed record FirstRunRequest(string MunicipalityCode, string MunicipalityName, string Slug, string Email, string DisplayName, string Password);

/// <summary>How a set-up ended: the new account, or why there is none.</summary>
public sealed record FirstRunResult(StaffUser? User, bool AlreadyDone, bool MunicipalityTaken, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Creates the municipality and its first administrator on an empty database, so that no account
/// ever has a fixed password. Runs at most once: a second set-up, even a simultaneous one, finds the
/// first account and stops.
/// </summary>
public sealed class FirstRunSetup(MokuhyoDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    /// <summary>The shipped format a new municipality starts with, as its format version 1.</summary>
    public const string DefaultFormatKey = "default";

    // SQLite is one file used by one process: a process-wide gate serialises the check and the
    // inserts. PostgreSQL may serve several instances, so there an advisory lock does the same.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private const long AdvisoryLockKey = 0x4d6f6b7553657475; // "MokuSetu"

    /// <summary>Whether the database has no account at all, the only time set-up is offered.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) => !await db.Users.AnyAsync(cancellationToken);

    public async Task<FirstRunResult> RunAsync(FirstRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!LocalGovernmentCode.TryParse(request.MunicipalityCode, out _) || !Municipality.IsValidSlug(request.Slug))
        {
            throw new ArgumentException("The municipality code and slug must be validated before set-up.", nameof(request));
        }

        await DemoAccounts.EnsureRolesAsync(roles, db);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
                }

                if (await db.Users.AnyAsync(cancellationToken))
                {
                    return new FirstRunResult(null, true, false, []);
                }

                if (await db.Municipalities.AnyAsync(m => m.Code == request.MunicipalityCode || m.Slug == request.Slug, cancellationToken))
                {
                    return new FirstRunResult(null, false, true, []);
                }

                var now = clock.GetUtcNow();
                var municipality = new Municipality { Code = request.MunicipalityCode, Name = request.MunicipalityName.Trim(), Slug = request.Slug };
                db.Municipalities.Add(municipality);
                db.FormatVersions.Add(new FormatVersion
                {
                    MunicipalityId = municipality.Id,
                    Number = 1,
                    Json = EmbeddedFiles.ReadTemplateJson(DefaultFormatKey),
                    CreatedAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);

                var user = new StaffUser
                {
                    UserName = request.Email.Trim(),
                    Email = request.Email.Trim(),
                    EmailConfirmed = true,
                    DisplayName = request.DisplayName.Trim(),
                    MunicipalityId = municipality.Id,
                    CreatedAt = now,
                };
                var created = await users.CreateAsync(user, request.Password);
                if (created.Succeeded)
                {
                    created = await users.AddToRolesAsync(user, [StaffRoles.SystemAdministrator, StaffRoles.HostAdministrator]);
                }

                if (!created.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return new FirstRunResult(null, false, false, [.. created.Errors]);
                }

                await transaction.CommitAsync(cancellationToken);
                return new FirstRunResult(user, false, false, []);
            });
        }
        finally
        {
            Gate.Release();
        }
    }
}
