using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

/// <summary>
/// A region's signed agreements as the public sees them, whoever asks: the version in force and its
/// status, never a draft or an amendment in progress (the public pages must not change with sign-in).
/// </summary>
public sealed class ListPublicAgreements(SamverkanDb db, AgreementStore store) : IUseCase
{
    public async Task<Result<IReadOnlyList<AgreementSummary>>> ExecuteAsync(string? regionCode, int? year, string? partyCode = null, CancellationToken ct = default)
    {
        var query = db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).Where(a => a.SignedVersion != null);
        if (regionCode is not null)
        {
            var region = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == regionCode && o.Kind == OrganizationKind.Region, ct);
            if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
            query = query.Where(a => a.RegionId == region.Id);
        }
        if (year is not null)
        {
            if (year is < 1900 or > 2200) return Error.Validation("agreement.year-invalid", "Året är orimligt.", "period");
            var first = new DateOnly(year.Value, 1, 1);
            var last = new DateOnly(year.Value, 12, 31);
            query = query.Where(a => a.PeriodFrom <= last && a.PeriodTo >= first);
        }
        if (partyCode is not null)
        {
            var party = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == partyCode, ct);
            if (party is null) return Error.NotFound("organization.not-found", $"Det finns ingen organisation med kod {partyCode}.");
            query = query.Where(a => a.Parties.Any(p => p.OrganizationId == party.Id));
        }
        var rows = await query.ToListAsync(ct);
        var orgIds = rows.SelectMany(a => a.Parties.Select(p => p.OrganizationId)).Append(Guid.Empty).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return rows
            .Select(a => new AgreementSummary(a.Id, a.Kind, a.Title, a.Reference,
                // During an amendment the row's status is the draft's; the public sees the signed version's.
                store.InForceStatus(a),
                a.PeriodFrom, a.PeriodTo, a.SignedVersion!.Value, a.SignedVersion,
                a.Parties.OrderBy(p => p.SortOrder).Select(p => orgs[p.OrganizationId]).Select(o => new Plans.OrganizationRef(o.Code, o.DisplayName)).ToList(),
                a.UpdatedAt))
            .OrderBySwedish(a => a.Parties.LastOrDefault()?.Name ?? a.Title)
            .ToList();
    }
}
