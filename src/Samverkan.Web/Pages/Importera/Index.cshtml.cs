using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverkan.Agreements;
using Samverkan.Documents.Import;
using Samverkan.Web.Infrastructure;

namespace Samverkan.Web.Pages.Importera;

/// <summary>Upload → review (structure beside the source text, each field linked to its passage) → confirm.</summary>
[Authorize]
[AcceptsUpload]
public sealed class ImportModel(PreviewAgreementImport preview, CreateAgreement create) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? ContentJson { get; set; }
    public ImportResult? Result { get; private set; }
    public ImportReview? Review { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Välj en fil att läsa in (.txt, .pdf eller .docx).");
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var result = await preview.ExecuteAsync(buffer.ToArray(), Upload.FileName, ct);
        if (!result.IsSuccess) return this.Show(result.Error!, prefix: "");
        Result = result.Value;
        Review = ImportReview.From(result.Value);
        ContentJson = AgreementJson.Serialize(result.Value.Agreement);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        AgreementContent? content;
        try
        {
            // The field comes back from the browser: it may have been changed into anything, nulls included.
            content = ContentJson is null ? null : AgreementJson.Deserialize(ContentJson)?.WithoutNulls();
        }
        catch (JsonException)
        {
            content = null;
        }
        if (content is null)
        {
            ModelState.AddModelError("", "Granskningen saknas eller är skadad. Läs in filen igen.");
            return Page();
        }
        var created = await create.ExecuteAsync(new CreateAgreementCommand(content, content.Parties.Select(p => p.Code).ToList()), ct);
        if (!created.IsSuccess) return this.Show(created.Error!, prefix: "");
        return Redirect($"/overenskommelser/{created.Value.Id}");
    }
}

/// <summary>What the review screen shows: each extracted field with a link to where in the source it came from.</summary>
public sealed record ImportReview(IReadOnlyList<ReviewField> Fields, IReadOnlyList<SourcePiece> Source)
{
    public static ImportReview From(ImportResult r)
    {
        // Marks must not overlap in HTML: keep the smallest spans (leaf fields such as one commitment or a
        // date) and point a larger field (a whole item) at the first mark inside it.
        var chosen = new List<SourceSpan>();
        foreach (var span in r.Sources.Values.Where(x => x.Length > 0 && x.End <= r.SourceText.Length).Distinct().OrderBy(x => x.Length))
            if (chosen.All(c => span.End <= c.Start || span.Start >= c.End)) chosen.Add(span);
        var marks = chosen.OrderBy(c => c.Start).Select((c, i) => (c.Start, c.End, Id: i + 1)).ToList();
        int? MarkOf(SourceSpan span) =>
            marks.FirstOrDefault(m => m.Start >= span.Start && m.Start < Math.Max(span.End, span.Start + 1)) is { Id: > 0 } inside ? inside.Id
            : marks.FirstOrDefault(m => m.Start <= span.Start && span.Start < m.End) is { Id: > 0 } around ? around.Id : null;

        var fields = new List<ReviewField>();
        void Field(string label, string? value, string path) =>
            fields.Add(new ReviewField(label, value ?? "", r.Sources.TryGetValue(path, out var s) ? MarkOf(s) : null, path));
        var a = r.Agreement;
        Field("Typ", a.Kind, "kind");
        Field("Titel", a.Title, "title");
        Field("Datum", a.Date?.ToString("yyyy-MM-dd"), "date");
        Field("Diarienummer", a.Reference, "reference");
        Field("Period", a.Period is null ? null : $"{a.Period.From:yyyy-MM-dd} – {a.Period.To:yyyy-MM-dd}", "period");
        for (var i = 0; i < a.Parties.Count; i++) Field($"Part {i + 1}", $"{a.Parties[i].Name} ({a.Parties[i].Code})", $"parties[{i}]");
        Field("Handläggare", a.CaseOfficer is null ? null : $"{a.CaseOfficer.Name}, {a.CaseOfficer.Title}, {a.CaseOfficer.Phone}, {a.CaseOfficer.Email}", "caseOfficer.name");
        void Sections(IReadOnlyList<Section> sections, string prefix, string number)
        {
            for (var i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                var path = $"{prefix}sections[{i}]";
                Field($"Avsnitt {number}{i + 1}", s.Heading.Length == 0 ? "(utan rubrik)" : s.Heading, $"{path}.heading");
                for (var j = 0; j < s.Items.Count; j++)
                {
                    var item = s.Items[j];
                    Field($"Punkt {number}{i + 1}.{j + 1}", item.Text, $"{path}.items[{j}].text");
                    for (var k = 0; k < item.Commitments.Count; k++)
                        Field($"Åtagande ({string.Join(" + ", item.Commitments[k].Parties)})", item.Commitments[k].Text, $"{path}.items[{j}].commitments[{k}]");
                    foreach (var footnote in item.Footnotes) Field("Fotnot", footnote, $"{path}.items[{j}].footnotes[0]");
                }
                Sections(s.Sections, $"{path}.", $"{number}{i + 1}.");
            }
        }
        Sections(a.Sections, "", "");
        for (var i = 0; i < a.Signatures.Count; i++)
        {
            var s = a.Signatures[i];
            Field($"Underskrift {i + 1}", $"{s.Place} {s.Date:yyyy-MM-dd} – {s.Name}, {s.Role} ({s.Party})", $"signatures[{i}].name");
        }
        for (var i = 0; i < r.MunicipalGoals.Count; i++) Field($"Kommunens mål {i + 1}", r.MunicipalGoals[i], $"municipalGoals[{i}]");

        var pieces = new List<SourcePiece>();
        var at = 0;
        foreach (var m in marks)
        {
            if (m.Start > at) pieces.Add(new SourcePiece(r.SourceText[at..m.Start], null));
            pieces.Add(new SourcePiece(r.SourceText[m.Start..m.End], m.Id));
            at = m.End;
        }
        if (at < r.SourceText.Length) pieces.Add(new SourcePiece(r.SourceText[at..], null));
        return new ImportReview(fields, pieces);
    }
}

public sealed record ReviewField(string Label, string Value, int? Mark, string Path);

public sealed record SourcePiece(string Text, int? Mark);
