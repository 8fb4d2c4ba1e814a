using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Samverkan.Agreements;
using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;

namespace Samverkan.Documents.Tests.Import;

/// <summary>Single behaviours of the text reader, on small documents written for the purpose.</summary>
public sealed class ParsingTests
{
    private const string Head = "ÖVERENSKOMMELSE\n\nDatum: 2024-02-01\n\nÖverenskommelse mellan Ludvika kommun och Region Dalarna för åren 2024–2026\n\n";

    private static ImportResult Txt(string text)
    {
        var result = new ImportAgreementDocument().Import(Encoding.UTF8.GetBytes(text), "a.txt", TestDirectory.Instance);
        Assert.True(result.IsSuccess, result.Error?.Message);
        SourceChecks.AssertSpansHold(result.Value);
        return result.Value;
    }

    private static List<Item> Items(ImportResult result) => SourceChecks.AllItems(result.Agreement.Sections).ToList();

    [Fact]
    public void Joins_a_word_hyphenated_at_a_line_end_and_keeps_inline_hyphens()
    {
        var result = Txt(Head + "Bakgrund\n\nRegionen ska stödja läns-\nkulturen och läns-kulturinstitutionerna i kultur-\noch bildningsfrågor.\n");
        Assert.Equal("Regionen ska stödja länskulturen och läns-kulturinstitutionerna i kultur- och bildningsfrågor.", Assert.Single(Items(result)).Text);
    }

    [Fact]
    public void Joins_wrapped_lines_of_a_paragraph_and_of_a_bullet()
    {
        var result = Txt(Head + "Bakgrund\n\nDet här är en lång mening som har brutits\növer två rader i exporten.\n\n- En punkt som också\n  fortsätter på nästa rad.\n•    En andra punkt.\n");
        Assert.Equal(
            ["Det här är en lång mening som har brutits över två rader i exporten.", "En punkt som också fortsätter på nästa rad.", "En andra punkt."],
            Items(result).Select(i => i.Text));
        Assert.Equal([ItemStyles.Paragraph, ItemStyles.Bullet, ItemStyles.Bullet], Items(result).Select(i => i.Style));
    }

    [Fact]
    public void A_sentence_broken_by_a_page_break_stays_one_item()
    {
        var result = Txt(Head + "Bakgrund\n\nRegionen och kommunen ska tillsammans\fstödja kulturen i hela länet.\n");
        Assert.Equal("Regionen och kommunen ska tillsammans stödja kulturen i hela länet.", Assert.Single(Items(result)).Text);
    }

    [Fact]
    public void Bracketed_footnotes_attach_to_their_paragraph()
    {
        var result = Txt(Head + "Bakgrund\n\nPlanen antogs 2023.[1] Den gäller i fyra år.\n\n[1] Beslut i regionfullmäktige den 20 juni 2023.\n");
        var item = Assert.Single(Items(result));
        Assert.Equal("Planen antogs 2023. Den gäller i fyra år.", item.Text);
        Assert.Equal(["Beslut i regionfullmäktige den 20 juni 2023."], item.Footnotes);
    }

    [Fact]
    public void Superscript_without_a_footnote_text_is_kept()
    {
        var result = Txt(Head + "Bakgrund\n\nScenen är 120 m² stor.\n");
        Assert.Equal("Scenen är 120 m² stor.", Assert.Single(Items(result)).Text);
    }

    [Theory]
    [InlineData("Dnr KS 2019/123", "KS 2019/123")]
    [InlineData("Diarienummer: RD22/01234", "RD22/01234")]
    [InlineData("RD22/01234", "RD22/01234")]
    [InlineData("Vår beteckning LD17/03997", "LD17/03997")]
    public void Reads_the_reference(string line, string reference) =>
        Assert.Equal(reference, Txt(line + "\n\n" + Head + "Bakgrund\n\nText.\n").Agreement.Reference);

