using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

/// <summary>
/// An agreement as canonical JSON: the latest version for parties and the region's staff, the version in
/// force for everyone else (404 while it has never been signed).
/// </summary>
public sealed class GetAgreement(AgreementStore store, ActorContext actors) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(Guid id, int? versionNumber = null, CancellationToken ct = default)
    {
        var loaded = await store.FindAsync(id, ct, track: false);
        if (loaded is null) return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        var a = loaded.Agreement;
        int number;
        if (loaded.CanSeeWork(actors.Current)) number = versionNumber ?? a.CurrentVersion;
        else if (a.SignedVersion is { } signed && (versionNumber is null || versionNumber == signed)) number = signed;
        else return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        var version = await store.VersionAsync(id, number, ct);
        if (version is null) return Error.NotFound("agreement.version-not-found", $"Version {number} finns inte.");
        return await store.ViewAsync(a, version, ct);
    }
}

/// <summary>The public view: only the signed version in force, for anyone; 404 for drafts.</summary>
public sealed class GetPublicAgreement(AgreementStore store) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var loaded = await store.FindAsync(id, ct, track: false);
        if (loaded?.Agreement.SignedVersion is not { } signed) return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte eller är inte undertecknad.");
        return await store.ViewAsync(loaded.Agreement, (await store.VersionAsync(id, signed, ct))!, ct);
    }
}
