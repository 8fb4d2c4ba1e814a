using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverkan.Documents.Render;
using Xunit.Abstractions;

namespace Samverkan.Documents.Tests.Render;

public class RenderDocxTests(ITestOutputHelper output)
{
    private static readonly RenderAgreementDocument Render = new();

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [Fact]
    public void RenderDocx_Sample_HasTitleThenSectionHeadingsInOrder()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var paragraphs = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.Equal(AgreementSamples.Title, paragraphs[0].InnerText);
        var headings = paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal([.. AgreementSamples.SectionHeadings, "Underskrifter och versionskontroll"], headings);
        Assert.Equal(["Barn och unga", "Bibliotek och läsfrämjande"], paragraphs.Where(p => StyleOf(p) == "Heading2").Select(p => p.InnerText));
    }

    [Fact]
    public void RenderDocx_Paragraphs_FollowTheirHeadings()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var texts = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        var heading = texts.IndexOf("Uppföljning");
        Assert.StartsWith("Parterna träffas minst en gång om året", texts[heading + 1]);
        Assert.True(texts.FindIndex(t => t.StartsWith("Den här överenskommelsen beskriver", StringComparison.Ordinal)) == texts.IndexOf("Syfte och utgångspunkter") + 1);
    }

    [Fact]
    public void RenderDocx_Footnote_IsARealWordFootnote()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var main = docx.MainDocumentPart!;

        var reference = Assert.Single(main.Document.Body!.Descendants<FootnoteReference>());
        var referencing = reference.Ancestors<Paragraph>().Single();
        Assert.StartsWith("Parterna vill att fler invånare", referencing.InnerText);
        var footnote = Assert.Single(main.FootnotesPart!.Footnotes!.Elements<Footnote>(), f => f.Id?.Value == reference.Id?.Value);
        Assert.Contains(AgreementSamples.FootnoteText, footnote.InnerText);
        Assert.Single(footnote.Descendants<FootnoteReferenceMark>());
        // Word needs the separator footnotes to exist and be named in the settings.
        Assert.Contains(main.FootnotesPart.Footnotes.Elements<Footnote>(), f => f.Type?.Value == FootnoteEndnoteValues.Separator);
        Assert.Equal(2, main.DocumentSettingsPart!.Settings!.Descendants<FootnoteSpecialReference>().Count());
    }

    [Fact]
    public void RenderDocx_Footer_HasLetterheadColumnsAndCaseOfficer()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var footer = Assert.Single(docx.MainDocumentPart!.FooterParts).Footer!;

        var cells = footer.Descendants<TableCell>().Select(c => c.Elements<Paragraph>().Select(p => p.InnerText).ToList()).ToList();
        Assert.Equal(["Postadress", "Box 712", "791 29 Falun"], cells[0]);
        Assert.Equal("Besöksadress", cells[1][0]);
        Assert.Equal(["Kontakt", "023-49 00 00", "www.regiondalarna.se", "Org.nr 232100-0180"], cells[2]);
        Assert.Equal(["Handläggare", "Karin Åström", "Utvecklingsstrateg kultur", "070-123 45 67", "karin.astrom@example.se"], cells[3]);
    }

    [Fact]
    public void RenderDocx_Headers_ShowKindDatePageOfTotalAndReferenceOnFirstPage()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var main = docx.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.NotNull(section.GetFirstChild<TitlePage>());

        string HeaderText(HeaderFooterValues type)
        {
            var id = section.Elements<HeaderReference>().Single(r => r.Type?.Value == type).Id!.Value!;
            var header = ((HeaderPart)main.GetPartById(id)).Header!;
            Assert.Equal(["PAGE", "NUMPAGES"], header.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()));
            return string.Join("\n", header.Elements<Paragraph>().Select(p => p.InnerText));
        }

        var first = HeaderText(HeaderFooterValues.First);
        Assert.Contains("ÖVERENSKOMMELSE", first);
        Assert.Contains("Datum: 2024-02-20", first);
        Assert.Contains("Diarienummer: RD23/01234", first);
        var following = HeaderText(HeaderFooterValues.Default);
        Assert.Contains("ÖVERENSKOMMELSE", following);
        Assert.Contains("Datum: 2024-02-20", following);
        Assert.DoesNotContain("Diarienummer", following);
    }

    [Fact]
    public void RenderDocx_Bullets_UseWordNumbering()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var main = docx.MainDocumentPart!;

        var levels = main.NumberingDefinitionsPart!.Numbering!.Descendants<Level>().ToList();
        Assert.All(levels, l => Assert.Equal(NumberFormatValues.Bullet, l.NumberingFormat!.Val!.Value));
        Assert.Equal("–", levels[0].LevelText!.Val!.Value);
        var bullets = main.Document.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(7, bullets.Count); // three values, both commitments (one has targets, so all are listed), two under "Barn och unga"
        Assert.Contains(bullets, b => b.InnerText.StartsWith("Åtagande för Smedjebackens kommun", StringComparison.Ordinal)
            && b.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value == 1);
    }

    [Fact]
    public void RenderDocx_SignatureBlocks_AreKeptTogether()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var paragraphs = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        var start = paragraphs.FindIndex(p => p.InnerText == "Smedjebacken 2024-03-04");
        var block = paragraphs.Skip(start).Take(6).ToList();
        Assert.Equal(["Smedjebacken 2024-03-04", "Ort och datum", "", "Åsa Lindqvist", "Ordförande i kultur- och fritidsnämnden", "Smedjebackens kommun"], block.Select(p => p.InnerText));
        Assert.All(block.Take(5), p => Assert.NotNull(p.ParagraphProperties!.KeepNext));
    }

    [Fact]
    public void RenderDocx_Signed_EndsWithSigningRecordsAndHash()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));
        var last = docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Last().InnerText;

        Assert.Equal($"Versionens kontrollsumma (SHA-256): {AgreementSamples.Hash}", last);
    }

    [Fact]
    public void RenderDocx_Properties_AndFontComeFromTheModel()
    {
        using var docx = Open(Render.RenderDocx(AgreementSamples.Signed()));

        Assert.Equal(AgreementSamples.Title, docx.PackageProperties.Title);
        Assert.Equal("Region Dalarna", docx.PackageProperties.Creator);
        Assert.Equal(AgreementSamples.CreatedAt, docx.PackageProperties.Created?.ToUniversalTime());
        var fonts = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("DejaVu Sans", fonts.Ascii?.Value);
        Assert.Equal("sv-SE", docx.MainDocumentPart.StyleDefinitionsPart.Styles.DocDefaults.Descendants<Languages>().Single().Val?.Value);
    }

    [Fact]
    public async Task RenderDocx_ConvertedByLibreOffice_KeepsTitleAndFootnote()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            output.WriteLine("Skipped: soffice (LibreOffice) is not installed; ./test installs libreoffice-writer-nogui.");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("samverkan-docx-");
        var profile = Path.Combine(Path.GetTempPath(), "lo-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var docx = Path.Combine(folder.FullName, "agreement.docx");
            File.WriteAllBytes(docx, Render.RenderDocx(AgreementSamples.Signed()));
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { "--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", folder.FullName, docx },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("LibreOffice did not convert within 60 s.");
            }
            output.WriteLine(await stdout + await stderr);

            using var pdf = new PdfText(File.ReadAllBytes(Path.Combine(folder.FullName, "agreement.pdf")));
            var text = pdf.AllWords();
            Assert.Contains("Överenskommelse om kultursamverkan mellan Smedjebackens kommun", text);
            Assert.Contains("Kommunens fem mål för perioden", text);
            Assert.Contains($"1 ({pdf.Pages.Count})", PdfText.Words(pdf.Pages[0]));
            Assert.Contains("Karin Åström", PdfText.Words(pdf.Pages[^1]));
        }
        finally
        {
            folder.Delete(recursive: true);
            if (Directory.Exists(profile))
                Directory.Delete(profile, recursive: true);
        }
    }
}
