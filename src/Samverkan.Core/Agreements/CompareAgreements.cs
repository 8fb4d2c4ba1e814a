using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Agreements;

public static class ComparisonModes
{
    public const string Goal = "goal";
    public const string Area = "area";
}

/// <summary>A column of the matrix: a plan goal (by goal) or a collaboration area's heading (by area).</summary>
public sealed record ComparisonColumn(string Key, string Title, Guid? GoalId = null, Guid? ParentGoalId = null, int Depth = 0, string? DevelopmentArea = null);

public sealed record ComparedCommitment(
    Guid Id, string Section, string Text, IReadOnlyList<string> Parties, string? Indicator, string? Target, DateOnly? Due, IReadOnlyList<Guid> GoalIds);

public sealed record ComparisonCell(string Column, IReadOnlyList<ComparedCommitment> Commitments);

/// <summary>One municipality: the agreement shown (null when it has none the caller may see) and one cell per column, in column order.</summary>
public sealed record ComparisonRow(OrganizationRef Municipality, Guid? AgreementId, string? Status, int? Version, IReadOnlyList<ComparisonCell> Cells);

public sealed record ComparisonPlan(Guid Id, string Title, int StartYear, int EndYear);

public sealed record AgreementComparison(
    OrganizationRef Region, int Year, string By, ComparisonPlan? Plan, Guid? Goal, IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonRow> Rows);

