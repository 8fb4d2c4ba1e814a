using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Dialogue;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Dialogue;

/// <summary>A meeting's minutes (or an earlier revision of them) as PDF, for whoever may read the meeting.</summary>
public sealed class ExportDialogueMinutes(GetDialogueMeeting get, TimeProvider clock) : IUseCase
{
    public async Task<Result<ExportedDocument>> ExecuteAsync(Guid id, int? revision, CancellationToken ct = default)
    {
        var meeting = await get.ExecuteAsync(id, revision, ct);
        if (!meeting.IsSuccess) return meeting.Error!;
        var m = meeting.Value;
        var bytes = MinutesPdfWriter.Write(m, clock.GetUtcNow().UtcDateTime);
        var suffix = m.Status == MinutesStatuses.Approved ? $"-rev{m.ShownRevision ?? m.Revision}" : "-utkast";
        return new ExportedDocument(bytes, $"protokoll-{m.Date:yyyy-MM-dd}-{ExportAgreementDocument.Slug(m.Municipality?.Name ?? "regional-kulturdialog")}{suffix}.pdf", "application/pdf");
    }
}
