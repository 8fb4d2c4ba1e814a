using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Documents.Import;

/// <summary>Resolves names written in documents against the organizations in the database.</summary>
public sealed class DatabaseOrganizationDirectory(SamverkanDb db)
{
    public async Task<IOrganizationDirectory> LoadAsync(CancellationToken ct)
    {
        var orgs = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Code, o.Name, o.OfficialName, o.Kind }).ToListAsync(ct);
        var known = orgs.Select(o => new PartyRef(o.Code, o.OfficialName ?? o.Name, o.Kind.ToCode())).ToList();
        // The short name ("Smedjebacken") is also a way documents write a municipality.
        var aliases = orgs.Where(o => o.OfficialName is not null && o.OfficialName != o.Name)
            .GroupBy(o => o.Name).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Code);
        return new InMemoryOrganizationDirectory(known, aliases);
    }
}