/// <summary>
/// A region's municipal agreements for a year side by side: municipalities (Swedish order) against the plan's goals
/// or the agreements' collaboration areas, each cell holding the commitments made there. Parties and the region's
/// staff compare the latest versions; everyone else the signed versions only. With a goal, only the municipalities
/// that committed to it are listed, with those commitments. Reads the commitment rows, never the version JSON.
/// </summary>
public sealed class CompareAgreements(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<AgreementComparison>> ExecuteAsync(string? regionCode, int? year, string? by, Guid? goalId, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (string.IsNullOrWhiteSpace(regionCode))
            return Error.Validation("comparison.region-required", "Ange vilken region som ska jämföras (region=20).", "region");
        if (year is null) return Error.Validation("comparison.year-required", "Ange vilket år som ska jämföras (year=2024).", "year");
        if (year is < 1900 or > 2200) return Error.Validation("comparison.year-invalid", "Året är orimligt.", "year");
        var mode = (by ?? ComparisonModes.Goal).Trim().ToLowerInvariant();
        if (mode is not (ComparisonModes.Goal or ComparisonModes.Area))
            return Error.Validation("comparison.by-invalid", "Jämför per mål (by=goal) eller per samverkansområde (by=area).", "by");
        var region = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == regionCode && o.Kind == OrganizationKind.Region, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");

        var plan = await PlanInForceAsync(region.Id, year.Value, ct);
        if (mode == ComparisonModes.Goal && plan is null && goalId is null)
            return Error.NotFound("comparison.plan-not-found", $"{region.DisplayName} har ingen antagen kulturplan som gäller {year}.");
        ComparisonColumn? goalColumn = null;
        if (goalId is { } gid)
        {
            goalColumn = await GoalColumnAsync(gid, region, ct);
            if (goalColumn is null) return Error.NotFound("goal.not-found", "Målet finns inte i regionens planer eller kommunernas mål.");
        }

        var municipalities = (await db.Organizations.AsNoTracking()
                .Where(o => o.Kind == OrganizationKind.Municipality && o.CountyCode == region.CountyCode).ToListAsync(ct))
            .OrderBySwedish(o => o.Name).ToList();
        var shown = await ShownAgreementsAsync(region, municipalities, year.Value, actor, ct);
        var commitments = await CommitmentsAsync(shown.Values, ct);
        if (goalId is { } filter)
            commitments = commitments.ToDictionary(kv => kv.Key, kv => kv.Value.Where(c => c.GoalIds.Contains(filter)).ToList());

        List<ComparisonColumn> columns;
        Func<ComparedCommitment, IEnumerable<string>> keysOf;
        if (mode == ComparisonModes.Goal)
        {
            columns = goalColumn is not null ? [goalColumn] : await GoalColumnsAsync(plan!, ct);
            keysOf = c => c.GoalIds.Select(g => g.ToString());
        }
        else
        {
            columns = AreaColumns(commitments.Values);
            keysOf = c => [AgreementTemplates.HeadingKey(AreaOf(c.Section))];
        }

        var rows = new List<ComparisonRow>();
        foreach (var municipality in municipalities)
        {
            var reference = new OrganizationRef(municipality.Code, municipality.DisplayName);
            if (!shown.TryGetValue(municipality.Id, out var s))
            {
                if (goalId is null) rows.Add(new ComparisonRow(reference, null, null, null, columns.Select(c => new ComparisonCell(c.Key, [])).ToList()));
                continue;
            }
            var mine = commitments.GetValueOrDefault(s.Agreement.Id) ?? [];
            if (goalId is not null && mine.Count == 0) continue;
            var byKey = mine.SelectMany(c => keysOf(c).Select(k => (Key: k, Commitment: c))).ToLookup(x => x.Key, x => x.Commitment);
            rows.Add(new ComparisonRow(reference, s.Agreement.Id, s.Status, s.Version,
                columns.Select(c => new ComparisonCell(c.Key, byKey[c.Key].ToList())).ToList()));
        }
        return new AgreementComparison(new OrganizationRef(region.Code, region.DisplayName), year.Value, mode,
            plan is null ? null : new ComparisonPlan(plan.Id, plan.Title, plan.StartYear, plan.EndYear), goalId, columns, rows);
    }

    private sealed record Shown(Agreement Agreement, int Version, string Status);

    /// <summary>
    /// The agreement each municipality is shown with. Should a municipality have more than one for the year (an old
    /// draft beside the signed one), the one furthest along wins, then the latest changed.
    /// </summary>
    private async Task<Dictionary<Guid, Shown>> ShownAgreementsAsync(Organization region, List<Organization> municipalities, int year, Actor actor, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var agreements = await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties)
            .Where(a => a.RegionId == region.Id && a.Kind == AgreementKinds.MunicipalAgreement && a.Status != AgreementStatuses.Withdrawn
                && a.PeriodFrom <= last && a.PeriodTo >= first)
            .ToListAsync(ct);
        var municipalityIds = municipalities.Select(m => m.Id).ToHashSet();
        var staff = actor.IsStaffOfCounty(region.CountyCode);
        var candidates = new List<(Guid Municipality, Shown Shown, int Rank)>();
        foreach (var a in agreements)
        {
            var municipality = a.Parties.Select(p => p.OrganizationId).FirstOrDefault(municipalityIds.Contains);
            if (municipality == Guid.Empty) continue;
            var seesWork = staff || (actor.OrganizationId is { } org && a.Parties.Any(p => p.OrganizationId == org));
            if (seesWork)
                candidates.Add((municipality, new Shown(a, a.CurrentVersion, store.EffectiveStatus(a)), Rank(a)));
            else if (a.SignedVersion is { } signed)
                candidates.Add((municipality, new Shown(a, signed, store.InForceStatus(a)), 0));
        }
        return candidates.GroupBy(c => c.Municipality)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Rank).ThenByDescending(c => c.Shown.Agreement.UpdatedAt).ThenBy(c => c.Shown.Agreement.Id).First().Shown);
    }

    private static int Rank(Agreement a) => a.SignedVersion is not null ? 0 : a.Status switch
    {
        AgreementStatuses.Agreed => 1,
        AgreementStatuses.Negotiation => 2,
        _ => 3,
    };

    private async Task<Dictionary<Guid, List<ComparedCommitment>>> CommitmentsAsync(IEnumerable<Shown> shown, CancellationToken ct)
    {
        var versionOf = shown.ToDictionary(s => s.Agreement.Id, s => s.Version);
        var ids = versionOf.Keys.ToList();
        var versions = versionOf.Values.Distinct().ToList();
        // The pair (agreement, version) cannot be sent as one list portably; narrowing by both lists in SQL and the
        // exact pair in memory reads few extra rows.
        var rows = await db.Set<CommitmentRecord>().AsNoTracking()
            .Where(c => ids.Contains(c.AgreementId) && versions.Contains(c.Version))
            .ToListAsync(ct);
        return rows.Where(r => versionOf[r.AgreementId] == r.Version)
            .GroupBy(r => r.AgreementId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.SortOrder).Select(r => new ComparedCommitment(
                r.Id, r.SectionHeading, r.Text, Split(r.PartyCodes), r.Indicator, r.Target, r.Due,
                Split(r.GoalIds).Select(Guid.Parse).ToList())).ToList());
    }

    private static List<string> Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>A nested section's commitments are stored under "Parent / Child"; the area is the innermost heading.</summary>
    internal static string AreaOf(string sectionHeading)
    {
        var at = sectionHeading.LastIndexOf(" / ", StringComparison.Ordinal);
        return at < 0 ? sectionHeading : sectionHeading[(at + 3)..];
    }

    /// <summary>
    /// Areas shared by most agreements first, in the order they appear in the documents; an area only some
    /// municipalities have comes after, so the common ground reads first.
    /// </summary>
    private static List<ComparisonColumn> AreaColumns(IEnumerable<List<ComparedCommitment>> perAgreement)
    {
        var seen = new Dictionary<string, (Dictionary<string, int> Spellings, int Agreements, double Position)>();
        foreach (var commitments in perAgreement)
        {
            var headings = commitments.Select(c => AgreementTemplates.CleanHeading(AreaOf(c.Section))).Distinct().ToList();
            foreach (var (heading, index) in headings.Select((h, i) => (h, i)))
            {
                var key = AgreementTemplates.HeadingKey(heading);
                var entry = seen.GetValueOrDefault(key, (new Dictionary<string, int>(), 0, 0));
                entry.Spellings[heading] = entry.Spellings.GetValueOrDefault(heading) + 1;
                seen[key] = (entry.Spellings, entry.Agreements + 1, entry.Position + (double)index / Math.Max(1, headings.Count));
            }
        }
        return seen
            .OrderByDescending(kv => kv.Value.Agreements)
            .ThenBy(kv => kv.Value.Position / kv.Value.Agreements)
            .ThenBy(kv => kv.Key, SwedishText.Comparer)
            .Select(kv => new ComparisonColumn(kv.Key,
                kv.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key))
            .ToList();
    }

    /// <summary>The plan that governs the year: an adopted plan before an archived one, the latest adopted first; drafts never.</summary>
    private async Task<CulturePlan?> PlanInForceAsync(Guid regionId, int year, CancellationToken ct) =>
        (await db.Plans.AsNoTracking()
            .Where(p => p.RegionId == regionId && p.StartYear <= year && p.EndYear >= year && p.Status != PlanStatus.Draft)
            .ToListAsync(ct))
        .OrderBy(p => p.Status == PlanStatus.Adopted ? 0 : 1)
        .ThenByDescending(p => p.AdoptedOn)
        .ThenByDescending(p => p.Id)
        .FirstOrDefault();

    /// <summary>The plan's goals depth first, as the plan lists them.</summary>
    private async Task<List<ComparisonColumn>> GoalColumnsAsync(CulturePlan plan, CancellationToken ct)
    {
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == plan.Id).ToListAsync(ct);
        var areas = await db.DevelopmentAreas.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(ct);
        var areaOrder = areas.ToDictionary(a => a.Id, a => (a.SortOrder, a.Title));
        var byParent = goals.ToLookup(g => g.ParentId);
        var columns = new List<ComparisonColumn>();
        (int Order, string? Title) AreaOf(PlanGoal g) =>
            g.DevelopmentAreaId is { } a && areaOrder.TryGetValue(a, out var area) ? area : (int.MaxValue, null);
        void Walk(IEnumerable<PlanGoal> ordered, int depth)
        {
            foreach (var g in ordered)
            {
                columns.Add(new ComparisonColumn(g.Id.ToString(), g.Title, g.Id, g.ParentId, depth, AreaOf(g).Title));
                Walk(byParent[g.Id].OrderBy(c => c.SortOrder), depth + 1);
            }
        }
        Walk(byParent[null].OrderBy(g => AreaOf(g).Order).ThenBy(g => g.SortOrder), 0);
        return columns;
    }

    private async Task<ComparisonColumn?> GoalColumnAsync(Guid goalId, Organization region, CancellationToken ct)
    {
        var planGoal = await (from g in db.PlanGoals.AsNoTracking()
                              join p in db.Plans.AsNoTracking() on g.PlanId equals p.Id
                              where g.Id == goalId && p.RegionId == region.Id
                              select g).FirstOrDefaultAsync(ct);
        if (planGoal is not null)
        {
            var area = planGoal.DevelopmentAreaId is { } a
                ? await db.DevelopmentAreas.AsNoTracking().Where(x => x.Id == a).Select(x => x.Title).FirstOrDefaultAsync(ct)
                : null;
            return new ComparisonColumn(goalId.ToString(), planGoal.Title, goalId, planGoal.ParentId, 0, area);
        }
        var municipalGoal = await (from g in db.MunicipalGoals.AsNoTracking()
                                   join o in db.Organizations.AsNoTracking() on g.OrganizationId equals o.Id
                                   where g.Id == goalId && o.CountyCode == region.CountyCode
                                   select new { g.Text, o.Name }).FirstOrDefaultAsync(ct);
        return municipalGoal is null ? null : new ComparisonColumn(goalId.ToString(), $"{municipalGoal.Name}: {municipalGoal.Text}", goalId);
    }
}
