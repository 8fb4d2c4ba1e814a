using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverkan.Documents.FollowUpReports;
using Samverkan.Documents.Render;
using Samverkan.Documents.Tests.Render;
using Samverkan.FollowUp;
using Samverkan.Plans;

namespace Samverkan.Documents.Tests.FollowUpReports;

/// <summary>The follow-up report as PDF and Word: read back, both carry the headings, figures and answers, in Swedish.</summary>
public sealed class ReportDocumentTests
{
    private static readonly OrganizationRef Region = new("20", "Region Dalarna");
    private static readonly OrganizationRef Town = new("2034", "Orsa kommun");

    private static IReadOnlyList<StatusCount> Counts(params int[] counts) =>
        ReportStatuses.Order.Select((s, i) => new StatusCount(s, ReportStatuses.SwedishName(s), counts[i])).ToList();

    private static ReportFigure Figure(string label, decimal? progress, decimal counted, decimal total, int missing) =>
        new(label, label, progress, counted, total, (int)total, new ProgressCounts((int)counted, missing, 0, 0),
            $"Uträkning för {label}.");

    /// <summary>A municipality's report with <paramref name="areas"/> collaboration areas (many make the area table run over a page).</summary>
    internal static FollowUpReport Sample(int areas = 3)
    {
        var answers = new List<ReportAnswer>
        {
            new(Town, EntryStatuses.Ongoing, 60, "Två föreställningar på Orsa bibliotek, räksmörgås till publiken.",
                [new IndicatorValue("Föreställningar", 2, "st")], SubmissionStatuses.Accepted, null),
            new(Region, ReportStatuses.Missing, null, null, [], SubmissionStatuses.Submitted,
                new EarlierAnswer(2024, EntryStatuses.Done, 100, "Turnén gick till Skattungbyn.")),
        };
        var commitment = new ReportCommitment(Guid.NewGuid(), "Barn och unga", "Region och kommun ordnar scenkonst för förskolan.", [Region, Town],
            null, null, null, answers);
        var agreement = new ReportAgreement(Guid.NewGuid(), "Överenskommelse mellan Orsa kommun och Region Dalarna 2023–2026", 2, [Region, Town],
            Figure("Överenskommelsen", 72.0m, 2.5m, 4, 2),
            [
                new PartyProgressView(Region, Guid.NewGuid(), SubmissionStatuses.Submitted, 2, 2, new Dictionary<string, int>(), null, false, null, null),
                new PartyProgressView(Town, Guid.NewGuid(), SubmissionStatuses.Accepted, 3, 3, new Dictionary<string, int>(), null, true, null, null),
            ],
            [commitment]);
        var areaRows = Enumerable.Range(0, areas)
            .Select(i => new AreaStatus(i == 0 ? "Äldre och kultur" : $"Område {i + 1} för kulturarv och hemslöjd", 5, Counts(1, 1, 1, 0, 0, 2),
                Figure($"Område {i}", 72.0m, 2.5m, 4, 2)))
            .ToList();
        return new FollowUpReport(ReportScopes.Municipality, 2025, Town, Region, new PlanRef(Guid.NewGuid(), "Kultur- och bildningsplan 2023–2026", 2023, 2026),
            new RoundRef(Guid.NewGuid(), 2025, new DateOnly(2026, 3, 31), RoundStatuses.Open, null), new DateTime(2026, 4, 2, 8, 0, 0, DateTimeKind.Utc),
            ProgressRollUp.Formula,
            new ReportSummary(1, 4, 5, Figure("Totalt", 72.0m, 2.5m, 4, 2), Counts(1, 1, 1, 0, 0, 2), new SubmissionCounts(2, 0, 1, 0, 1)),
            areaRows,
            [Figure("Alla barn och unga ska kunna uppleva professionell scenkonst där de bor, också i byarna utanför tätorten", 72.0m, 2.5m, 4, 2),
                Figure("Äldre ska ha goda möjligheter att uppleva kultur", null, 0, 1, 1)],
            [
                new YearStatus(2024, Guid.NewGuid(), RoundStatuses.Closed, 5, Figure("2024", 65.3m, 4, 4, 0), Counts(2, 0, 3, 0, 0, 0)),
                new YearStatus(2025, Guid.NewGuid(), RoundStatuses.Open, 5, Figure("2025", 72.0m, 2.5m, 4, 2), Counts(1, 1, 1, 0, 0, 2)),
            ],
            [], [agreement]);
    }

