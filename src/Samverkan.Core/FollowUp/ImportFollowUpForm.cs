using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.FollowUp;

public sealed record ImportLineError(int Line, string Field, string Code, string Message);

public sealed record FollowUpImportResult(int Rows, int Changed, int Unchanged, int Skipped);

/// <summary>
/// A party's answers for a round read back from CSV or an Excel workbook (told apart by content, never by name or
/// Content-Type): every line checked first, and either all of them are saved (each change as a revision, as when saved
/// in the form) or none, with every error named by its line. A line without a status is left as it is. The file is the
/// party's word: it overwrites the current answers without a version check.
/// </summary>
public sealed class ImportFollowUpForm(SamverkanDb db, ActorContext actors, FollowUpStore store, TimeProvider clock, IFollowUpSpreadsheet? spreadsheet = null)
    : IUseCase
{
    public const string TooLarge = "follow-up.import-too-large";

    public async Task<Result<FollowUpImportResult>> ExecuteAsync(Guid roundId, string? partyCode, byte[] content, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await PartyAsync(store, roundId, partyCode, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (scope, party, agreements) = found.Value;
        if (!actor.ActsFor(party.Id)) return FollowUpErrors.NotYourParty();
        if (!scope.IsOpen) return FollowUpErrors.RoundClosed(scope.Round.Year);
        if (content.Length > FollowUpLimits.ImportBytes)
            return Error.Validation(TooLarge, $"Filen är för stor ({content.Length / 1024:N0} kB). En uppföljning får vara högst {FollowUpLimits.ImportBytes / (1024 * 1024)} MB.", "file");

        var read = Records(content);
        if (!read.IsSuccess) return read.Error!;
        var records = read.Value;
        var errors = new List<ImportLineError>();
        if (HeaderError(records) is { } wrongHeader) return Invalid([wrongHeader]);

        var submissions = new Dictionary<Guid, FollowUpSubmission?>();
        var seen = new Dictionary<(Guid, Guid), int>();
        var rows = new List<(PartyContext Context, ScopedCommitment Commitment, FollowUpRules.CheckedEntry Values)>();
        var skipped = 0;
        foreach (var (line, fields) in records.Skip(1))
        {
            void Fail(string field, string code, string message) => errors.Add(new ImportLineError(line, field, code, $"Rad {line}: {message}"));
            if (fields.Count != FollowUpCsv.Header.Count)
            {
                Fail("line", "follow-up.import-columns", $"{fields.Count} kolumner, väntade {FollowUpCsv.Header.Count}.");
                continue;
            }
            if (!Guid.TryParse(fields[0].Trim(), out var agreementId))
            {
                Fail("overenskommelse_id", "follow-up.import-id-malformed", $"overenskommelse_id \"{fields[0]}\" är inte ett id.");
                continue;
            }
            if (!Guid.TryParse(fields[1].Trim(), out var commitmentId))
            {
                Fail("atagande_id", "follow-up.import-id-malformed", $"atagande_id \"{fields[1]}\" är inte ett id.");
                continue;
            }
            var agreement = scope.Find(agreementId);
            var commitment = agreement?.Commitments.FirstOrDefault(c => c.Id == commitmentId);
            if (agreement is null || commitment is null)
            {
                Fail("atagande_id", "follow-up.commitment-unknown", $"åtagandet {commitmentId} finns inte bland omgångens överenskommelser.");
                continue;
            }
            if (!commitment.IsHeldBy(party.Id))
            {
                Fail("atagande_id", "follow-up.commitment-not-held",
                    $"åtagandet har getts av {string.Join(" och ", commitment.Parties.Select(p => p.DisplayName))}, inte av {party.DisplayName}.");
                continue;
            }
            if (seen.TryGetValue((agreementId, commitmentId), out var first))
            {
                Fail("atagande_id", "follow-up.import-duplicate", $"åtagandet finns redan på rad {first}.");
                continue;
            }
            seen[(agreementId, commitmentId)] = line;

            var status = fields[4].Trim();
            var progressText = fields[5].Trim().TrimEnd('%').Trim();
            if (status.Length == 0)
            {
                if (progressText.Length > 0 || fields[6].Trim().Length > 0)
                    Fail("status", "follow-up.status-invalid", $"ange status ({string.Join(", ", EntryStatuses.All)}) när procent eller beskrivning är ifylld.");
                else skipped++;
                continue;
            }
            int? progress = null;
            if (progressText.Length > 0)
            {
                if (!decimal.TryParse(progressText.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number)
                    || number is < int.MinValue or > int.MaxValue)
                {
                    Fail("procent", "follow-up.import-number-malformed", $"procent \"{fields[5]}\" är inte ett heltal.");
                    continue;
                }
                progress = (int)number;
            }
            var checkedEntry = FollowUpRules.Check(FromSwedish(status), progress, fields[6], []);
            if (!checkedEntry.IsSuccess)
            {
                var e = checkedEntry.Error!;
                Fail(e.Field == "progress" ? "procent" : e.Field == "narrative" ? "beskrivning" : e.Field ?? "line", e.Code, Lower(e.Message));
                continue;
            }
            if (!submissions.TryGetValue(agreementId, out var submission))
                submissions[agreementId] = submission = await store.SubmissionAsync(scope.Round.Id, agreementId, party.Id, ct, track: true);
            if (submission is not null && SubmissionStatuses.Locks(submission.Status))
            {
                Fail("line", "follow-up.submission-locked", Lower(FollowUpErrors.Locked(submission.Status).Message));
                continue;
            }
            rows.Add((new PartyContext(scope, agreement, party), commitment, checkedEntry.Value));
        }
        if (errors.Count > 0) return Invalid(errors);

        // The party's entries and their evidence in two queries, not two per line.
        var existing = await db.Set<FollowUpEntry>().Include(e => e.Indicators)
            .Where(e => e.RoundId == scope.Round.Id && e.OrganizationId == party.Id).ToListAsync(ct);
        var entries = existing.ToDictionary(e => (e.AgreementId, e.CommitmentId));
        var evidence = await store.EvidenceAsync(existing.Select(e => e.Id), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var (context, commitment, parsed) in rows)
        {
            var values = parsed;
            var entry = entries.GetValueOrDefault((context.Agreement.Agreement.Id, commitment.Id));
            // The file has no columns for indicator values: those typed in the form stay as they are.
            if (entry is not null)
                values = values with { Indicators = entry.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorValue(i.Name, i.Value, i.Unit)).ToList() };
            var applied = await SaveFollowUpEntry.ApplyAsync(db, store, context, commitment, submissions[context.Agreement.Agreement.Id], values, null, actor,
                now, ct, overwrite: true, loaded: (entry, entry is null ? [] : evidence[entry.Id].ToList()));
            if (!applied.IsSuccess) return applied.Error!;
            submissions[context.Agreement.Agreement.Id] = applied.Value.Submission;
            if (applied.Value.Changed) changed++;
        }
        if (changed > 0 && await SaveFollowUpEntry.SaveAsync(db, ct) is { } conflict) return conflict;
        return new FollowUpImportResult(records.Count - 1, changed, rows.Count - changed, skipped);
    }

    private Result<List<FormRecord>> Records(byte[] content)
    {
        if (!FollowUpFormFormats.LooksLikeXlsx(content)) return FollowUpCsv.Read(content);
        if (spreadsheet is null)
            return Error.Validation("follow-up.import-unreadable", "Excel-filer kan inte läsas här. Spara filen som CSV (semikolonavgränsad) och försök igen.", "file");
        return spreadsheet.Read(content);
    }

    /// <summary>The first row must be the header; the message names the first column that differs, as people fix one thing at a time.</summary>
    private static ImportLineError? HeaderError(List<FormRecord> records)
    {
        var expected = string.Join(";", FollowUpCsv.Header);
        if (records.Count == 0)
            return new ImportLineError(1, "header", "follow-up.import-header", $"Rad 1: filen är tom. Första raden ska vara {expected}.");
        var (line, fields) = records[0];
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        if (names.SequenceEqual(FollowUpCsv.Header)) return null;
        var column = Enumerable.Range(0, Math.Max(names.Count, FollowUpCsv.Header.Count))
            .First(i => i >= names.Count || i >= FollowUpCsv.Header.Count || names[i] != FollowUpCsv.Header[i]);
        var detail = column >= FollowUpCsv.Header.Count
            ? $"kolumn {column + 1} (\"{fields[column]}\") ska inte finnas"
            : column >= names.Count
                ? $"kolumn {column + 1} ({FollowUpCsv.Header[column]}) saknas"
                : $"kolumn {column + 1} heter \"{fields[column]}\" men ska heta {FollowUpCsv.Header[column]}";
        return new ImportLineError(line, "header", "follow-up.import-header", $"Rad {line}: fel rubrikrad, {detail}. Första raden ska vara {expected}.");
    }

    private static string Lower(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];

    /// <summary>The Swedish names the pages show are accepted beside the codes, since people type what they see.</summary>
    private static string FromSwedish(string status) =>
        EntryStatuses.All.FirstOrDefault(s => string.Equals(EntryStatuses.SwedishName(s), status, StringComparison.CurrentCultureIgnoreCase)) ?? status;

    private static Error Invalid(List<ImportLineError> errors) =>
        Error.Validation("follow-up.import-invalid",
            $"Filen har {errors.Count} fel. Inget har sparats. {string.Join(" ", errors.Take(5).Select(e => e.Message))}", "file") with
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = errors },
        };

    /// <summary>The round, the party, and the round's agreements where the party holds commitments; checks that the caller may see them.</summary>
    internal static async Task<Result<(RoundScope Scope, Organization Party, List<ScopedAgreement> Agreements)>> PartyAsync(
        FollowUpStore store, Guid roundId, string? partyCode, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var round = await store.FindRoundAsync(roundId, ct);
        if (round is null) return FollowUpErrors.RoundNotFound();
        var scope = await store.ScopeAsync(round, ct);
        var code = string.IsNullOrWhiteSpace(partyCode) ? actor.OrganizationCode : partyCode.Trim();
        var agreements = scope.Agreements.Where(a => a.Parties.Any(p => p.Code == code) && scope.Sees(actor, a)).ToList();
        var party = agreements.SelectMany(a => a.Parties).FirstOrDefault(p => p.Code == code);
        // The form is a resource named by the party's code: one the caller cannot see does not exist for them.
        if (party is null)
            return Error.NotFound("follow-up.form-not-found", $"{code ?? "(ingen)"} är inte part i någon av omgångens överenskommelser som du kan se.");
        return (scope, party, agreements.Where(a => a.HeldBy(party.Id).Any()).ToList());
    }
}
