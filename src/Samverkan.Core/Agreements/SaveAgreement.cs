using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record SaveAgreementCommand(Guid Id, int BaseVersion, AgreementContent Content, IReadOnlyList<string> PartyCodes, string? Note = null);

/// <summary>
/// Saves the full content as a new immutable version. The caller names the version it edited; if someone
/// saved in between, nothing is written and the answer says what changed since (no edit is silently lost).
/// </summary>
public sealed class SaveAgreement(SamverkanDb db, ActorContext actors, AgreementStore store, DiffAgreementVersions diff) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(SaveAgreementCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.FindForWriteAsync(command.Id, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var agreement = found.Value.Agreement;
        if (agreement.Status is AgreementStatuses.Signed)
            return Error.Conflict("agreement.signed", "Överenskommelsen är undertecknad och kan inte ändras. Starta en ändring (tillägg) i stället.");
        if (agreement.Status is AgreementStatuses.Withdrawn)
            return Error.Conflict("agreement.withdrawn", "Överenskommelsen är återkallad och kan inte ändras.");
        if (command.BaseVersion != agreement.CurrentVersion)
            return await StaleAsync(agreement, command.BaseVersion, ct);

        var checkedContent = await new AgreementRules(db).CheckAsync(command.Content with { Kind = agreement.Kind }, command.PartyCodes, ct);
        if (!checkedContent.IsSuccess) return checkedContent.Error!;
        var partyIds = checkedContent.Value.Parties.Select(p => p.Id).ToList();
        if (!partyIds.OrderBy(x => x).SequenceEqual(agreement.Parties.Select(p => p.OrganizationId).OrderBy(x => x)))
            return Error.Validation("agreement.parties-changed", "Parterna kan inte bytas i en befintlig överenskommelse.", "parties");

        // An edit after both approved reopens the negotiation: approvals were for the old text.
        if (agreement.Status == AgreementStatuses.Agreed)
        {
            agreement.Status = AgreementStatuses.Negotiation;
            agreement.AgreedVersion = null;
        }
        var version = store.AddVersion(agreement, checkedContent.Value.Content, actor, command.Note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Data.NulInTextException.In(e) is null) // a NUL is bad input (Data/NulGuard), not a conflict
        {
            // Someone saved the same version at the same moment (the version number is unique and the
            // agreement's current version is a concurrency token): theirs stands, ours is answered as stale.
            db.ChangeTracker.Clear();
            return await StaleAsync((await store.FindAsync(command.Id, ct, track: false))!.Agreement, command.BaseVersion, ct);
        }
        return await store.ViewAsync(agreement, version, ct);
    }

    private async Task<Error> StaleAsync(Agreement agreement, int baseVersion, CancellationToken ct)
    {
        var changes = baseVersion >= 1 && baseVersion < agreement.CurrentVersion
            ? await diff.ExecuteAsync(agreement.Id, baseVersion, agreement.CurrentVersion, ct)
            : default;
        var diffResult = changes.IsSuccess ? changes.Value : null;
        var changed = diffResult?.Segments.Where(c => c.Op != "equal").Select(c => new { op = c.Op, text = c.Text }).ToList();
        return Error.Conflict("agreement.stale",
            $"Överenskommelsen har sparats i version {agreement.CurrentVersion} sedan du började (du utgick från version {baseVersion}). " +
            "Inget av ditt har sparats. Hämta den senaste versionen och gör om ändringen.") with
        {
            Extensions = new Dictionary<string, object?>
            {
                ["currentVersion"] = agreement.CurrentVersion,
                ["yourVersion"] = baseVersion,
                ["changesSince"] = changed,
            },
        };
    }
}
