using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// An evidence file's bytes, for download by the agreement's parties and the region's staff (also a removed file, so
/// earlier revisions can be checked). Others are told it does not exist.
/// </summary>
public sealed class GetEvidence(SamverkanDb db, ActorContext actors, FollowUpStore store, IEvidenceStore files) : IUseCase
{
    public async Task<Result<EvidenceDownload>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var file = await db.Set<EvidenceFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        var entry = file is null ? null : await db.Set<FollowUpEntry>().AsNoTracking().FirstAsync(e => e.Id == file.EntryId, ct);
        var round = entry is null ? null : await store.FindRoundAsync(entry.RoundId, ct);
        if (file is null || entry is null || round is null) return NotFound();
        // Visibility goes by the agreement's parties, not by the round's current scope, so a file stays reachable after amendments.
        var partyIds = await db.Set<Agreements.AgreementParty>().AsNoTracking().Where(p => p.AgreementId == entry.AgreementId)
            .Select(p => p.OrganizationId).ToListAsync(ct);
        var sees = actor.IsStaffOfRegion(round.RegionId) || actor.IsOperator || (actor.OrganizationId is { } org && partyIds.Contains(org));
        if (!sees) return NotFound();
        var stream = await files.OpenAsync(file.StorageKey, ct);
        if (stream is null)
            return Error.NotFound("evidence.content-missing", "Filens innehåll saknas i lagringen. Kontakta den som driver Samverkan.");
        return new EvidenceDownload(stream, file.FileName, file.ContentType, file.Size, file.Sha256);
    }

    private static Error NotFound() => Error.NotFound("evidence.not-found", "Underlaget finns inte.");
}
