using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.FollowUp;

/// <summary>
/// The follow-up report of one year: for a municipality (its agreements with the region) or for the region (every
/// agreement of its round). Built from the same roll-up as <see cref="GetRoundProgress"/>, so a figure in the report is
/// the figure on the round's page. Read by the accounts of the region and, for a municipality's report, of that
/// municipality (docs/decisions/0013-follow-up-reports.md).
/// </summary>
public sealed class GetFollowUpReport(
    SamverkanDb db, ActorContext actors, FollowUpStore store, GetRoundProgress rollUp, GetFollowUpRound rounds, TimeProvider clock) : IUseCase
{
    public Task<Result<FollowUpReport>> ForMunicipalityAsync(string code, int year, CancellationToken ct = default) =>
        ExecuteAsync(ReportScopes.Municipality, code, year, ct);

    public Task<Result<FollowUpReport>> ForRegionAsync(string code, int year, CancellationToken ct = default) =>
        ExecuteAsync(ReportScopes.Region, code, year, ct);

    private async Task<Result<FollowUpReport>> ExecuteAsync(string scopeKind, string code, int year, CancellationToken ct)
    {
        var isRegion = scopeKind == ReportScopes.Region;
        var kind = isRegion ? OrganizationKind.Region : OrganizationKind.Municipality;
        code = code.Trim();
        var subject = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code && o.Kind == kind, ct);
        if (subject is null)
            return Error.NotFound("organization.not-found", isRegion ? $"Det finns ingen region med kod {code}." : $"Det finns ingen kommun med kod {code}.");
        var region = isRegion
            ? subject
            : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Kind == OrganizationKind.Region && o.Code == subject.CountyCode, ct);

        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        if (!Reads(actor, region, subject))
            return Error.Forbidden(isRegion
                ? "Regionens uppföljningsrapport kan bara läsas av regionens egna konton."
                : $"Uppföljningsrapporten för {subject.DisplayName} kan bara läsas av kommunens och regionens egna konton.");

        // A region follows up one plan a year; should two plans' rounds share a year, the latest opened is the report's.
        var round = region is null
            ? null
            : (await db.Set<FollowUpRound>().AsNoTracking().Where(r => r.RegionId == region.Id && r.Year == year).ToListAsync(ct))
                .OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        if (round is null)
            return Error.NotFound("follow-up-report.no-round", $"Det finns ingen uppföljning för {year} att göra en rapport av.");

        return await BuildAsync(scopeKind, subject, round, ct);
    }

    /// <summary>The report adds where each party's answer stands, which is the parties' and the region's working state, not public.</summary>
    private static bool Reads(Actor actor, Organization? region, Organization subject) =>
        actor.IsOperator || (region is not null && actor.OrganizationId == region.Id) || actor.OrganizationId == subject.Id;

    private async Task<FollowUpReport> BuildAsync(string scopeKind, Organization subject, FollowUpRound round, CancellationToken ct)
    {
        var isRegion = scopeKind == ReportScopes.Region;
        var scope = await store.ScopeAsync(round, ct);
        bool Covers(ScopedAgreement a) => isRegion || a.Parties.Any(p => p.Id == subject.Id);
        var agreements = scope.Agreements.Where(Covers).ToList();
        var ids = agreements.Select(a => a.Agreement.Id).ToHashSet();
        bool Keep(ProgressPart p) => ids.Contains(p.AgreementId);

        var progress = await rollUp.BuildAsync(round, ct);
        var parts = progress.Total.Parts.Where(Keep).ToList();
        var total = ProgressRollUp.Figure("total", $"{subject.DisplayName} {round.Year}", parts);
        var (views, submissions) = await rounds.ProgressAsync(scope, Covers, ct);

        var areas = Within(progress.Areas, Keep)
            .Select(f => new AreaStatus(f.Label, f.Parts.Count, ReportStatuses.Count(f.Parts), ReportFigure.Of(f)))
            .ToList();
        var goals = Within(progress.Goals, Keep).Select(ReportFigure.Of).ToList();
        var municipalities = isRegion ? progress.Municipalities.Select(ReportFigure.Of).ToList() : [];

        var planRounds = (await db.Set<FollowUpRound>().AsNoTracking()
                .Where(r => r.PlanId == round.PlanId && r.RegionId == round.RegionId && r.Year <= round.Year).ToListAsync(ct))
            .OrderBy(r => r.Year).ToList();
        var years = new List<YearStatus>();
        var earlier = new Dictionary<(Guid, Guid, Guid), (int Year, FollowUpEntry Entry)>();
        foreach (var r in planRounds)
        {
            List<ProgressPart> yearParts;
            if (r.Id == round.Id)
            {
                yearParts = parts;
            }
            else
            {
                var built = await rollUp.BuildAsync(r, ct);
                // Earlier years are matched by the municipality, not by agreement: a new agreement in a later year is the same follow-up.
                yearParts = (isRegion ? built.Total : built.Municipalities.FirstOrDefault(m => m.Key == subject.Code))?.Parts.ToList() ?? [];
                foreach (var (key, entry) in await rollUp.AcceptedEntriesWithTextAsync(r.Id, ct))
                    earlier[key] = (r.Year, entry);
            }
            years.Add(new YearStatus(r.Year, r.Id, r.Status, yearParts.Count,
                ReportFigure.Of(ProgressRollUp.Figure($"{r.Year}", $"{r.Year}", yearParts)), ReportStatuses.Count(yearParts)));
        }

        var accepted = await rollUp.AcceptedEntriesWithTextAsync(round.Id, ct);
        var figures = progress.Agreements.ToDictionary(f => f.Key);
        var reportAgreements = agreements.Select(a =>
        {
            var view = views.Single(v => v.AgreementId == a.Agreement.Id);
            var submissionOf = view.Submissions.ToDictionary(s => s.Party.Code, s => s.Status);
            var commitments = a.Commitments.Select(c => new ReportCommitment(
                c.Id, c.Section, c.Text, c.Parties.Select(FollowUpStore.Ref).ToList(), c.Indicator, c.Target, c.Due,
                c.Parties.Select(p =>
                {
                    var key = (a.Agreement.Id, c.Id, p.Id);
                    if (accepted.TryGetValue(key, out var entry))
                        return new ReportAnswer(FollowUpStore.Ref(p), entry.Status, entry.Progress, entry.Narrative,
                            entry.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorValue(i.Name, i.Value, i.Unit)).ToList(),
                            SubmissionStatuses.Accepted, null);
                    var before = earlier.TryGetValue(key, out var e) ? new EarlierAnswer(e.Year, e.Entry.Status, e.Entry.Progress, e.Entry.Narrative) : null;
                    return new ReportAnswer(FollowUpStore.Ref(p), ReportStatuses.Missing, null, null, [],
                        submissionOf.GetValueOrDefault(p.Code, SubmissionStatuses.Draft), before);
                }).ToList())).ToList();
            return new ReportAgreement(a.Agreement.Id, a.Agreement.Title, a.Version, a.Parties.Select(FollowUpStore.Ref).ToList(),
                ReportFigure.Of(figures[a.Agreement.Id.ToString()]), view.Submissions, commitments);
        }).ToList();

        var summary = new ReportSummary(agreements.Count, agreements.Sum(a => a.Commitments.Count), parts.Count, ReportFigure.Of(total),
            ReportStatuses.Count(parts), submissions);
        return new FollowUpReport(scopeKind, round.Year, FollowUpStore.Ref(subject), FollowUpStore.Ref(scope.Region),
            GetFollowUpRound.PlanRefOf(scope), new RoundRef(round.Id, round.Year, round.Deadline, round.Status, round.Instructions),
            clock.GetUtcNow().UtcDateTime, ProgressRollUp.Formula, summary, areas, goals, years, municipalities, reportAgreements);
    }

    /// <summary>The round's figures recomputed over the report's own parts; a figure with none of them is left out.</summary>
    private static IEnumerable<ProgressFigure> Within(IEnumerable<ProgressFigure> figures, Func<ProgressPart, bool> keep) =>
        figures.Select(f => (Figure: f, Parts: f.Parts.Where(keep).ToList()))
            .Where(x => x.Parts.Count > 0)
            .Select(x => ProgressRollUp.Figure(x.Figure.Key, x.Figure.Label, x.Parts));
}
