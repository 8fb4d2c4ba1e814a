using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

/// <summary>
/// Opens an amendment of a signed agreement: a new draft version copied from the signed one. The signed
/// version stays in force (and public) until the amendment is agreed and signed in its turn.
/// </summary>
public sealed class StartAmendment(SamverkanDb db, ActorContext actors, AgreementStore store) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(Guid id, string? note, CancellationToken ct = default)
    {
        var found = await store.FindForWriteAsync(id, actors.Current, ct);
        if (!found.IsSuccess) return found.Error!;
        var agreement = found.Value.Agreement;
        if (agreement.Status != AgreementStatuses.Signed || agreement.SignedVersion is null)
            return Error.Conflict("agreement.not-signed", "Bara en undertecknad överenskommelse kan ändras genom tillägg.");
        var signed = (await store.VersionAsync(id, agreement.SignedVersion.Value, ct))!;
        var content = AgreementJson.Deserialize(signed.ContentJson)!;
        agreement.Status = AgreementStatuses.Draft;
        agreement.AgreedVersion = null;
        var version = store.AddVersion(agreement, content, actors.Current, note ?? $"Ändring av version {signed.Number}");
        await db.SaveChangesAsync(ct);
        return await store.ViewAsync(agreement, version, ct);
    }
}
