using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

/// <summary>
/// What the current actor may do with an agreement right now, and where it stands (raw status, the
/// current, agreed and signed version, who has approved and signed). Front ends read it to offer only
/// the actions the use cases will accept; the use cases still decide.
/// </summary>
public sealed record AgreementActions(
    Guid Id,
    string Status,
    string EffectiveStatus,
    int CurrentVersion,
    int? AgreedVersion,
    int? SignedVersion,
    bool SeesWork,
    string? ActingPartyCode,
    bool CanEdit,
    bool CanSendToNegotiation,
    bool CanReturnToDraft,
    bool CanWithdraw,
    bool CanApprove,
    bool CanComment,
    bool CanPropose,
    bool CanAnswerProposals,
    IReadOnlyList<string> SignatureMethods,
    bool CanAmend,
    IReadOnlyList<string> ApprovedCurrentBy,
    IReadOnlyList<string> SignedAgreedBy)
{
    public bool CanSign => SignatureMethods.Count > 0;

    /// <summary>The template the agreement was drafted from, shown only to those who see the work (its departures are work).</summary>
    public Guid? TemplateId { get; init; }
}

/// <summary>Mirrors the checks of ChangeAgreementStatus, SaveAgreement, ApproveAgreement, SignAgreement, StartAmendment and the negotiation.</summary>
public sealed class GetAgreementActions(ActorContext actors, AgreementStore store, IEnumerable<ISignatureProvider> providers) : IUseCase
{
    public async Task<Result<AgreementActions>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var loaded = await store.FindAsync(id, ct, track: false);
        if (loaded is null || (!loaded.CanSeeWork(actor) && loaded.Agreement.SignedVersion is null))
            return Error.NotFound("agreement.not-found", "Överenskommelsen finns inte.");
        var a = loaded.Agreement;
        var seesWork = loaded.CanSeeWork(actor);
        var writes = seesWork && loaded.CanWrite(actor);
        var party = seesWork ? loaded.ActingParty(actor) : null;
        var codes = loaded.Parties.ToDictionary(p => p.Id, p => p.Code);

        var approvedBy = (await store.ApprovalsAsync(id, ct)).Where(x => x.Version == a.CurrentVersion).Select(x => x.OrganizationId).ToList();
        var signedBy = a.AgreedVersion is { } agreed
            ? (await store.SignaturesAsync(id, ct)).Where(x => x.Version == agreed).Select(x => x.OrganizationId).ToList()
            : [];

        var open = a.Status is AgreementStatuses.Draft or AgreementStatuses.Negotiation;
        var methods = party is not null && a.Status == AgreementStatuses.Agreed && a.AgreedVersion is not null && !signedBy.Contains(party.Id)
            ? providers.Where(p => p.MayBeUsedBy(actor)).Select(p => p.Method).ToList()
            : [];
        return new AgreementActions(
            a.Id, a.Status, store.EffectiveStatus(a), a.CurrentVersion, a.AgreedVersion, a.SignedVersion, seesWork, party?.Code,
            CanEdit: writes && a.Status is AgreementStatuses.Draft or AgreementStatuses.Negotiation or AgreementStatuses.Agreed,
            CanSendToNegotiation: writes && a.Status == AgreementStatuses.Draft,
            CanReturnToDraft: writes && a.Status == AgreementStatuses.Negotiation,
            CanWithdraw: writes && a.Status is AgreementStatuses.Draft or AgreementStatuses.Negotiation or AgreementStatuses.Agreed,
            CanApprove: party is not null && a.Status == AgreementStatuses.Negotiation && !approvedBy.Contains(party.Id),
            CanComment: party is not null,
            CanPropose: party is not null && open,
            CanAnswerProposals: party is not null,
            SignatureMethods: methods,
            CanAmend: writes && a.Status == AgreementStatuses.Signed && a.SignedVersion is not null,
            ApprovedCurrentBy: approvedBy.Select(o => codes.GetValueOrDefault(o, "?")).ToList(),
            SignedAgreedBy: signedBy.Select(o => codes.GetValueOrDefault(o, "?")).ToList())
        {
            TemplateId = seesWork ? a.TemplateId : null,
        };
    }
}
