using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

public sealed record AgreementSummary(
    Guid Id, string Kind, string Title, string? Reference, string Status, DateOnly? PeriodFrom, DateOnly? PeriodTo,
    int CurrentVersion, int? SignedVersion, IReadOnlyList<Plans.OrganizationRef> Parties, DateTime UpdatedAt);

/// <summary>
/// A region's agreements, optionally those whose period covers a year. The public sees signed agreements;
/// parties and the region's staff also see the drafts they take part in.
/// </summary>
public sealed class ListAgreements(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<IReadOnlyList<AgreementSummary>>> ExecuteAsync(string? regionCode, int? year, string? partyCode = null, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var query = db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).AsQueryable();
        Organization? region = null;
        if (regionCode is not null)
        {
            region = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == regionCode && o.Kind == OrganizationKind.Region, ct);
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
        var regionCounty = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Region)
            .ToDictionaryAsync(o => o.Id, o => o.CountyCode, ct);

        bool Sees(Agreement a) =>
            a.SignedVersion is not null
            || (actor.OrganizationId is { } org && a.Parties.Any(p => p.OrganizationId == org))
            || actor.IsStaffOfCounty(regionCounty.GetValueOrDefault(a.RegionId));

        return rows.Where(Sees)
            .Select(a =>
            {
                var seesWork = (actor.OrganizationId is { } org && a.Parties.Any(p => p.OrganizationId == org)) || actor.IsStaffOfCounty(regionCounty.GetValueOrDefault(a.RegionId));
                var status = seesWork || a.Status == AgreementStatuses.Signed ? store.EffectiveStatus(a)
                    : store.InForceStatus(a);
                return new AgreementSummary(a.Id, a.Kind, a.Title, a.Reference, status, a.PeriodFrom, a.PeriodTo,
                    seesWork ? a.CurrentVersion : a.SignedVersion!.Value, a.SignedVersion,
                    a.Parties.OrderBy(p => p.SortOrder).Select(p => orgs[p.OrganizationId]).Select(o => new Plans.OrganizationRef(o.Code, o.DisplayName)).ToList(),
                    a.UpdatedAt);
            })
            .OrderBySwedish(a => a.Parties.LastOrDefault()?.Name ?? a.Title)
            .ToList();
    }
}
