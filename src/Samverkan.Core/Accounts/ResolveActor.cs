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
}
