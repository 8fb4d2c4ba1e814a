using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Accounts;

public static class ApiTokenFormat
{
    public const string Prefix = "svk_";

    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 is enough here: tokens are 256 random bits, so there is nothing to brute-force.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed record CreatedToken(Guid Id, string Token, string Prefix);

/// <summary>Issues a bearer token for the API. The token is returned once; only its hash is kept.</summary>
public sealed class CreateApiToken(SamverkanDb db, ActorContext actors, TimeProvider clock) : IUseCase
{
    public async Task<Result<CreatedToken>> ExecuteAsync(string email, string? name = null, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null) return Error.NotFound("user.not-found", $"Det finns inget konto med e-postadressen {email}.");
        if (actor.Require(actor.IsOperator || actor.UserId == user.Id) is { } denied) return denied;

        var token = ApiTokenFormat.New();
        var entity = new ApiToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "API-nyckel" : name.Trim(),
            Prefix = token[..10],
            TokenHash = ApiTokenFormat.Hash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(entity.Id, token, entity.Prefix);
    }
}

/// <summary>Revokes a token at once; the owner or the operator may do it.</summary>
public sealed class RevokeApiToken(SamverkanDb db, ActorContext actors, TimeProvider clock) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Guid tokenId, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null || !(actor.IsOperator || actor.UserId == token.UserId))
            return Error.NotFound("token.not-found", "Nyckeln finns inte.");
        if (token.RevokedAt is not null) return Done.Value;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Resolves a presented bearer token to its user, if the token is live.</summary>
public sealed class ApiTokenValidator(SamverkanDb db, TimeProvider clock)
{
    public async Task<User?> FindUserAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(ApiTokenFormat.Prefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = ApiTokenFormat.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        // One round trip: every API request pays for this.
        var found = await (from t in db.ApiTokens.AsNoTracking()
                           join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                           where t.TokenHash == hash && t.RevokedAt == null
                           select new { User = u, t.ExpiresAt }).FirstOrDefaultAsync(ct);
        return found is null || (found.ExpiresAt is not null && found.ExpiresAt <= now) ? null : found.User;
    }
}