    [Fact]
    public void Pdf_ReadsBackWithHeadingsFiguresAndAnswers_InSwedish()
    {
        using var pdf = new PdfText(ReportPdfWriter.Write(Sample()));
        var text = pdf.AllWords();

        foreach (var expected in new[]
                 {
                     "Uppföljning 2025: Orsa kommun och Region Dalarna", "Sammanfattning", "Samlad måluppfyllelse: 72,0 % (täckning 2,5 av 4).",
                     "Status per samverkansområde", "Figur 1. Parternas svar per samverkansområde och status (antal).", "Äldre och kultur",
                     "Måluppfyllelse per mål i kulturplanen", "Figur 2.", "ingen siffra (0 av 1)", "År för år", "65,3 % (4 av 4)",
                     "Åtaganden och svar", "Region och kommun ordnar scenkonst för förskolan.",
                     "Orsa kommun: Pågår, 60 %. Två föreställningar på Orsa bibliotek, räksmörgås till publiken. (Föreställningar: 2 st)",
                     "Region Dalarna: Saknas (svaret är inskickat men inte granskat av regionen).", "Senast godkända svar (2024): Genomfört, 100 %.",
                     "Svar: Region Dalarna: inskickad; Orsa kommun: godkänd (sent).", "UPPFÖLJNING", "År: 2025",
                 })
            Assert.Contains(expected, text);
        Assert.StartsWith("Region Dalarna UPPFÖLJNING 1 (", PdfText.Words(pdf.Pages[0]));
        Assert.Equal("Uppföljning 2025: Orsa kommun och Region Dalarna", pdf.Document.Information.Title);
    }

    [Fact]
    public void Pdf_IsTagged_WithTablesAndFiguresWithAlternativeText()
    {
        using var pdf = new PdfText(ReportPdfWriter.Write(Sample()));
        var raw = pdf.Raw;

        Assert.Contains("/StructTreeRoot", raw);
        Assert.Contains("/Lang (sv-SE)", raw.Replace("/Lang(sv-SE)", "/Lang (sv-SE)"));
        foreach (var tag in new[] { "/S /Table", "/S /TH", "/S /TD", "/S /Figure", "/S /H1", "/S /H2" })
            Assert.Contains(tag, raw.Replace("/S/", "/S /"));
        Assert.Contains("Liggande staplar: antal svar per status", raw);
    }

    [Fact]
    public void Pdf_ATableRunningOverAPage_RepeatsItsHeaderRow()
    {
        using var pdf = new PdfText(ReportPdfWriter.Write(Sample(areas: 45)));

        // The column heading is capitalised; the section heading and caption say "samverkansområde".
        var pagesWithAreaHeader = pdf.Pages.Count(p => p.GetWords().Any(w => w.Text == "Samverkansområde"));
        Assert.True(pagesWithAreaHeader >= 2, $"The area table's header is on {pagesWithAreaHeader} page(s).");
        // Text extraction reads by line, so a wrapped cell's second line comes after the row's figures.
        Assert.Contains("Område 45 för kulturarv 1 1 1 0 0 2 72,0 % och hemslöjd", pdf.AllWords());
        Assert.Contains($"1 ({pdf.Pages.Count})", PdfText.Words(pdf.Pages[0]));
    }

    [Fact]
    public void Docx_OpensWithHeadingsCaptionedTablesAndAnswers()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(ReportDocxWriter.Write(Sample())), isEditable: false);
        var body = docx.MainDocumentPart!.Document.Body!;
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var paragraphs = body.Elements<Paragraph>().ToList();

        Assert.Equal(("Title", "Uppföljning 2025: Orsa kommun och Region Dalarna"), (Style(paragraphs[0]), paragraphs[0].InnerText));
        Assert.Equal(["Sammanfattning", "Status per samverkansområde", "Måluppfyllelse per mål i kulturplanen", "År för år", "Åtaganden och svar"],
            paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
        Assert.Equal("Barn och unga", paragraphs.Single(p => Style(p) == "Heading3").InnerText);

        // One table per chart, each right after its caption, with a header row Word repeats on every page.
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        foreach (var table in tables)
        {
            Assert.StartsWith("Tabell ", table.PreviousSibling<Paragraph>()!.InnerText);
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        }
        Assert.Equal("SamverkansområdeGenomförtÄndratPågårEj påbörjatInställtSaknasProcent", tables[0].Elements<TableRow>().First().InnerText);
        Assert.Equal("Äldre och kultur111002" + "72,0 %", tables[0].Elements<TableRow>().ElementAt(1).InnerText);

        var text = body.InnerText;
        Assert.Contains("Region Dalarna: Saknas (svaret är inskickat men inte granskat av regionen). Senast godkända svar (2024): Genomfört, 100 %.", text);
        Assert.Equal("Uppföljning 2025: Orsa kommun och Region Dalarna", docx.PackageProperties.Title);
        Assert.Contains("UPPFÖLJNING", docx.MainDocumentPart.HeaderParts.First().Header!.InnerText);
    }

    [Fact]
    public void BothFormats_SayWhenAMunicipalityHasNoAgreementInTheRound()
    {
        var empty = Sample() with { Agreements = [], Areas = [], Goals = [], Summary = Sample().Summary with { Agreements = 0, Commitments = 0, Answers = 0 } };
        const string Expected = "Orsa kommun har ingen undertecknad överenskommelse med Region Dalarna som ingår i uppföljningen 2025.";

        using var pdf = new PdfText(ReportPdfWriter.Write(empty));
        Assert.Contains(Expected, pdf.AllWords());
        Assert.Contains("Inga åtaganden är kopplade till kulturplanens mål.", pdf.AllWords());
        using var docx = WordprocessingDocument.Open(new MemoryStream(ReportDocxWriter.Write(empty)), isEditable: false);
        Assert.Contains(Expected, docx.MainDocumentPart!.Document.Body!.InnerText);
    }
}