    [Fact]
    public void Reads_a_period_stated_in_the_text()
    {
        var result = Txt("ÖVERENSKOMMELSE\n\nÖverenskommelse mellan Ludvika kommun och Region Dalarna\n\nGiltighet\n\nÖverenskommelsen gäller från och med 2024-03-01 till och med 2026-12-31.\n");
        Assert.Equal(new Period(new DateOnly(2024, 3, 1), new DateOnly(2026, 12, 31)), result.Agreement.Period);
        Assert.Contains("Hittade inget datum.", result.Warnings);
    }

    [Fact]
    public void Unknown_heading_gives_kind_other_with_a_warning()
    {
        var result = Txt("AVTAL\n\nAvtal mellan Ludvika kommun och Region Dalarna för år 2024\n\nSyfte\n\nText.\n");
        Assert.Equal(AgreementKinds.Other, result.Agreement.Kind);
        Assert.Contains(result.Warnings, w => w.Contains("avtalstyp", StringComparison.Ordinal));
    }

    [Fact]
    public void Agreement_between_region_and_institution_is_read_as_an_assignment()
    {
        var result = Txt("ÖVERENSKOMMELSE\n\nÖverenskommelse mellan Region Dalarna och Dalateatern för år 2024\n\nUppdrag\n\nDalateatern ska turnera i länet.\n");
        Assert.Equal(AgreementKinds.InstitutionAssignment, result.Agreement.Kind);
        Assert.Contains(result.Warnings, w => w.Contains("uppdragsöverenskommelse", StringComparison.Ordinal));
        Assert.Equal(["dalateatern"], Assert.Single(Assert.Single(Items(result)).Commitments).Parties);
    }

    [Fact]
    public void Unknown_party_is_reported_not_invented()
    {
        var result = Txt("ÖVERENSKOMMELSE\n\nÖverenskommelse mellan Gnosjö kommun och Region Dalarna för åren 2024-2026\n\nBakgrund\n\nKommunen ska bidra.\n");
        Assert.Equal(["20"], result.Agreement.Parties.Select(p => p.Code));
        Assert.Contains(result.Warnings, w => w.Contains("Gnosjö kommun", StringComparison.Ordinal));
        Assert.Equal(AgreementKinds.Other, result.Agreement.Kind);
        Assert.Empty(Assert.Single(Items(result)).Commitments);
    }

    [Fact]
    public void Facts_are_not_commitments()
    {
        var result = Txt(Head + "Bakgrund\n\nRegion Dalarna och Ludvika kommun har båda undertecknat avsiktsförklaringen. Region Dalarna och Ludvika kommun är båda förvaltningsområden. Kommunen har en lång tradition.\n");
        Assert.Empty(Assert.Single(Items(result)).Commitments);
    }

    [Theory]
    [InlineData("Regionen har å sin sida gett Dalateatern i uppdrag att turnera.", "20")]
    [InlineData("Regionen ska å sin sida arrangera konferenser.", "20")]
    [InlineData("Region Dalarna stödjer Folkmusikens hus.", "20")]
    [InlineData("Ludvika kommun ska å sin sida ge förutsättningar för arrangörer.", "2085")]
    [InlineData("Kommunen är villig att upplåta lokaler.", "2085")]
    [InlineData("Region och kommun vill tillsammans stärka dialogen.", "2085,20")]
    [InlineData("Regionen och kommunen ska tillsammans sträva efter bredd.", "2085,20")]
    [InlineData("Kommunen och regionen vill tillsammans arbeta för utbyte.", "2085,20")]
    [InlineData("Ludvika kommun och Region Dalarna vill båda stärka kulturen.", "2085,20")]
    [InlineData("Parterna avser att följa upp arbetet varje år.", "2085,20")]
    [InlineData("För att nå fler elever vill regionen främja samarbeten.", "20")]
    [InlineData("Ett sätt är att kommunen och regionen tillsammans ska möta unga.", "2085,20")]
    public void Finds_who_commits(string sentence, string parties)
    {
        var item = Assert.Single(Items(Txt(Head + "Bakgrund\n\n" + sentence + "\n")));
        var commitment = Assert.Single(item.Commitments);
        Assert.Equal(parties.Split(',').Order(), commitment.Parties.Order());
        Assert.Equal(sentence, commitment.Text);
    }

