using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record ReceiptEvent(string Type, int Version, string Party, string PartyName, string? SignatoryName, string? Role,
    string? Place, DateOnly? Date, string Account, DateTime At, string? IpAddress, string? UserAgent, string? Method, string? VersionHash, bool? HashMatches);

public sealed record SigningReceipt(Guid AgreementId, string Title, string Status, int? AgreedVersion, int? SignedVersion,
    string? VersionHash, bool HashMatches, IReadOnlyList<ReceiptEvent> Timeline);

/// <summary>
/// The signing receipt: every approval and signature in time order, and a fresh check that the stored
/// version still hashes to what each signature was made over.
/// </summary>
public sealed class GetSigningReceipt(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<SigningReceipt>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var loaded = await store.FindAsync(id, ct, track: false);
        if (loaded is null || (!loaded.CanSeeWork(actors.Current) && loaded.Agreement.SignedVersion is null))
            return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        var a = loaded.Agreement;
        var seesWork = loaded.CanSeeWork(actors.Current);
        var parties = loaded.Parties.ToDictionary(p => p.Id);
        var versions = await db.Set<AgreementVersion>().AsNoTracking().Where(v => v.AgreementId == id)
            .ToDictionaryAsync(v => v.Number, ct);
        // Recompute from the stored text, so a changed row is caught, not just a changed hash column.
        bool Matches(int number, string hash) => versions.TryGetValue(number, out var v) && AgreementStore.HashOf(v.ContentJson) == hash && v.Hash == hash;

        var approvals = await db.Set<AgreementApproval>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct);
        var signatures = await db.Set<AgreementSignature>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct);
        var events = approvals.Select(x => new ReceiptEvent("approval", x.Version, parties[x.OrganizationId].Code, parties[x.OrganizationId].DisplayName,
                null, null, null, null, x.UserName, x.At, seesWork ? x.IpAddress : null, seesWork ? x.UserAgent : null, null, null, null))
            .Concat(signatures.Select(s => new ReceiptEvent("signature", s.Version, parties[s.OrganizationId].Code, parties[s.OrganizationId].DisplayName,
                s.Name, s.Role, s.Place, s.Date, s.UserName, s.At, seesWork ? s.IpAddress : null, seesWork ? s.UserAgent : null, s.Method, s.VersionHash,
                Matches(s.Version, s.VersionHash))))
            .Where(e => seesWork || e.Version == a.SignedVersion)
            .OrderBy(e => e.At).ToList();
        var shown = a.SignedVersion ?? a.AgreedVersion;
        var hash = shown is { } n && versions.TryGetValue(n, out var sv) ? sv.Hash : null;
        var allMatch = signatures.Count > 0 && events.Where(e => e.Type == "signature").All(e => e.HashMatches == true)
            && (hash is null || Matches(shown!.Value, hash));
        return new SigningReceipt(a.Id, a.Title, store.EffectiveStatus(a), a.AgreedVersion, a.SignedVersion, hash, allMatch, events);
    }
}
