using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// A party's form for a round as CSV (<see cref="FollowUpCsv"/>) or as an Excel workbook with the same columns: every
/// commitment it holds in the round's agreements, with its current answer. Readable by whoever may read the party's forms.
/// </summary>
public sealed class ExportFollowUpForm(ActorContext actors, FollowUpStore store, IFollowUpSpreadsheet? spreadsheet = null) : IUseCase
{
    public async Task<Result<FollowUpFormFile>> ExecuteAsync(Guid roundId, string? partyCode, string? format = null, CancellationToken ct = default)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? FollowUpFormFormats.Csv : format.Trim().ToLowerInvariant();
        if (!FollowUpFormFormats.All.Contains(kind) || (kind == FollowUpFormFormats.Xlsx && spreadsheet is null))
            return Error.Validation("follow-up.format-invalid", $"Okänt filformat '{format}'. Möjliga: {string.Join(", ", FollowUpFormFormats.All)}.", "format");
        var found = await ImportFollowUpForm.PartyAsync(store, roundId, partyCode, actors.Current, ct);
        if (!found.IsSuccess) return found.Error!;
        var (scope, party, agreements) = found.Value;
        var rows = new List<FollowUpCsv.Row>();
        foreach (var a in agreements)
        {
            var entries = (await store.EntriesAsync(scope.Round.Id, a.Agreement.Id, ct)).Where(e => e.OrganizationId == party.Id).ToDictionary(e => e.CommitmentId);
            rows.AddRange(a.HeldBy(party.Id).Select(c => entries.GetValueOrDefault(c.Id) is { } e
                ? new FollowUpCsv.Row(a.Agreement.Id, c.Id, c.Section, c.Text, e.Status, e.Progress, e.Narrative)
                : new FollowUpCsv.Row(a.Agreement.Id, c.Id, c.Section, c.Text, null, null, null)));
        }
        var content = kind == FollowUpFormFormats.Xlsx ? spreadsheet!.Write(rows) : FollowUpCsv.Write(rows);
        return new FollowUpFormFile(content, FollowUpFormFormats.MediaType(kind), FollowUpFormFormats.FileName(scope.Round.Year, party.Code, kind));
    }
}
