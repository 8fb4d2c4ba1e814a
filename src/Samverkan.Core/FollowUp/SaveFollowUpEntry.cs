using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <param name="BaseVersion">The entry version the caller edited: 0 or null for a new entry, required once it exists.</param>
/// <param name="AgreementId">Needed only when the commitment id is found in two agreements of the round.</param>
/// <param name="PartyCode">Which committing party answers; by default the caller's organization.</param>
public sealed record SaveFollowUpEntryCommand(
    Guid RoundId, Guid CommitmentId, string? Status, int? Progress, string? Narrative, IReadOnlyList<IndicatorValueInput>? Indicators,
    int? BaseVersion, Guid? AgreementId = null, string? PartyCode = null);

/// <summary>
/// A committing party's officer records how one commitment stands: status, progress, narrative and indicator values.
/// Every change is kept as a revision; a save that changes nothing writes nothing.
/// </summary>
public sealed class SaveFollowUpEntry(SamverkanDb db, ActorContext actors, FollowUpStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<EntryView>> ExecuteAsync(SaveFollowUpEntryCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await FindAsync(store, command.RoundId, command.CommitmentId, command.AgreementId, command.PartyCode, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (context, commitment, submission) = found.Value;

        var checkedEntry = FollowUpRules.Check(command.Status, command.Progress, command.Narrative, command.Indicators);
        if (!checkedEntry.IsSuccess) return checkedEntry.Error!;
        var values = checkedEntry.Value;

        var applied = await ApplyAsync(db, store, context, commitment, submission, values, command.BaseVersion, actor, clock.GetUtcNow().UtcDateTime, ct);
        if (!applied.IsSuccess) return applied.Error!;
        if (!applied.Value.Changed) return applied.Value.View;
        if (await SaveAsync(db, ct) is { } conflict) return conflict;
        return applied.Value.View;
    }

    /// <summary>
    /// Applies checked values to the party's entry without saving: creates or changes it, writes the revision and
    /// touches the submission. <paramref name="baseVersion"/> null skips the stale check once an entry exists only when
    /// <paramref name="overwrite"/> is set (the CSV import, whose file is the party's whole answer).
    /// </summary>
    /// <param name="loaded">The entry (tracked) and its evidence when the caller has read them already, as the import does for all its
    /// lines in two queries instead of two per line.</param>
    internal static async Task<Result<(EntryView View, bool Changed, FollowUpSubmission? Submission)>> ApplyAsync(
        SamverkanDb db, FollowUpStore store, PartyContext context, ScopedCommitment commitment, FollowUpSubmission? submission,
        FollowUpRules.CheckedEntry values, int? baseVersion, Actor actor, DateTime now, CancellationToken ct, bool overwrite = false,
        (FollowUpEntry? Entry, List<EvidenceFile> Evidence)? loaded = null)
    {
        var entry = loaded is { } known ? known.Entry : await store.EntryAsync(context, commitment.Id, ct);
        var evidence = loaded?.Evidence ?? (entry is null ? [] : (await store.EvidenceAsync([entry.Id], ct))[entry.Id].ToList());
        if (entry is not null && baseVersion is null && !overwrite)
            return Error.Validation("follow-up.version-required",
                $"Åtagandets uppföljning finns redan (version {entry.Version}). Ange vilken version du utgår från.", "version");
        if (!overwrite && (entry?.Version ?? 0) != (baseVersion ?? 0))
            return FollowUpErrors.Stale(entry?.Version ?? 0, baseVersion, entry is null ? null : FollowUpStore.View(entry, context.Party, evidence));

        var before = entry is null ? null : FollowUpStore.Snapshot(entry, evidence);
        if (entry is null)
        {
            entry = new FollowUpEntry
            {
                RoundId = context.Round.Id, AgreementId = context.Agreement.Agreement.Id, CommitmentId = commitment.Id,
                OrganizationId = context.Party.Id, Status = values.Status, UpdatedByName = actor.Name,
            };
            db.Add(entry);
        }
        Apply(entry, values);
        var after = FollowUpStore.Snapshot(entry, evidence);
        if (before is not null && Same(before, after)) return (FollowUpStore.View(entry, context.Party, evidence), false, submission);

        entry.UpdatedAt = now;
        entry.UpdatedByUserId = actor.UserId;
        entry.UpdatedByName = actor.Name;
        if (before is not null) entry.Version++;
        store.Record(entry, before, after, before is null ? RevisionKinds.Created : RevisionKinds.Updated, actor, now);
        submission = store.Touch(submission, context, now);
        return (FollowUpStore.View(entry, context.Party, evidence), true, submission);
    }

    /// <summary>
    /// The checks every change to an entry shares (saving it, adding or removing evidence): round, commitment, party,
    /// the caller acts for that party and holds the commitment, round open, answer not submitted or accepted.
    /// </summary>
    internal static async Task<Result<(PartyContext Context, ScopedCommitment Commitment, FollowUpSubmission? Submission)>> FindAsync(
        FollowUpStore store, Guid roundId, Guid commitmentId, Guid? agreementId, string? partyCode, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var round = await store.FindRoundAsync(roundId, ct);
        if (round is null) return FollowUpErrors.RoundNotFound();
        var scope = await store.ScopeAsync(round, ct, agreementId);
        var match = FollowUpStore.FindCommitment(scope, commitmentId, agreementId);
        if (!match.IsSuccess) return match.Error!;
        var (agreement, commitment) = match.Value;
        // Someone outside the agreement learns nothing about its commitments' answers.
        if (!scope.Sees(actor, agreement)) return FollowUpErrors.NotYourParty();
        var resolved = FollowUpStore.ResolveParty(scope, agreement, partyCode, actor);
        if (!resolved.IsSuccess) return resolved.Error!;
        var context = resolved.Value;
        if (!actor.ActsFor(context.Party.Id)) return FollowUpErrors.NotYourParty();
        if (!commitment.IsHeldBy(context.Party.Id))
            return Error.Validation("follow-up.commitment-not-held",
                $"Åtagandet har getts av {string.Join(" och ", commitment.Parties.Select(p => p.DisplayName))}, inte av {context.Party.DisplayName}. "
                + "Bara den som gett ett åtagande följer upp det.", "commitmentId");
        var submission = await store.SubmissionAsync(round.Id, agreement.Agreement.Id, context.Party.Id, ct, track: true);
        if (FollowUpStore.CheckWrite(context, submission, actor) is { } refused) return refused;
        return (context, commitment, submission);
    }

    /// <summary>Saves; a concurrent change to the same entry or submission (the version tokens, the unique index) answers 409.</summary>
    internal static async Task<Error?> SaveAsync(SamverkanDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        // A NUL in text is bad input, not a concurrent change: it goes on to the front end's 400 (Data/NulGuard).
        catch (DbUpdateException e) when (Data.NulInTextException.In(e) is null)
        {
            db.ChangeTracker.Clear();
            return FollowUpErrors.SubmissionBusy();
        }
    }

    private static void Apply(FollowUpEntry entry, FollowUpRules.CheckedEntry values)
    {
        entry.Status = values.Status;
        entry.Progress = values.Progress;
        entry.Narrative = values.Narrative;
        // Rows are reused by position, so an unchanged list is no change (and writes no audit rows).
        var rows = entry.Indicators.OrderBy(i => i.SortOrder).ToList();
        for (var i = 0; i < values.Indicators.Count; i++)
        {
            var v = values.Indicators[i];
            if (i < rows.Count)
            {
                rows[i].Name = v.Name;
                rows[i].Value = v.Value;
                rows[i].Unit = v.Unit;
                rows[i].SortOrder = i;
            }
            else
            {
                entry.Indicators.Add(new FollowUpIndicatorValue { EntryId = entry.Id, SortOrder = i, Name = v.Name, Value = v.Value, Unit = v.Unit });
            }
        }
        foreach (var extra in rows.Skip(values.Indicators.Count)) entry.Indicators.Remove(extra);
    }

    private static bool Same(EntrySnapshot a, EntrySnapshot b) =>
        a.Status == b.Status && a.Progress == b.Progress && a.Narrative == b.Narrative
        && a.Indicators.SequenceEqual(b.Indicators) && a.Evidence.SequenceEqual(b.Evidence);
}