    [Fact]
    public void Signatures_with_for_lines_and_names_before_the_date()
    {
        var result = Txt(Head + "Bakgrund\n\nText.\n\nFör Ludvika kommun\n\nAnna Svensson\nKommunstyrelsens ordförande\nLudvika den 3 mars 2024\n\nFör Region Dalarna\n\nPer Nordin\nRegionstyrelsens ordförande\nFalun den 5 mars 2024\n");
        Assert.Equal(2, result.Agreement.Signatures.Count);
        Assert.Equal(("2085", "Anna Svensson", "Kommunstyrelsens ordförande", "Ludvika", new DateOnly(2024, 3, 3)),
            Tuple(result.Agreement.Signatures[0]));
        Assert.Equal(("20", "Per Nordin", "Regionstyrelsens ordförande", "Falun", new DateOnly(2024, 3, 5)),
            Tuple(result.Agreement.Signatures[1]));
    }

    private static (string, string, string?, string?, DateOnly?) Tuple(SignatureLine s) => (s.Party, s.Name, s.Role, s.Place, s.Date);

    [Fact]
    public void A_letterhead_on_a_single_page_is_found_by_its_labels()
    {
        var result = Txt(Head + "Bakgrund\n\nText.\n\nHandläggare\nEva Berg\nKulturstrateg\n023-49 12 34\neva.berg@regiondalarna.se\n\nFalun 2024-02-01\n\nPer Nordin\nRegionstyrelsens ordförande, Region Dalarna\n");
        Assert.Equal(new CaseOfficer("Eva Berg", "Kulturstrateg", "023-49 12 34", "eva.berg@regiondalarna.se"), result.Agreement.CaseOfficer);
        Assert.Equal(["Text."], Items(result).Select(i => i.Text));
    }

    [Fact]
    public void Records_where_the_header_fields_were_read()
    {
        var result = Txt(Head + "Bakgrund\n\nRegionen ska stödja kulturen.\n");
        foreach (var key in new[] { "kind", "date", "title", "period", "parties[0]", "parties[1]", "sections[0].heading", "sections[0].items[0].text", "sections[0].items[0].commitments[0]" })
        {
            Assert.True(result.Sources.ContainsKey(key), key);
        }

        Assert.Equal("ÖVERENSKOMMELSE", Slice(result, "kind"));
        Assert.Equal("2024-02-01", Slice(result, "date"));
        Assert.Equal("Ludvika kommun", Slice(result, "parties[0]"));
        Assert.Equal("för åren 2024–2026", Slice(result, "period"));
    }

    private static string Slice(ImportResult r, string key) => r.SourceText.Substring(r.Sources[key].Start, r.Sources[key].Length);

    [Fact]
    public void Pdf_footnote_numbers_set_small_and_raised_become_markers()
    {
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var body = new XFont(DejaVuFontResolver.Family, 11, XFontStyleEx.Regular);
            var small = new XFont(DejaVuFontResolver.Family, 7, XFontStyleEx.Regular);
            var bold = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
            gfx.DrawString("ÖVERENSKOMMELSE", bold, XBrushes.Black, 56, 60, XStringFormats.BaseLineLeft);
            gfx.DrawString("Överenskommelse mellan Ludvika kommun och Region Dalarna för åren 2024-2026", body, XBrushes.Black, 56, 100, XStringFormats.BaseLineLeft);
            gfx.DrawString("Bakgrund", bold, XBrushes.Black, 56, 140, XStringFormats.BaseLineLeft);
            const string sentence = "Överenskommelsen utgår från kommunens sju verksamhetsmål.";
            gfx.DrawString(sentence, body, XBrushes.Black, 56, 165, XStringFormats.BaseLineLeft);
            var width = gfx.MeasureString(sentence, body).Width;
            gfx.DrawString("1", small, XBrushes.Black, 56 + width + 0.5, 161, XStringFormats.BaseLineLeft);
            gfx.DrawString("1", small, XBrushes.Black, 56, 756, XStringFormats.BaseLineLeft);
            gfx.DrawString("De sju målen är 1. Läsa mer, 2. Skapa mer, 3. Mötas mer", new XFont(DejaVuFontResolver.Family, 9, XFontStyleEx.Regular), XBrushes.Black, 62, 760, XStringFormats.BaseLineLeft);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        var result = new ImportAgreementDocument().Import(stream.ToArray(), "a.pdf", TestDirectory.Instance);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var background = Assert.Single(result.Value.Agreement.Sections);
        Assert.Equal("Bakgrund", background.Heading);
        var item = Assert.Single(background.Items);
        Assert.Equal("Överenskommelsen utgår från kommunens sju verksamhetsmål.", item.Text);
        Assert.Equal(["De sju målen är 1. Läsa mer, 2. Skapa mer, 3. Mötas mer"], item.Footnotes);
        Assert.Equal(["Läsa mer", "Skapa mer", "Mötas mer"], result.Value.MunicipalGoals);
    }

