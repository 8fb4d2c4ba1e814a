using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverkan.Agreements;
using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;

namespace Samverkan.Documents.Tests.Import;

/// <summary>A Word file as an office would write it: heading styles, header and footer parts, no empty paragraphs.</summary>
public sealed class WordDocumentTests
{
    [Fact]
    public void Reads_headings_lists_header_and_footer_parts()
    {
        var bytes = Build(main =>
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(P("ÖVERENSKOMMELSE"), P("Datum: 2024-02-01"), P("Dnr RD24/00123"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(P("Handläggare: Eva Berg, kulturstrateg, 023-49 12 34, eva.berg@regiondalarna.se"),
                P("Region Dalarna · Box 712 · 791 29 Falun · 023-49 00 00"));
            var body = main.Document.Body!;
            body.Append(
                P("Överenskommelse mellan Ludvika kommun och Region Dalarna för åren 2024–2026", "Title"),
                P("Bakgrund", "Heading1"),
                P("Regionen och kommunen ska tillsammans stärka kulturlivet i Ludvika."),
                P("Grundläggande värden", "Heading2"),
                List("Kulturen ska vara tillgänglig för alla."),
                List("Kommunen ska å sin sida värna arrangörerna."),
                Table("Verksamhet", "Ansvar"),
                P("Ludvika 2024-03-01"),
                P("Anna Svensson"),
                P("Kommunstyrelsens ordförande, Ludvika kommun"));
        });

        var result = new ImportAgreementDocument().Import(bytes, "avtal.docx", TestDirectory.Instance);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var a = result.Value.Agreement;
        Assert.Equal(AgreementKinds.MunicipalAgreement, a.Kind);
        Assert.Equal(new DateOnly(2024, 2, 1), a.Date);
        Assert.Equal("RD24/00123", a.Reference);
        Assert.Equal("Eva Berg", a.CaseOfficer?.Name);
        Assert.Equal("Bakgrund", a.Sections[0].Heading);
        Assert.Equal(["Regionen och kommunen ska tillsammans stärka kulturlivet i Ludvika."], a.Sections[0].Items.Select(i => i.Text));
        var values = Assert.Single(a.Sections[0].Sections);
        Assert.Equal("Grundläggande värden", values.Heading);
        Assert.Equal([ItemStyles.Bullet, ItemStyles.Bullet], values.Items.Take(2).Select(i => i.Style));
        Assert.Equal(["2085"], values.Items[1].Commitments.Single().Parties);
        var signature = Assert.Single(a.Signatures);
        Assert.Equal(("2085", "Anna Svensson", "Kommunstyrelsens ordförande"), (signature.Party, signature.Name, signature.Role));
        Assert.DoesNotContain(SourceChecks.AllItems(a.Sections), i => i.Text.Contains("Box 712", StringComparison.Ordinal));
        SourceChecks.AssertSpansHold(result.Value);
    }

    private static Paragraph P(string text, string? style = null)
    {
        var p = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null) p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        return p;
    }

    private static Paragraph List(string text)
    {
        var p = P(text);
        p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
        return p;
    }

    private static Table Table(params string[] cells) =>
        new(new TableRow(cells.Select(c => new TableCell(P(c)))));

    private static byte[] Build(Action<MainDocumentPart> fill)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body());
            fill(main);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
