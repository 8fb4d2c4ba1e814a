using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record SignAgreementCommand(Guid Id, int Version, string Name, string? Role, string? Place, DateOnly? Date, string Method = "electronic");

/// <summary>
/// Signs the agreed version for the caller's party, binding the signature to the SHA-256 of that version's
/// canonical JSON. When every party has signed, the agreement is signed and that version is in force.
/// </summary>
public sealed class SignAgreement(
    SamverkanDb db, ActorContext actors, AgreementStore store, AgreementNotifier notify, TimeProvider clock,
    IEnumerable<ISignatureProvider> providers, SamverkanMetrics metrics) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(SignAgreementCommand command, RequestInfo request, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.FindForWriteAsync(command.Id, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (agreement, parties, _) = found.Value;
        var party = found.Value.ActingParty(actor);
        if (party is null) return Error.Forbidden("Bara en part kan skriva under för sin egen organisation.");
        var provider = providers.FirstOrDefault(p => p.Method == command.Method);
        if (provider is null)
            return Error.Validation("signature.method-invalid", "Sättet att skriva under måste vara electronic eller paper.", "method");
        if (!provider.MayBeUsedBy(actor)) return Error.Forbidden("Du får inte registrera underskrifter på det sättet.");
        if (string.IsNullOrWhiteSpace(command.Name))
            return Error.Validation("signature.name-required", "Ange undertecknarens namn.", "name");
        if (agreement.Status != AgreementStatuses.Agreed || agreement.AgreedVersion is null)
            return Error.Conflict("agreement.not-agreed", "Bara en överenskommen version kan skrivas under. Alla parter måste först godkänna samma version.");
        if (command.Version != agreement.AgreedVersion)
            return Error.Conflict("agreement.version-not-agreed", $"Version {command.Version} är inte den överenskomna (version {agreement.AgreedVersion}).");
        var signatures = await db.Set<AgreementSignature>().Where(s => s.AgreementId == command.Id && s.Version == command.Version).ToListAsync(ct);
        if (signatures.Any(s => s.OrganizationId == party.Id))
            return Error.Conflict("agreement.already-signed-by-party", $"{party.DisplayName} har redan skrivit under version {command.Version}.");

        var version = (await store.VersionAsync(command.Id, command.Version, ct))!;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new AgreementSignature
        {
            AgreementId = command.Id, Version = command.Version, OrganizationId = party.Id,
            Name = command.Name.Trim(), Role = command.Role?.Trim(), Place = command.Place?.Trim(), Date = command.Date ?? DateOnly.FromDateTime(now),
            Method = provider.Method, Provider = provider.Name, UserId = actor.UserId!, UserName = actor.Name, At = now,
            VersionHash = version.Hash, IpAddress = request.IpAddress, UserAgent = ApproveAgreement.Trim(request.UserAgent),
        });
        var signedBy = signatures.Select(s => s.OrganizationId).Append(party.Id).ToHashSet();
        if (parties.All(p => signedBy.Contains(p.Id)))
        {
            agreement.Status = AgreementStatuses.Signed;
            agreement.SignedVersion = command.Version;
            notify.Queue(agreement, parties, actor, NotificationKind.Signed, $"Undertecknad: {agreement.Title}",
                $"Alla parter har skrivit under version {command.Version}. Överenskommelsen är nu offentlig.");
        }
        else
        {
            notify.Queue(agreement, parties, actor, NotificationKind.SignatureRequested, $"Underskrift väntar: {agreement.Title}",
                $"{party.DisplayName} har skrivit under version {command.Version}. Nu väntar vi på er underskrift.");
        }
        agreement.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (agreement.Status == AgreementStatuses.Signed) metrics.AgreementSigned(agreement.Kind);
        return await store.ViewAsync(agreement, version, ct);
    }
}
