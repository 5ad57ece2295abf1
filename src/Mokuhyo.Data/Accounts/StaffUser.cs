using Microsoft.AspNetCore.Identity;

namespace Mokuhyo.Data.Accounts;

/// <summary>A member of staff who signs in: belongs to one municipality (or none, for a host administrator).</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public StaffUser() => Id = Guid.CreateVersion7();

    /// <summary>The municipality the account belongs to; null only for host administrators.</summary>
    public Guid? MunicipalityId { get; set; }

    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<UnitAssignment> Assignments { get; set; } = [];
}

/// <summary>The roles of the system; editors and approvers act only on the units they are bound to.</summary>
public static class StaffRoles
{
    public const string HostAdministrator = "host-administrator";
    public const string SystemAdministrator = "system-administrator";
    public const string Planning = "planning";
    public const string Approver = "approver";
    public const string Editor = "editor";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [HostAdministrator, SystemAdministrator, Planning, Approver, Editor, Viewer];
}

/// <summary>How an account is bound to a unit.</summary>
public enum AssignmentRole
{
    Editor = 0,
    Approver = 1,
}

/// <summary>
/// Binds an account to a unit by its code, which carries over from year to year with the unit:
/// an editor bound to 地域振興課 stays bound when next year's tree is copied.
/// </summary>
public sealed class UnitAssignment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string UnitCode { get; set; }

    public AssignmentRole Role { get; set; }
}

/// <summary>Whether a personal access token may only read or also write.</summary>
public enum TokenScope
{
    Read = 0,
    Write = 1,
}

/// <summary>A personal access token for automation: only its hash is stored; the token is shown once.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public TokenScope Scope { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
