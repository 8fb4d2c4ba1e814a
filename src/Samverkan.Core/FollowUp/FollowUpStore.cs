using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

/// <summary>
/// Loading rounds and what they cover, resolving the answering party with its access checks, and writing entry
/// revisions. The use cases and the demo data share it, so a revision is written the same way wherever a change is made.
/// </summary>
/// <summary>What <see cref="FollowUpStore.ScopeAsync"/> has read, for reuse by the next round of the same plan.</summary>
public sealed class ScopeCache
{
    internal Dictionary<Guid, Agreement> Agreements { get; } = [];
    internal Dictionary<(Guid AgreementId, int Version), List<CommitmentRecord>> Commitments { get; } = [];
    internal Dictionary<Guid, Organization> Organizations { get; } = [];
    internal Dictionary<Guid, CulturePlan> Plans { get; } = [];

    /// <summary>An agreement at one version with its commitments resolved: the same in every round that follows that version.</summary>
    internal Dictionary<(Guid AgreementId, int Version), ScopedAgreement> Scoped { get; } = [];
}

public sealed class FollowUpStore(SamverkanDb db)
{
    public static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        // Keep å, ä, ö readable in the stored JSON, as the audit log does.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<FollowUpRound?> FindRoundAsync(Guid id, CancellationToken ct, bool track = false) =>
        await (track ? db.Set<FollowUpRound>() : db.Set<FollowUpRound>().AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>
    /// The agreements an open round covers: the region's agreements with a signed version in force, of the round's plan
    /// (or of no plan), whose period touches the round's year — each at its signed version.
    /// </summary>
    public async Task<List<(Guid AgreementId, int Version)>> AgreementsInForceAsync(FollowUpRound round, CancellationToken ct)
    {
        var first = new DateOnly(round.Year, 1, 1);
        var last = new DateOnly(round.Year, 12, 31);
        var rows = await db.Set<Agreement>().AsNoTracking()
            .Where(a => a.RegionId == round.RegionId && a.SignedVersion != null && (a.PlanId == round.PlanId || a.PlanId == null)
                && (a.PeriodFrom == null || a.PeriodFrom <= last) && (a.PeriodTo == null || a.PeriodTo >= first))
            .Select(a => new { a.Id, Version = a.SignedVersion!.Value })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Version)).ToList();
    }

    /// <summary>What the round covers: live while it is open, as frozen at closing afterwards.</summary>
    /// <param name="cache">Shared by the rounds of one plan built together (a plan's roll-up), so agreements, commitments and
    /// organizations the rounds have in common are read once.</param>
    public async Task<RoundScope> ScopeAsync(FollowUpRound round, CancellationToken ct, Guid? onlyAgreement = null, ScopeCache? cache = null)
    {
        cache ??= new ScopeCache();
        List<(Guid AgreementId, int Version)> versions;
        if (round.Status == RoundStatuses.Closed)
            versions = (await db.Set<FollowUpRoundAgreement>().AsNoTracking().Where(r => r.RoundId == round.Id)
                .Select(r => new { r.AgreementId, r.Version }).ToListAsync(ct)).Select(r => (r.AgreementId, r.Version)).ToList();
        else
            versions = await AgreementsInForceAsync(round, ct);
        if (onlyAgreement is { } only) versions = versions.Where(v => v.AgreementId == only).ToList();

        var versionOf = versions.ToDictionary(v => v.AgreementId, v => v.Version);
        var newAgreements = versions.Select(v => v.AgreementId).Where(id => !cache.Agreements.ContainsKey(id)).ToList();
        if (newAgreements.Count > 0)
            foreach (var a in await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).Where(a => newAgreements.Contains(a.Id)).ToListAsync(ct))
                cache.Agreements[a.Id] = a;
        var agreements = versions.Select(v => cache.Agreements.GetValueOrDefault(v.AgreementId)).OfType<Agreement>().ToList();
        var newVersions = versions.Where(v => !cache.Commitments.ContainsKey(v)).ToList();
        if (newVersions.Count > 0)
        {
            var ids = newVersions.Select(v => v.AgreementId).ToList();
            var numbers = newVersions.Select(v => v.Version).Distinct().ToList();
            var wanted = newVersions.ToHashSet();
            var read = (await db.Set<CommitmentRecord>().AsNoTracking()
                    .Where(c => ids.Contains(c.AgreementId) && numbers.Contains(c.Version)).ToListAsync(ct))
                .Where(c => wanted.Contains((c.AgreementId, c.Version)))
                .ToLookup(c => (c.AgreementId, c.Version));
            foreach (var v in newVersions) cache.Commitments[v] = read[v].OrderBy(c => c.SortOrder).ToList();
        }
        var newOrganizations = agreements.SelectMany(a => a.Parties.Select(p => p.OrganizationId)).Append(round.RegionId).Distinct()
            .Where(id => !cache.Organizations.ContainsKey(id)).ToList();
        if (newOrganizations.Count > 0)
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => newOrganizations.Contains(o.Id)).ToListAsync(ct))
                cache.Organizations[o.Id] = o;
        var orgs = cache.Organizations;
        if (!cache.Plans.TryGetValue(round.PlanId, out var plan))
            cache.Plans[round.PlanId] = plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == round.PlanId, ct);

        var scoped = agreements.Select(a =>
            {
                var key = (a.Id, versionOf[a.Id]);
                if (cache.Scoped.TryGetValue(key, out var known)) return known;
                var parties = a.Parties.OrderBy(p => p.SortOrder).Select(p => orgs[p.OrganizationId]).ToList();
                var byCode = parties.ToDictionary(p => p.Code);
                var list = cache.Commitments[key].Select(c => new ScopedCommitment(
                    c.Id, c.SortOrder, c.SectionHeading, c.Text,
                    c.PartyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(byCode.ContainsKey).Select(code => byCode[code]).ToList(),
                    c.Indicator, c.Target, c.Due,
                    c.GoalIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList())).ToList();
                return cache.Scoped[key] = new ScopedAgreement(a, versionOf[a.Id], parties, list);
            })
            .OrderBySwedish(a => a.Parties.FirstOrDefault(p => p.Id != round.RegionId)?.DisplayName ?? a.Agreement.Title)
            .ToList();
        return new RoundScope(round, orgs[round.RegionId], plan, scoped);
    }

    /// <summary>
    /// Resolves the party a caller reads or writes for in one agreement of a round: the named party, else the caller's
    /// own organization, else (for the region's staff) the region. Answers 401/404/403 as the caller may see.
    /// </summary>
    public async Task<Result<PartyContext>> ForPartyAsync(Guid roundId, Guid agreementId, string? partyCode, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var round = await FindRoundAsync(roundId, ct);
        if (round is null) return FollowUpErrors.RoundNotFound();
        var scope = await ScopeAsync(round, ct, agreementId);
        var agreement = scope.Find(agreementId);
        if (agreement is null) return FollowUpErrors.AgreementNotInRound();
        return ResolveParty(scope, agreement, partyCode, actor);
    }

    public static Result<PartyContext> ResolveParty(RoundScope scope, ScopedAgreement agreement, string? partyCode, Actor actor)
    {
        if (!scope.Sees(actor, agreement)) return actor.Require(false)!;
        Organization? party;
        if (!string.IsNullOrWhiteSpace(partyCode))
        {
            party = agreement.Parties.FirstOrDefault(p => p.Code == partyCode.Trim());
            if (party is null)
                return Error.Validation("follow-up.party-invalid", $"{partyCode.Trim()} är inte part i överenskommelsen.", "party");
        }
        else
        {
            party = agreement.Parties.FirstOrDefault(p => p.Id == actor.OrganizationId)
                ?? agreement.Parties.FirstOrDefault(p => p.Id == scope.Round.RegionId);
            if (party is null)
                return Error.Validation("follow-up.party-required", "Ange vilken part uppföljningen gäller.", "party");
        }
        return new PartyContext(scope, agreement, party);
    }

    /// <summary>Finds a commitment among the round's agreements; the agreement id is needed only if two agreements share the id.</summary>
    public static Result<(ScopedAgreement Agreement, ScopedCommitment Commitment)> FindCommitment(RoundScope scope, Guid commitmentId, Guid? agreementId)
    {
        var matches = scope.Agreements
            .Where(a => agreementId is null || a.Agreement.Id == agreementId)
            .SelectMany(a => a.Commitments.Where(c => c.Id == commitmentId).Select(c => (a, c)))
            .ToList();
        return matches.Count switch
        {
            0 => FollowUpErrors.CommitmentUnknown(commitmentId),
            1 => matches[0],
            _ => Error.Validation("follow-up.agreement-required",
                "Åtagandet finns i flera överenskommelser i omgången. Ange vilken (agreementId).", "agreementId"),
        };
    }

    /// <summary>Whether the caller may change this party's entries now; null when allowed, else the reason.</summary>
    public static Error? CheckWrite(PartyContext context, FollowUpSubmission? submission, Actor actor)
    {
        if (!actor.ActsFor(context.Party.Id)) return actor.Require(false) is { Kind: ErrorKind.Unauthenticated } e ? e : FollowUpErrors.NotYourParty();
        if (!context.Scope.IsOpen) return FollowUpErrors.RoundClosed(context.Round.Year);
        if (submission is not null && SubmissionStatuses.Locks(submission.Status)) return FollowUpErrors.Locked(submission.Status);
        return null;
    }

    public async Task<List<FollowUpEntry>> EntriesAsync(Guid roundId, Guid agreementId, CancellationToken ct, bool track = false) =>
        await (track ? db.Set<FollowUpEntry>() : db.Set<FollowUpEntry>().AsNoTracking())
            .Include(e => e.Indicators)
            .Where(e => e.RoundId == roundId && e.AgreementId == agreementId)
            .ToListAsync(ct);

    /// <summary>The party's entry for one commitment, tracked for a change.</summary>
    public async Task<FollowUpEntry?> EntryAsync(PartyContext context, Guid commitmentId, CancellationToken ct) =>
        await db.Set<FollowUpEntry>().Include(e => e.Indicators).FirstOrDefaultAsync(e =>
            e.RoundId == context.Round.Id && e.AgreementId == context.Agreement.Agreement.Id && e.CommitmentId == commitmentId
            && e.OrganizationId == context.Party.Id, ct);

    /// <summary>The evidence currently attached to the entries (removed files are left out).</summary>
    public async Task<ILookup<Guid, EvidenceFile>> EvidenceAsync(IEnumerable<Guid> entryIds, CancellationToken ct)
    {
        var ids = entryIds.ToList();
        return (await db.Set<EvidenceFile>().AsNoTracking().Where(f => ids.Contains(f.EntryId) && f.RemovedAt == null).ToListAsync(ct))
            .OrderBy(f => f.UploadedAt).ToLookup(f => f.EntryId);
    }

    public async Task<FollowUpSubmission?> SubmissionAsync(Guid roundId, Guid agreementId, Guid organizationId, CancellationToken ct, bool track = false) =>
        await (track ? db.Set<FollowUpSubmission>() : db.Set<FollowUpSubmission>().AsNoTracking())
            .FirstOrDefaultAsync(s => s.RoundId == roundId && s.AgreementId == agreementId && s.OrganizationId == organizationId, ct);

    /// <summary>
    /// The party's submission for writing, created as a draft on the first change. Every change bumps its version, so a
    /// save racing a submit or a review fails on the concurrency token instead of changing a locked answer.
    /// </summary>
    public FollowUpSubmission Touch(FollowUpSubmission? submission, PartyContext context, DateTime now)
    {
        if (submission is null)
        {
            submission = new FollowUpSubmission
            {
                RoundId = context.Round.Id, AgreementId = context.Agreement.Agreement.Id, OrganizationId = context.Party.Id,
                Status = SubmissionStatuses.Draft, CreatedAt = now,
            };
            db.Add(submission);
        }
        else
        {
            submission.Version++;
        }
        return submission;
    }

    public static EntrySnapshot Snapshot(FollowUpEntry entry, IEnumerable<EvidenceFile> evidence) => new(
        entry.Status, entry.Progress, entry.Narrative,
        entry.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorValue(i.Name, i.Value, i.Unit)).ToList(),
        evidence.Where(f => f.RemovedAt is null).OrderBy(f => f.UploadedAt).Select(f => new EvidenceRef(f.Id, f.FileName, f.Sha256)).ToList());

    /// <summary>Writes the revision for a change already applied to <paramref name="entry"/> (its version is the one after the change).</summary>
    public void Record(FollowUpEntry entry, EntrySnapshot? before, EntrySnapshot after, string kind, Actor actor, DateTime at) =>
        db.Add(new FollowUpEntryRevision
        {
            EntryId = entry.Id, RoundId = entry.RoundId, AgreementId = entry.AgreementId, CommitmentId = entry.CommitmentId,
            OrganizationId = entry.OrganizationId, Version = entry.Version, Kind = kind, At = at, UserId = actor.UserId, UserName = actor.Name,
            OrganizationCode = actor.OrganizationCode,
            Before = before is null ? null : JsonSerializer.Serialize(before, SnapshotJson),
            After = JsonSerializer.Serialize(after, SnapshotJson),
        });

    public static EntrySnapshot? ReadSnapshot(string? json) => json is null ? null : JsonSerializer.Deserialize<EntrySnapshot>(json, SnapshotJson);

    public static OrganizationRef Ref(Organization o) => new(o.Code, o.DisplayName);

    public static EvidenceView View(EvidenceFile f) =>
        new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedByName, $"/api/v1/evidence/{f.Id}");

    public static EntryView View(FollowUpEntry e, Organization party, IEnumerable<EvidenceFile> evidence) => new(
        e.Id, Ref(party), e.Status, e.Progress, e.Narrative,
        e.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorValue(i.Name, i.Value, i.Unit)).ToList(),
        evidence.Select(View).ToList(), e.Version, e.UpdatedAt, e.UpdatedByName);

    /// <summary>Submitted after the deadline day (Swedish time is close enough to UTC for a whole-day deadline).</summary>
    public static bool Late(FollowUpSubmission? s, FollowUpRound round) =>
        s?.SubmittedAt is { } at && DateOnly.FromDateTime(at) > round.Deadline;

    /// <summary>Orders events of the same instant (the region's own answer is submitted and accepted at once).</summary>
    public static int ReviewAfterSubmit(string kind) => kind is SubmissionStatuses.Accepted or SubmissionStatuses.Returned ? 1 : 0;

    public async Task<SubmissionView> SubmissionViewAsync(FollowUpSubmission? s, PartyContext context, CancellationToken ct)
    {
        var events = s is null
            ? []
            : (await db.Set<FollowUpSubmissionEvent>().AsNoTracking().Where(e => e.SubmissionId == s.Id).ToListAsync(ct))
                .OrderBy(e => e.At).ThenBy(e => ReviewAfterSubmit(e.Kind))
                .Select(e => new SubmissionEventView(e.Kind, e.At, e.UserName, e.Comment)).ToList();
        return new SubmissionView(s?.Id, context.Round.Id, context.Agreement.Agreement.Id, Ref(context.Party), s?.Status ?? SubmissionStatuses.Draft,
            s?.SubmittedAt, s?.SubmittedByName, Late(s, context.Round), s?.ReviewedAt, s?.ReviewedByName, s?.ReviewComment, events);
    }
}
