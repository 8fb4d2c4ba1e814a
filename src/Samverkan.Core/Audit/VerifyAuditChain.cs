using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Audit;

/// <summary>Where the chain first stops holding: the row's id, its position (if any) and why.</summary>
public sealed record AuditChainBreak(long EntryId, long? Sequence, string Reason);

/// <summary>
/// The outcome of a check. <see cref="HeadHash"/> is worth writing down somewhere else: the chain itself
/// cannot show that entries were cut off its end, but a recorded head that is no longer in the log can.
/// </summary>
public sealed record AuditChainReport(long Entries, long HeadSequence, string HeadHash, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Recomputes the whole audit chain: positions 1, 2, 3, … without gaps, each entry's previous hash equal to
/// the hash before it, and each hash equal to the hash of the entry's stored fields. Operator only (CLI).
/// </summary>
public sealed class VerifyAuditChain(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<AuditChainReport>> ExecuteAsync(CancellationToken ct = default)
    {
        if (actors.Current.Require(actors.Current.IsOperator) is { } refused) return refused;

        var total = await db.AuditLog.LongCountAsync(ct);
        var unchained = await db.AuditLog.AsNoTracking()
            .Where(a => a.Sequence == null || a.Hash == null || a.PreviousHash == null)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Sequence }).FirstOrDefaultAsync(ct);

        long expected = 1;
        var previous = AuditChain.Genesis;
        AuditChainBreak? firstBreak = null;
        // Streamed in position order, so a large log is checked without holding it in memory.
        await foreach (var entry in db.AuditLog.AsNoTracking().Where(a => a.Sequence != null).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var reason = entry.Sequence != expected
                ? entry.Sequence < expected
                    ? $"löpnummer {entry.Sequence} kommer efter {expected - 1} (ordningen är ändrad)"
                    : $"löpnummer {expected}{(entry.Sequence - 1 > expected ? $"–{entry.Sequence - 1}" : "")} saknas (poster borttagna)"
                : entry.PreviousHash != previous
                    ? "föregående hash stämmer inte med posten före (poster borttagna, ändrade eller omflyttade)"
                    : entry.Hash != AuditChain.ComputeHash(entry, previous)
                        ? "innehållet stämmer inte med postens hash (fält ändrade i databasen)"
                        : null;
            if (reason is not null)
            {
                firstBreak = new AuditChainBreak(entry.Id, entry.Sequence, reason);
                break;
            }
            previous = entry.Hash!;
            expected++;
        }

        if (firstBreak is null && unchained is not null)
            firstBreak = new AuditChainBreak(unchained.Id, unchained.Sequence, "posten saknar löpnummer eller hash (inte kedjad)");
        return new AuditChainReport(total, expected - 1, previous, firstBreak);
    }
}