    [Fact]
    public void Pdf_letterhead_in_columns_is_read_column_by_column()
    {
        DejaVuFontResolver.EnsureInstalled();
        string[][] footer =
        [
            ["Postadress", "Box 712", "791 29 Falun"],
            ["Besöksadress", "Region Dalarna", "Vasagatan 27", "Falun"],
            ["Kontakt", "023-49 00 00", "www.regiondalarna.se", "232100-0180"],
            ["Handläggare", "Eva Berg", "Kulturstrateg", "023-49 12 34", "eva.berg@regiondalarna.se"],
        ];
        string[][] pages =
        [
            ["ÖVERENSKOMMELSE", "", "Överenskommelse mellan Ludvika kommun och Region Dalarna för åren 2024-2026", "", "Bakgrund", "", "Regionen ska stödja kulturen."],
            ["ÖVERENSKOMMELSE", "", "- Kommunen ska upplåta lokaler.", "- Regionen ska bidra med turnéer."],
        ];

        using var document = new PdfDocument();
        var font = new XFont(DejaVuFontResolver.Family, 9, XFontStyleEx.Regular);
        foreach (var lines in pages)
        {
            var page = document.AddPage();
            using var gfx = XGraphics.FromPdfPage(page);
            for (var i = 0; i < lines.Length; i++) gfx.DrawString(lines[i], font, XBrushes.Black, 56, 60 + i * 12, XStringFormats.BaseLineLeft);
            for (var c = 0; c < footer.Length; c++)
            {
                for (var r = 0; r < footer[c].Length; r++) gfx.DrawString(footer[c][r], font, XBrushes.Black, 56 + c * 130, 740 + r * 11, XStringFormats.BaseLineLeft);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        var result = new ImportAgreementDocument().Import(stream.ToArray(), "a.pdf", TestDirectory.Instance).Value;
        Assert.Equal(new CaseOfficer("Eva Berg", "Kulturstrateg", "023-49 12 34", "eva.berg@regiondalarna.se"), result.Agreement.CaseOfficer);
        Assert.Equal("Box 712, 791 29 Falun", result.Letterhead?.PostalAddress);
        Assert.Equal(["Regionen ska stödja kulturen.", "Kommunen ska upplåta lokaler.", "Regionen ska bidra med turnéer."], Items(result).Select(i => i.Text));
    }
}

public sealed class PartiesOutsideTheTitleTests
{
    [Fact]
    public void Parties_named_in_the_first_paragraph()
    {
        const string text = "ÖVERENSKOMMELSE\n\nKulturöverenskommelse 2024\n\nBakgrund\n\nDenna överenskommelse gäller mellan Ludvika kommun (kommunen) och Region Dalarna (regionen). Den följs upp årligen.\n";
        var result = new ImportAgreementDocument().Import(System.Text.Encoding.UTF8.GetBytes(text), "a.txt", TestDirectory.Instance).Value;
        Assert.Equal("Kulturöverenskommelse 2024", result.Agreement.Title);
        Assert.Equal(["2085", "20"], result.Agreement.Parties.Select(p => p.Code));
        Assert.Equal(AgreementKinds.MunicipalAgreement, result.Agreement.Kind);
        Assert.Equal(new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), result.Agreement.Period);
        SourceChecks.AssertSpansHold(result);
    }
}
