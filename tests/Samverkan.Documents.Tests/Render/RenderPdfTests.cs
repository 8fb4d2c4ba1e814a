using System.Text.RegularExpressions;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Tests.Render;

public class RenderPdfTests
{
    private static readonly RenderAgreementDocument Render = new();
    private static readonly string[] FooterLabels = ["Postadress", "Besöksadress", "Kontakt", "Handläggare"];

    [Fact]
    public void RenderPdf_LongAgreement_NumbersEveryPageAsPageOfTotal()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Long()));

        Assert.InRange(pdf.Pages.Count, 10, 16);
        for (var i = 0; i < pdf.Pages.Count; i++)
            Assert.Contains($"{i + 1} ({pdf.Pages.Count})", PdfText.Words(pdf.Pages[i]));
    }

    [Fact]
    public void RenderPdf_EveryPage_HasHeadingDateAndLetterheadFooter()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Long()));

        foreach (var page in pdf.Pages)
        {
            var text = PdfText.Words(page);
            Assert.Contains("ÖVERENSKOMMELSE", text);
            Assert.Contains("Datum: 2024-02-20", text);
            foreach (var label in FooterLabels)
                Assert.Contains(label, text);
            Assert.Contains("Box 712", text);
            Assert.Contains("Vasagatan 27", text);
            Assert.Contains("Org.nr 232100-0180", text);
            Assert.Contains("Karin Åström", text);
            Assert.Contains("Utvecklingsstrateg kultur", text);
            Assert.Contains("karin.astrom@example.se", text);
        }
        Assert.Contains("Diarienummer: RD23/01234", PdfText.Words(pdf.Pages[0]));
    }

    [Fact]
    public void RenderPdf_Sample_HasTitleAndSectionHeadingsInReadingOrder()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));
        var text = pdf.AllWords();

        var expected = new[] { AgreementSamples.Title }
            .Concat(AgreementSamples.SectionHeadings)
            .Append("Underskrifter och versionskontroll")
            .ToList();
        var positions = expected.Select(heading => text.IndexOf(heading, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"missing heading; positions: {string.Join(", ", positions)}"));
        Assert.Equal(positions.Order(), positions);
        Assert.True(text.IndexOf("Barn och unga", StringComparison.Ordinal) < text.IndexOf("Bibliotek och läsfrämjande", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderPdf_SwedishLetters_SurviveExtraction()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));
        var text = pdf.AllWords();

        foreach (var word in new[] { "Åsa Lindqvist", "Örjan Mattsson", "Överenskommelse", "läsfrämjande", "högläsning på särskilda boenden", "Besöksadress" })
            Assert.Contains(word, text);
    }

    [Fact]
    public void RenderPdf_Footnote_IsAtTheBottomOfThePageWithItsMarker()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));

        var pageWithNote = Assert.Single(pdf.Pages, p => PdfText.Words(p).Contains("Kommunens fem mål för perioden"));
        var marker = Assert.Single(pageWithNote.Letters, l => l.Value == "1" && l.PointSize < 7);
        Assert.Contains("1 Kommunens fem mål för perioden", PdfText.Words(pageWithNote));
        var noteText = pageWithNote.GetWords().First(w => w.Text == "Kommunens");
        var marked = pageWithNote.GetWords().First(w => w.Text.StartsWith("bostadsort", StringComparison.Ordinal));
        var footerLabel = pageWithNote.GetWords().First(w => w.Text == "Postadress");
        // PDF y grows upwards: the note is below the marked text and above the footer.
        Assert.True(noteText.BoundingBox.Bottom < marked.BoundingBox.Bottom);
        Assert.True(noteText.BoundingBox.Bottom > footerLabel.BoundingBox.Top);
        Assert.InRange(marker.StartBaseLine.Y - marked.BoundingBox.Bottom, 0, 8);
    }

    [Fact]
    public void RenderPdf_LongAgreement_KeepsEachFootnoteOnItsMarkersPage()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Long()));

        var noteNumber = 0;
        foreach (var page in pdf.Pages)
        {
            var text = PdfText.Words(page);
            foreach (Match note in Regex.Matches(text, @"Se även den regionala handlingsplanen för"))
            {
                noteNumber++;
                var number = noteNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(page.Letters.Any(l => l.PointSize < 7 && l.Value == number), $"footnote {noteNumber} on page {page.Number} lacks its marker there");
                Assert.Contains($"{number} Se även den regionala handlingsplanen", text);
            }
        }
        Assert.Equal(5, noteNumber);
    }

    private static readonly string[] SignatureBlocks =
    [
        "Smedjebacken 2024-03-04 Ort och datum Åsa Lindqvist Ordförande i kultur- och fritidsnämnden Smedjebackens kommun",
        "Falun 2024-03-11 Ort och datum Örjan Mattsson Ordförande i kultur- och bildningsnämnden Region Dalarna",
    ];

    [Fact]
    public void RenderPdf_SignatureBlocks_ShowPlaceDateNameRoleAndPartyInOrder()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Unsigned()));
        var text = pdf.AllWords();

        Assert.Equal(2, Regex.Matches(text, "Ort och datum").Count);
        Assert.True(text.IndexOf(SignatureBlocks[0], StringComparison.Ordinal) is var first && first > 0);
        Assert.True(text.IndexOf(SignatureBlocks[1], StringComparison.Ordinal) > first);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RenderPdf_EachSignatureBlock_StaysWholeOnOnePage(bool longAgreement)
    {
        using var pdf = new PdfText(Render.RenderPdf(longAgreement ? AgreementSamples.Long() : AgreementSamples.Signed()));

        foreach (var block in SignatureBlocks)
            Assert.Single(pdf.Pages, p => PdfText.Words(p).Contains(block, StringComparison.Ordinal));
    }

    [Fact]
    public void RenderPdf_Signed_EndsWithSigningRecordsAndHash()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Long()));
        var last = PdfText.Words(pdf.Pages[^1]);

        Assert.Contains("Underskrifter och versionskontroll", last);
        Assert.Contains("Versionens kontrollsumma (SHA-256):", last);
        Assert.Contains(AgreementSamples.Hash, last);
        Assert.Contains("Version: 2", last);
        Assert.Contains("registrerad 2024-03-04 13:05:12 UTC, elektronisk underskrift", last);
        Assert.Contains("registrerad 2024-03-11 08:47:00 UTC, underskrift på papper", last);
        Assert.Contains("Åsa Lindqvist, Ordförande i kultur- och fritidsnämnden, Smedjebackens kommun", last);
    }

    [Fact]
    public void RenderPdf_Unsigned_HasNoVersionControlBlock()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Unsigned()));
        var text = pdf.AllWords();

        Assert.DoesNotContain("Underskrifter och versionskontroll", text);
        Assert.DoesNotContain("kontrollsumma", text);
    }

    [Fact]
    public void RenderPdf_Fonts_AreEmbeddedDejaVuSubsets()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));

        Assert.All(pdf.Pages.SelectMany(p => p.Letters), l => Assert.Contains("DejaVu", l.FontName));
        var descriptors = Regex.Matches(pdf.Raw, @"/Type\s*/FontDescriptor").Count;
        Assert.True(descriptors >= 2, "expected a regular and a bold font");
        Assert.Equal(descriptors, Regex.Matches(pdf.Raw, "/FontFile2").Count);
    }

    [Fact]
    public void RenderPdf_DocumentInformation_ComesFromTheModel()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));
        var info = pdf.Document.Information;

        Assert.Equal(AgreementSamples.Title, info.Title);
        Assert.Equal("Region Dalarna", info.Author);
        Assert.Equal("Samverkan", info.Creator);
        Assert.Equal("Överenskommelse, RD23/01234, version 2", info.Subject);
        Assert.StartsWith("D:20240314093000", info.CreationDate);
    }

    [Fact]
    public void RenderPdf_IsTaggedSwedishWithPdfAIdentification()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));

        Assert.Contains("/StructTreeRoot", pdf.Raw);
        Assert.Contains("/Lang(sv-SE)", pdf.Raw);
        Assert.Contains("/OutputIntents", pdf.Raw);
        Assert.True(pdf.Document.TryGetXmpMetadata(out var xmp));
        var xml = System.Text.Encoding.UTF8.GetString([.. xmp.GetXmlBytes()]);
        Assert.Contains("pdfaid", xml);
        Assert.Contains(AgreementSamples.Title, xml);
    }

    [Fact]
    public void RenderPdf_SameModelTwice_GivesTheSameTextAndFileId()
    {
        using var first = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));
        using var second = new PdfText(Render.RenderPdf(AgreementSamples.Signed()));

        Assert.Equal(first.Pages.Select(PdfText.Words), second.Pages.Select(PdfText.Words));
        var fileId = Regex.Match(first.Raw, @"/ID\s*\[<([0-9A-F]+)>").Groups[1].Value;
        Assert.Equal(AgreementSamples.Hash[..32].ToUpperInvariant(), fileId);
        Assert.Equal(fileId, Regex.Match(second.Raw, @"/ID\s*\[<([0-9A-F]+)>").Groups[1].Value);
    }

    [Fact]
    public void RenderPdf_Headings_AreNeverTheLastLineOnAPage()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Long()));

        foreach (var page in pdf.Pages)
        {
            // Section headings are the only 11–12.5 pt bold text in the body (the running heading is in the header band).
            var headingLetters = page.Letters.Where(l => l.PointSize is > 10.9 and < 12.6 && l.StartBaseLine.Y < page.Height - 110).ToList();
            if (headingLetters.Count == 0)
                continue;
            var lowestHeading = headingLetters.Min(l => l.StartBaseLine.Y);
            // Body text (10.5 pt, or 9 pt in the version-control block) must follow below it.
            Assert.Contains(page.Letters, l => l.PointSize is > 8.9 and < 10.6 && l.StartBaseLine.Y < lowestHeading);
        }
    }

    [Fact]
    public void RenderPdf_Text_StaysInsideMarginsAndAboveTheFooter()
    {
        using var pdf = new PdfText(Render.RenderPdf(AgreementSamples.Long()));

        foreach (var page in pdf.Pages)
        {
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 50, page.Width - 40));
            var footerTop = page.Letters.Where(l => Math.Abs(l.PointSize - 7.5) < 0.1).Max(l => l.BoundingBox.Top);
            var lowestBody = page.Letters.Where(l => l.PointSize > 8.5).Min(l => l.BoundingBox.Bottom);
            Assert.True(lowestBody > footerTop + 10, $"page {page.Number}: body text at {lowestBody} reaches the footer at {footerTop}");
        }
    }

    [Fact]
    public void RenderPdf_LongAgreement_StaysSmallBecauseFontsAreSubset()
    {
        var bytes = Render.RenderPdf(AgreementSamples.Long());

        Assert.InRange(bytes.Length, 10_000, 400_000);
    }

    [Fact]
    public void RenderPdf_InParallel_RendersTheSame()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Render.RenderPdf(AgreementSamples.Signed()));

        var texts = results.Select(r =>
        {
            using var pdf = new PdfText(r);
            return pdf.AllWords();
        }).Distinct().ToList();
        Assert.Single(texts);
    }
}
