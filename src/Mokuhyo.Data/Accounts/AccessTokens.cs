using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mokuhyo.Data.Accounts;

/// <summary>A token just created: the only moment its text exists outside its owner's hands.</summary>
public sealed record CreatedToken(PersonalAccessToken Token, string Text);

/// <summary>A token presented by a caller, found valid, with the account behind it.</summary>
public sealed record TokenOwner(PersonalAccessToken Token, StaffUser User);

/// <summary>
/// Personal access tokens for automation: <c>mkh_</c> and 32 random bytes in base64url. Only the
/// SHA-256 of a token is stored, so a copy of the database lets nobody call the API.
/// </summary>
public sealed class AccessTokens(MokuhyoDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "mkh_";

    /// <summary>How many characters of a token are kept in clear, so its owner can tell tokens apart.</summary>
    public const int ShownPrefixLength = 8;

    private const int RandomBytes = 32;

    // 32 bytes in base64url without padding.
    private static readonly int TokenLength = TokenPrefix.Length + 43;

    /// <summary>How often the last use is written: once a minute is enough to see whether a token is alive.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether a text has the shape of a token at all, checked before any database lookup.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is not null && text.Length == TokenLength && text.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && text.AsSpan(TokenPrefix.Length).ContainsOnlyBase64Url();

    public async Task<CreatedToken> CreateAsync(Guid userId, string name, TokenScope scope, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken = default)
    {
        var text = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            Scope = scope,
            TokenHash = Hash(text),
            Prefix = text[..ShownPrefixLength],
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token, text);
    }

    public async Task<IReadOnlyList<PersonalAccessToken>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // Ordered here: SQLite cannot order by a DateTimeOffset, and an account has few tokens.
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return [.. tokens.OrderByDescending(t => t.CreatedAt)];
    }

    /// <summary>Revokes one of the account's own tokens; false when it has no such token.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The valid token and its account, or null when the token is unknown, revoked, expired, or its
    /// account is locked. Records the use, at most once a minute.
    /// </summary>
    public async Task<TokenOwner?> FindValidAsync(string text, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeToken(text))
        {
            return null;
        }

        var hash = Hash(text);
        var now = clock.GetUtcNow();
        var found = await (from t in db.PersonalAccessTokens.AsNoTracking()
                           join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                           where t.TokenHash == hash
                           select new { Token = t, User = u }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Token.RevokedAt is not null || found.Token.ExpiresAt <= now
            || found.User.LockoutEnd > now)
        {
            return null;
        }

        if (found.Token.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
        {
            await db.PersonalAccessTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            found.Token.LastUsedAt = now;
        }

        return new TokenOwner(found.Token, found.User);
    }
}

internal static class Base64UrlText
{
    public static bool ContainsOnlyBase64Url(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
