using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Organizations;

/// <summary>One organization by its public code, with contacts, activity areas and (for municipalities) population.</summary>
public sealed class GetOrganization(SamverkanDb db) : IUseCase
{
    public async Task<Result<OrganizationDetail>> ExecuteAsync(string code, CancellationToken ct = default)
    {
        var o = await db.Organizations.AsNoTracking().Include(x => x.Contacts).Include(x => x.ActivityAreas)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (o is null) return Error.NotFound("organization.not-found", $"Det finns ingen organisation med kod {code}.");
        var areas = await ActivityAreaLookup.LoadAsync(db, ct);
        var population = o.Kind == OrganizationKind.Municipality
            ? await db.Populations.AsNoTracking().Where(p => p.MunicipalityCode == o.Code).OrderBy(p => p.Year)
                .Select(p => new PopulationView(p.Year, p.Population)).ToListAsync(ct)
            : [];
        var seat = o.Kind != OrganizationKind.Municipality && o.MunicipalityCode is not null
            ? await db.Organizations.AsNoTracking().Where(m => m.Code == o.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct)
            : null;
        return new OrganizationDetail(o.Id, o.Code, o.Name, o.OfficialName, o.Kind.ToCode(), o.CountyCode, o.MunicipalityCode, seat,
            o.LegalForm, o.OrganizationNumber, o.Description, o.PostalAddress, o.VisitingAddress, o.Phone, o.Email, o.Website,
            areas.For(o),
            o.Contacts.OrderBySwedish(c => c.Name).Select(c => new ContactView(c.Id, c.Name, c.Title, c.Phone, c.Email)).ToList(),
            population);
    }
}
