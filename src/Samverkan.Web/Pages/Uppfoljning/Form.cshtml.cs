using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Common;
using Samverkan.FollowUp;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Uppfoljning;

/// <summary>
/// One party's follow-up of one agreement in a round. Saving one commitment, saving all, uploading and removing a file
/// and submitting are buttons of one multipart form with a <c>command</c> value, so nothing typed is lost whichever is
/// pressed and the page works without JavaScript. The region's staff review a submitted answer on the same page.
/// </summary>
[Authorize]
[AcceptsUpload]
public sealed class FollowUpFormModel(
    GetFollowUpForm getForm, GetFollowUpRound getRound, SaveFollowUpEntry save, AddEvidence addEvidence, RemoveEvidence removeEvidence,
    SubmitFollowUp submit, ReviewFollowUpSubmission review, ImportFollowUpForm importForm, EvidenceOptions evidenceOptions) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid AgreementId { get; set; }
    [BindProperty(SupportsGet = true, Name = "part")] public string? PartyCode { get; set; }

    [BindProperty] public List<EntryInput> Entries { get; set; } = [];
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public ReviewInput Review { get; set; } = new();

    public FollowUpFormView Form { get; private set; } = null!;
    public FollowUpRoundView Round { get; private set; } = null!;
    public EvidenceOptions Evidence => evidenceOptions;

    /// <summary>Commitments whose save met someone else's newer save: the entry as it now stands, by commitment.</summary>
    public Dictionary<Guid, EntryView> Stale { get; } = [];

    public sealed class ReviewInput
    {
        public string? Decision { get; set; }
        public string? Comment { get; set; }
    }

    /// <summary>The import's file input (name and id, as model binding keys it), so its errors land beside it and the summary links to it.</summary>
    public const string UploadField = "upload";

    public string FormUrl => $"/uppfoljning/{RoundId}/{AgreementId}?part={Uri.EscapeDataString(Form.Party.Code)}";

    /// <summary>The party's whole form for the round as a file (the API's resource; a link cannot set Accept, so it names the format).</summary>
    public string FileUrl(string format) => $"/api/v1/follow-up-rounds/{RoundId}/forms/{Uri.EscapeDataString(Form.Party.Code)}?format={format}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        Entries = Form.Commitments.Select(EntryInput.From).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (!Form.CanEdit) return StatusCode(StatusCodes.Status403Forbidden);
        Align();
        command ??= "save-all";
        var parts = command.Split(':');
        var index = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var i) && i >= 0 && i < Entries.Count ? i : -1;
        string notice;
        var anchor = index >= 0 ? $"#atagande-{index}" : "";
        switch (parts[0])
        {
            case "save" when index >= 0:
                await SaveAsync(index, ct);
                notice = $"Åtagande {index + 1} är sparat.";
                break;
            case "overwrite" when index >= 0 && parts.Length > 2 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var onTopOf):
                Entries[index].BaseVersion = onTopOf;
                await SaveAsync(index, ct);
                notice = $"Åtagande {index + 1} är sparat med din text.";
                break;
            case "upload" when index >= 0:
                if (await SaveAsync(index, ct)) await UploadAsync(index, ct);
                notice = $"Filen är uppladdad till åtagande {index + 1}.";
                break;
            case "remove-file" when index >= 0 && parts.Length > 2 && Guid.TryParse(parts[2], out var fileId):
                var removed = await removeEvidence.ExecuteAsync(fileId, ct);
                if (!removed.IsSuccess) AddError(removed.Error!, index);
                notice = $"Filen är borttagen från åtagande {index + 1}.";
                break;
            case "submit":
                await SaveAllAsync(ct);
                if (!Confirm) ModelState.AddModelError("Confirm", "Kryssa i att svaren är klara att skickas in.");
                if (ModelState.IsValid)
                {
                    var sent = await submit.ExecuteAsync(RoundId, AgreementId, Form.Party.Code, ct);
                    if (!sent.IsSuccess) AddError(sent.Error!, -1);
                }
                notice = Form.Party.Code == Round.Region.Code
                    ? "Uppföljningen är inskickad och godkänd."
                    : "Uppföljningen är inskickad. Regionen granskar den och godkänner den eller skickar tillbaka den med en kommentar.";
                anchor = "";
                break;
            default:
                await SaveAllAsync(ct);
                notice = "Alla ändrade åtaganden är sparade.";
                anchor = "";
                break;
        }
        if (ModelState.IsValid && Stale.Count == 0)
        {
            TempData["Notice"] = notice;
            return Redirect(FormUrl + anchor);
        }
        // Show what is saved now (versions, files) around what was typed.
        var typed = Entries;
        var stale = new Dictionary<Guid, EntryView>(Stale);
        if (await LoadAsync(ct) is { } gone) return gone;
        Entries = typed;
        foreach (var (key, value) in stale) Stale[key] = value;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (!Round.CanReview) return StatusCode(StatusCodes.Status403Forbidden);
        Entries = Form.Commitments.Select(EntryInput.From).ToList();
        Pad();
        if (Form.Submission.Id is not { } submissionId) return this.Show(Error.Validation("follow-up.submission-not-submitted", "Uppföljningen är inte inskickad än.", null), "");
        if (Review.Decision is null)
        {
            ModelState.AddModelError("Review.Decision", "Välj om du godkänner uppföljningen eller skickar tillbaka den.");
            return Page();
        }
        var result = await review.ExecuteAsync(RoundId, submissionId, Review.Decision, Review.Comment, ct);
        if (!result.IsSuccess) return this.Show(result.Error!, "Review");
        TempData["Notice"] = result.Value.Status == SubmissionStatuses.Accepted
            ? $"Uppföljningen från {Form.Party.Name} är godkänd."
            : $"Uppföljningen är tillbakaskickad till {Form.Party.Name} med din kommentar.";
        return Redirect(FormUrl);
    }

    /// <summary>
    /// Reads a filled-in CSV or Excel form back: every line is checked first and either all are saved or none. Each
    /// line's error goes in the summary on its own, naming the row and the column, so they can be fixed in one go.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        if (!Form.CanEdit) return StatusCode(StatusCodes.Status403Forbidden);
        Entries = Form.Commitments.Select(EntryInput.From).ToList();
        Pad();
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(UploadField, "Välj en CSV- eller Excel-fil att läsa in.");
            return Page();
        }
        if (upload.Length > FollowUpLimits.ImportBytes)
        {
            ModelState.AddModelError(UploadField, $"Filen är för stor. En uppföljning får vara högst {FollowUpLimits.ImportBytes / (1024 * 1024)} MB.");
            return Page();
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        var result = await importForm.ExecuteAsync(RoundId, Form.Party.Code, buffer.ToArray(), ct);
        if (!result.IsSuccess)
        {
            var error = result.Error!;
            if (error.Extensions?.GetValueOrDefault("errors") is IEnumerable<ImportLineError> lines)
            {
                var list = lines.ToList();
                ModelState.AddModelError(UploadField, $"Filen har {list.Count} fel. Inget har sparats. Rätta raderna och läs in filen igen.");
                foreach (var line in list) ModelState.AddModelError(UploadField, line.Message);
            }
            else ModelState.AddModelError(UploadField, error.Message);
            return Page();
        }
        var r = result.Value;
        TempData["Notice"] = $"{r.Changed} {(r.Changed == 1 ? "post" : "poster")} uppdaterade från filen."
            + (r.Unchanged > 0 ? $" {r.Unchanged} var redan så." : "")
            + (r.Skipped > 0 ? $" {r.Skipped} utan status lämnades som de var." : "");
        return Redirect(FormUrl);
    }

    private async Task SaveAllAsync(CancellationToken ct)
    {
        for (var i = 0; i < Entries.Count; i++)
            if (Entries[i].Touched) await SaveAsync(i, ct);
    }

    /// <summary>Saves one commitment's entry; on success the input carries the new version, so a later save in the same post is not stale.</summary>
    private async Task<bool> SaveAsync(int i, CancellationToken ct)
    {
        var entry = Entries[i];
        if (!entry.Touched) return true;
        var key = $"Entries[{i}]";
        int? progress = null;
        if (!string.IsNullOrWhiteSpace(entry.Progress))
        {
            if (int.TryParse(entry.Progress.Trim().TrimEnd('%').Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p)) progress = p;
            else
            {
                ModelState.AddModelError($"{key}.Progress", $"Åtagande {i + 1}: ange hur långt det har kommit som ett heltal 0–100, eller lämna fältet tomt.");
                return false;
            }
        }
        var indicators = new List<IndicatorValueInput>();
        for (var n = 0; n < entry.Indicators.Count; n++)
        {
            var row = entry.Indicators[n];
            if (row.Blank) continue;
            var value = IndicatorInput.Number(row.Value);
            if (value is null && !string.IsNullOrWhiteSpace(row.Value))
            {
                ModelState.AddModelError($"{key}.Indicators[{n}].Value", $"Åtagande {i + 1}: \"{row.Value}\" är inget tal. Skriv till exempel 12 eller 3,5.");
                return false;
            }
            indicators.Add(new IndicatorValueInput(row.Name, value, row.Unit));
        }
        var result = await save.ExecuteAsync(new SaveFollowUpEntryCommand(RoundId, entry.CommitmentId, entry.Status, progress, entry.Narrative, indicators,
            entry.BaseVersion, AgreementId, Form.Party.Code), ct);
        if (result.IsSuccess)
        {
            entry.BaseVersion = result.Value.Version;
            return true;
        }
        if (result.Error!.Code == "follow-up.entry-stale" && result.Error.Extensions?.GetValueOrDefault("current") is EntryView current)
            Stale[entry.CommitmentId] = current;
        AddError(result.Error, i);
        return false;
    }

    private async Task UploadAsync(int i, CancellationToken ct)
    {
        var file = Entries[i].File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError($"Entries[{i}].File", $"Åtagande {i + 1}: välj en fil att ladda upp.");
            return;
        }
        if (file.Length > evidenceOptions.MaxBytes)
        {
            AddError(EvidenceTypes.TooLargeError(evidenceOptions.MaxBytes), i);
            return;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var result = await addEvidence.ExecuteAsync(new AddEvidenceCommand(RoundId, Entries[i].CommitmentId, file.FileName, buffer.ToArray(), AgreementId, Form.Party.Code), ct);
        if (!result.IsSuccess) AddError(result.Error!, i);
    }

    /// <summary>Puts a use case's error on the field it names (status, progress, indicators[0].value, file), inside commitment <paramref name="i"/>.</summary>
    private void AddError(Error error, int i)
    {
        var field = error.Field is null ? null
            : string.Join('.', error.Field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
        if (i < 0)
        {
            ModelState.AddModelError("", error.Message);
            return;
        }
        var key = field is null or "CommitmentId" or "Version" ? $"Entries[{i}]" : $"Entries[{i}].{field}";
        ModelState.AddModelError(key, $"Åtagande {i + 1}: {error.Message}");
    }

    /// <summary>Orders the posted entries as the form lists the commitments, so field names and error keys agree.</summary>
    private void Align()
    {
        var posted = Entries.Where(e => e is not null).GroupBy(e => e.CommitmentId).ToDictionary(g => g.Key, g => g.First());
        Entries = Form.Commitments.Select(c => posted.GetValueOrDefault(c.CommitmentId) ?? EntryInput.From(c)).ToList();
        foreach (var e in Entries) e.Indicators.RemoveAll(x => x is null);
    }

    private void Pad()
    {
        foreach (var entry in Entries) entry.PadIndicators();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var form = await getForm.ExecuteAsync(RoundId, AgreementId, PartyCode, ct);
        if (!form.IsSuccess) return form.Error!.Kind == ErrorKind.Validation ? NotFound() : this.Show(form.Error!);
        Form = form.Value;
        var round = await getRound.ExecuteAsync(RoundId, ct);
        if (!round.IsSuccess) return this.Show(round.Error!);
        Round = round.Value;
        return null;
    }
}
