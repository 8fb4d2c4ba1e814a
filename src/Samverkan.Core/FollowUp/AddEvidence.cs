using System.Security.Cryptography;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

public sealed record AddEvidenceCommand(
    Guid RoundId, Guid CommitmentId, string? FileName, byte[] Content, Guid? AgreementId = null, string? PartyCode = null);

/// <summary>
/// A committing party's officer attaches a file to its entry for a commitment (the entry must exist: status first).
/// The file is checked (size, type by content), stored by its SHA-256 outside the web root, and the change is a revision.
/// </summary>
public sealed class AddEvidence(SamverkanDb db, ActorContext actors, FollowUpStore store, IEvidenceStore files, EvidenceOptions options, TimeProvider clock)
    : IUseCase
{
    public async Task<Result<EvidenceView>> ExecuteAsync(AddEvidenceCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await SaveFollowUpEntry.FindAsync(store, command.RoundId, command.CommitmentId, command.AgreementId, command.PartyCode, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (context, commitment, submission) = found.Value;
        var checkedFile = EvidenceTypes.Check(command.FileName, command.Content, options);
        if (!checkedFile.IsSuccess) return checkedFile.Error!;
        var (type, fileName) = checkedFile.Value;
        if (fileName.Length == 0 || Path.GetFileNameWithoutExtension(fileName).Length == 0) fileName = "underlag" + type.Extensions[0];

        var entry = await store.EntryAsync(context, commitment.Id, ct);
        if (entry is null)
            return Error.Conflict("follow-up.entry-required", "Spara först en status för åtagandet, sedan kan du lägga till underlag.");
        var evidence = (await store.EvidenceAsync([entry.Id], ct))[entry.Id].ToList();
        if (evidence.Count >= MaxFilesPerEntry)
            return Error.Validation("evidence.too-many", $"Högst {MaxFilesPerEntry} filer per åtagande. Ta bort någon först.", "file");

        var sha = Convert.ToHexStringLower(SHA256.HashData(command.Content));
        // The bytes are written before the row: if the save then fails, an unreferenced file is left, never a row without its file.
        var key = await files.SaveAsync(command.Content, sha, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = FollowUpStore.Snapshot(entry, evidence);
        var file = new EvidenceFile
        {
            EntryId = entry.Id, FileName = fileName, ContentType = type.ContentType, Size = command.Content.LongLength, Sha256 = sha,
            StorageKey = key, UploadedAt = now, UploadedByUserId = actor.UserId, UploadedByName = actor.Name,
        };
        db.Add(file);
        entry.Version++;
        entry.UpdatedAt = now;
        entry.UpdatedByUserId = actor.UserId;
        entry.UpdatedByName = actor.Name;
        store.Record(entry, before, FollowUpStore.Snapshot(entry, [.. evidence, file]), RevisionKinds.EvidenceAdded, actor, now);
        store.Touch(submission, context, now);
        if (await SaveFollowUpEntry.SaveAsync(db, ct) is { } conflict) return conflict;
        return FollowUpStore.View(file);
    }

    public const int MaxFilesPerEntry = 20;
}
