using System.Text;
using Samverkan.Agreements;
using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;

namespace Samverkan.Documents.Tests.Import;

/// <summary>Other kinds of agreement and a badly scanned one, written for these tests.</summary>
public sealed class FixtureTests
{
    private const string Assignment = "uppdragsoverenskommelse-dalarnas-museum-2024.txt";
    private const string Intent = "avsiktsforklaring-kulturradet-region-dalarna-2023.txt";
    private const string Ocr = "ocr-brus-overenskommelse-ludvika.txt";

    private static ImportResult Import(string fixture, string format = "txt")
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Fixture(fixture));
        var text = Encoding.UTF8.GetString(bytes);
        var content = format switch
        {
            "pdf" => TestPdf.FromText(text),
            "docx" => TestDocx.FromText(text),
            _ => bytes,
        };
        var result = new ImportAgreementDocument().Import(content, "dokument." + format, TestDirectory.Instance);
        Assert.True(result.IsSuccess, result.Error?.Message);
        SourceChecks.AssertSpansHold(result.Value);
        return result.Value;
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void Assignment_to_a_museum(string format)
    {
        var result = Import(Assignment, format);
        var a = result.Agreement;
        Assert.Equal(AgreementKinds.InstitutionAssignment, a.Kind);
        Assert.Equal("RD23/04512", a.Reference);
        Assert.Equal(new DateOnly(2023, 12, 14), a.Date);
        Assert.Equal(new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), a.Period);
        Assert.Equal(["20", "dalarnas-museum"], a.Parties.Select(p => p.Code));
        Assert.Equal(new CaseOfficer("Anna Lindqvist", "kulturutvecklare", "023-49 01 23", "anna.lindqvist@regiondalarna.se"), a.CaseOfficer);
        Assert.Equal(["Syfte", "Uppdrag", "Ekonomi", "Uppföljning"], a.Sections.Select(s => s.Heading));
        Assert.Equal("Nationella minoriteter", Assert.Single(a.Sections[1].Sections).Heading);

        // The lead-in "Museet ska under året:" makes each of its bullets a commitment of the museum.
        var tasks = a.Sections[1].Items.Where(i => i.Style == ItemStyles.Bullet).ToList();
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(["dalarnas-museum"], Assert.Single(t.Commitments).Parties));

        var grant = Assert.Single(a.Sections[2].Items[0].Commitments);
        Assert.Equal(["20"], grant.Parties);
        Assert.Contains("14 250 000 kronor", grant.Text);

        Assert.Equal(2, a.Signatures.Count);
        Assert.Equal(("20", "Karin Berg", "Ordförande kultur- och bildningsnämnden", "Falun", new DateOnly(2024, 1, 15)),
            (a.Signatures[0].Party, a.Signatures[0].Name, a.Signatures[0].Role, a.Signatures[0].Place, a.Signatures[0].Date));
        Assert.Equal(("dalarnas-museum", "Johan Ek", "Styrelseordförande", new DateOnly(2024, 1, 18)),
            (a.Signatures[1].Party, a.Signatures[1].Name, a.Signatures[1].Role, a.Signatures[1].Date));

        Assert.DoesNotContain(SourceChecks.AllItems(a.Sections), i => i.Text.Contains("Sida ", StringComparison.Ordinal) || i.Text.Contains("Box 712", StringComparison.Ordinal));
        Assert.Equal("Box 712, 791 29 Falun", result.Letterhead?.PostalAddress);
        Assert.Equal("023-49 00 00", result.Letterhead?.Phone);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void Declaration_of_intent_between_state_and_region(string format)
    {
        var result = Import(Intent, format);
        var a = result.Agreement;
        Assert.Equal(AgreementKinds.DeclarationOfIntent, a.Kind);
        Assert.Equal(new DateOnly(2023, 3, 3), a.Date);
        Assert.Equal(new Period(new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31)), a.Period);
        Assert.Equal(["kulturradet", "20"], a.Parties.Select(p => p.Code));
        Assert.Null(a.Reference);
        Assert.Contains("Hittade inget diarienummer.", result.Warnings);
        Assert.Contains("Hittade ingen handläggare.", result.Warnings);

        var ambitions = a.Sections.Single(s => s.Heading == "Gemensamma ambitioner").Items[0].Commitments;
        Assert.Equal(["kulturradet", "20"], ambitions[0].Parties);
        Assert.Equal(["kulturradet"], ambitions[1].Parties);
        Assert.Equal(["20"], ambitions[2].Parties);
        Assert.Equal(["lansbibliotek-dalarna"], ambitions[2].Institutions);

        Assert.Equal(["kulturradet", "20"], a.Signatures.Select(s => s.Party));
        Assert.Equal(["Generaldirektör", "Regionstyrelsens ordförande"], a.Signatures.Select(s => s.Role));
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void Scanned_text_with_ocr_noise_imports_what_it_can(string format)
    {
        var result = Import(Ocr, format);
        var a = result.Agreement;
        Assert.Equal("Överenskommelse mellan Ludvika kommun och Region Dalarna för åren 2021–2022", a.Title);
        Assert.Equal(["2085", "20"], a.Parties.Select(p => p.Code));
        Assert.Equal(AgreementKinds.MunicipalAgreement, a.Kind);
        Assert.Null(a.Date);
        Assert.Contains("Hittade inget datum.", result.Warnings);
        Assert.Contains(result.Warnings, w => w.Contains("2021-O3-15", StringComparison.Ordinal));

        var items = SourceChecks.AllItems(a.Sections).ToList();
        Assert.Contains(items, i => i.Text == "Kommunen och regionen vill tillsammans utveckla mötesplatser för unga.");
        Assert.Contains(items, i => i.Commitments.Any(c => c.Parties.SequenceEqual(["2085"])));
        Assert.DoesNotContain(items, i => i.Text is "~" or ",," or ".");

        var signature = Assert.Single(a.Signatures);
        Assert.Equal(("2085", "Anna Svensson", "Kommunstyrelsens ordförande"), (signature.Party, signature.Name, signature.Role));
    }
}
