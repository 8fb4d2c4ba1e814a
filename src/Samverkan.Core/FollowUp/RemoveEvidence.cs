using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// A committing party's officer removes a file from its entry (same rules as saving the entry). The file row and bytes
/// are kept, marked removed, so the revision history still points at what was there.
/// </summary>
public sealed class RemoveEvidence(SamverkanDb db, ActorContext actors, FollowUpStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<Done>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var file = await db.Set<EvidenceFile>().FirstOrDefaultAsync(f => f.Id == id && f.RemovedAt == null, ct);
        var entry = file is null ? null : await db.Set<FollowUpEntry>().AsNoTracking().FirstAsync(e => e.Id == file.EntryId, ct);
        if (file is null || entry is null) return Error.NotFound("evidence.not-found", "Underlaget finns inte.");
        var partyCode = await db.Organizations.Where(o => o.Id == entry.OrganizationId).Select(o => o.Code).FirstAsync(ct);
        var found = await SaveFollowUpEntry.FindAsync(store, entry.RoundId, entry.CommitmentId, entry.AgreementId, partyCode, actor, ct);
        if (!found.IsSuccess) return found.Error!.Kind == ErrorKind.NotFound ? Error.NotFound("evidence.not-found", "Underlaget finns inte.") : found.Error!;
        var (context, commitment, submission) = found.Value;

        var tracked = (await store.EntryAsync(context, commitment.Id, ct))!;
        var evidence = (await store.EvidenceAsync([tracked.Id], ct))[tracked.Id].ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = FollowUpStore.Snapshot(tracked, evidence);
        file.RemovedAt = now;
        file.RemovedByName = actor.Name;
        tracked.Version++;
        tracked.UpdatedAt = now;
        tracked.UpdatedByUserId = actor.UserId;
        tracked.UpdatedByName = actor.Name;
        store.Record(tracked, before, FollowUpStore.Snapshot(tracked, evidence.Where(f => f.Id != file.Id)), RevisionKinds.EvidenceRemoved, actor, now);
        store.Touch(submission, context, now);
        if (await SaveFollowUpEntry.SaveAsync(db, ct) is { } conflict) return conflict;
        return Done.Value;
    }
}
