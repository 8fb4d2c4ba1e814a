using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// The region's staff close a round: no more entries or submissions (reviews of what is already submitted may still be
/// accepted). The agreements and versions it covered are frozen, so later amendments do not change a closed year.
/// </summary>
public sealed class CloseFollowUpRound(SamverkanDb db, ActorContext actors, FollowUpStore store, GetFollowUpRound get, TimeProvider clock) : IUseCase
{
    public async Task<Result<FollowUpRoundView>> ExecuteAsync(Guid roundId, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var round = await store.FindRoundAsync(roundId, ct, track: true);
        if (round is null) return FollowUpErrors.RoundNotFound();
        if (!actor.IsStaffOfRegion(round.RegionId)) return Error.Forbidden("Bara regionens handläggare kan stänga uppföljningen.");
        if (round.Status == RoundStatuses.Closed)
            return Error.Conflict("follow-up.round-already-closed", $"Uppföljningen för {round.Year} är redan stängd.");

        foreach (var (agreementId, version) in await store.AgreementsInForceAsync(round, ct))
            db.Add(new FollowUpRoundAgreement { RoundId = round.Id, AgreementId = agreementId, Version = version });
        round.Status = RoundStatuses.Closed;
        round.ClosedAt = clock.GetUtcNow().UtcDateTime;
        round.ClosedByName = actor.Name;
        round.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Data.NulInTextException.In(e) is null) // a NUL is bad input (Data/NulGuard), not a conflict
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("follow-up.round-already-closed", $"Uppföljningen för {round.Year} stängdes samtidigt av någon annan.");
        }
        return await get.ExecuteAsync(round.Id, ct);
    }
}
