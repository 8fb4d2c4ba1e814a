using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record VersionSummary(int Number, DateTime CreatedAt, string CreatedBy, string? CreatedByOrganization, string? Note, string Hash,
    bool IsCurrent, bool IsAgreed, bool IsSigned, IReadOnlyList<string> ApprovedBy);

/// <summary>Every saved version with who made it and when; the public sees only the signed ones.</summary>
public sealed class ListAgreementVersions(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<IReadOnlyList<VersionSummary>>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var loaded = await store.FindAsync(id, ct, track: false);
        if (loaded is null) return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        var seesWork = loaded.CanSeeWork(actors.Current);
        if (!seesWork && loaded.Agreement.SignedVersion is null) return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        var a = loaded.Agreement;
        var signedVersions = (await store.SignaturesAsync(id, ct)).Select(s => s.Version).Distinct().ToList();
        var approvals = await store.ApprovalsAsync(id, ct);
        var codes = loaded.Parties.ToDictionary(p => p.Id, p => p.Code);
        var versions = await db.Set<AgreementVersion>().AsNoTracking().Where(v => v.AgreementId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.CreatedAt, v.CreatedByName, v.CreatedByOrganizationCode, v.Note, v.Hash }).ToListAsync(ct);
        return versions
            .Where(v => seesWork || v.Number == a.SignedVersion || (signedVersions.Contains(v.Number) && v.Number < a.CurrentVersion))
            .Select(v => new VersionSummary(v.Number, v.CreatedAt, v.CreatedByName, v.CreatedByOrganizationCode, v.Note, v.Hash,
                v.Number == a.CurrentVersion, v.Number == a.AgreedVersion, v.Number == a.SignedVersion,
                approvals.Where(x => x.Version == v.Number).Select(x => codes.GetValueOrDefault(x.OrganizationId, "?")).ToList()))
            .ToList();
    }
}
