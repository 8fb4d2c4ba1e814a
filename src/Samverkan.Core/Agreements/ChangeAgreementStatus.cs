using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

/// <summary>
/// Moves an agreement along its lifecycle: draft ⇄ negotiation, and withdrawn from any unsigned state.
/// Agreed and signed are reached only by approvals and signatures; active and expired follow from the period.
/// </summary>
public sealed class ChangeAgreementStatus(SamverkanDb db, ActorContext actors, AgreementStore store, AgreementNotifier notify, TimeProvider clock) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(Guid id, string to, CancellationToken ct = default)
    {
        var found = await store.FindForWriteAsync(id, actors.Current, ct);
        if (!found.IsSuccess) return found.Error!;
        var (agreement, parties, _) = found.Value;
        var from = agreement.Status;
        var allowed = (from, to) switch
        {
            (AgreementStatuses.Draft, AgreementStatuses.Negotiation) => true,
            (AgreementStatuses.Negotiation, AgreementStatuses.Draft) => true,
            (AgreementStatuses.Draft or AgreementStatuses.Negotiation or AgreementStatuses.Agreed, AgreementStatuses.Withdrawn) => true,
            _ => false,
        };
        if (!allowed)
        {
            var hint = to switch
            {
                AgreementStatuses.Agreed => " En överenskommelse blir överenskommen när alla parter har godkänt samma version.",
                AgreementStatuses.Signed => " En överenskommelse blir undertecknad när alla parter har skrivit under den överenskomna versionen.",
                AgreementStatuses.Active or AgreementStatuses.Expired => " Giltig och utgången följer av perioden.",
                _ => "",
            };
            return Error.Conflict("agreement.transition-invalid", $"Det går inte att gå från {from} till {to}.{hint}");
        }
        agreement.Status = to;
        if (to != AgreementStatuses.Agreed) agreement.AgreedVersion = null;
        agreement.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (to == AgreementStatuses.Negotiation)
            notify.Queue(agreement, parties, actors.Current, NotificationKind.ReviewRequested,
                $"Granska: {agreement.Title}", $"{actors.Current.Name} har lagt fram version {agreement.CurrentVersion} för förhandling.");
        await db.SaveChangesAsync(ct);
        var version = (await store.VersionAsync(id, agreement.CurrentVersion, ct))!;
        return await store.ViewAsync(agreement, version, ct);
    }
}
