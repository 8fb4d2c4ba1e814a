using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Accounts;

/// <summary>Builds the <see cref="Actor"/> for a signed-in user from their account and organization.</summary>
public sealed class ResolveActor(SamverkanDb db)
{
    public async Task<Actor> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var row = await (from u in db.Users.AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on u.OrganizationId equals o.Id
                         where u.Id == userId
                         select new { u.Id, u.DisplayName, u.Email, u.Role, o.Kind, OrgId = o.Id, o.Code, o.CountyCode })
            .FirstOrDefaultAsync(ct);
        return row is null
            ? Actor.Anonymous
            : new Actor(row.Id, row.DisplayName, row.OrgId, row.Code, row.Kind, row.CountyCode, row.Role);
    }

    /// <summary>The account's actor by e-mail address, for the operator's CLI acting in someone's name; null when there is no such account.</summary>
    public async Task<Actor?> ForEmailAsync(string email, CancellationToken ct = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await ForUserAsync(id, ct);
    }
}
