using System.Text;
using Samverkan.Agreements;
using Samverkan.Documents.Import;
using Samverkan.Documents.Tests.Import.Support;
using Xunit.Abstractions;

namespace Samverkan.Documents.Tests.Import;

/// <summary>The customer's acceptance: their agreement, as text, as a PDF and as a Word file made from it.</summary>
public sealed class CustomerDocumentTests(ITestOutputHelper output)
{
    private static readonly string[] Furniture = ["Postadress", "Box 712", "232100-0180", "Handläggare", "Datum: 2019-09-25", "ÖVERENSKOMMELSE"];

    [Theory]
    [InlineData("txt")]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void Imports_the_customers_agreement(string format)
    {
        var bytes = CustomerDocument.TryLoad(output);
        if (bytes is null) return;

        var text = Encoding.UTF8.GetString(bytes);
        var content = format switch
        {
            "pdf" => TestPdf.FromText(text),
            "docx" => TestDocx.FromText(text),
            _ => bytes,
        };

        var imported = new ImportAgreementDocument().Import(content, "overenskommelse." + format, TestDirectory.Instance);
        Assert.True(imported.IsSuccess, imported.Error?.Message);
        var result = imported.Value;
        foreach (var w in result.Warnings) output.WriteLine("varning: " + w);
        var a = result.Agreement;

        Assert.Equal(AgreementKinds.MunicipalAgreement, a.Kind);
        Assert.Equal(new DateOnly(2019, 9, 25), a.Date);
        Assert.Equal("LD17/03997", a.Reference);
        Assert.Contains("Smedjebackens kommun", a.Title);
        Assert.Contains("Region Dalarna", a.Title);
        Assert.True(a.Title.Contains("2019-2022") || a.Title.Contains("2019–2022"), a.Title);
        Assert.Equal(new Period(new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31)), a.Period);
        Assert.Equal(["20", "2061"], a.Parties.Select(p => p.Code).Order());

        Assert.Equal(new CaseOfficer("Erik Arrhén", "Samverkansstrateg", "070-684 34 81", "Erik.arrhen@ltdalarna.se"), a.CaseOfficer);

        var sections = SourceChecks.AllSections(a.Sections).ToList();
        var values = Assert.Single(sections, s => s.Heading == "Grundläggande värden");
        Assert.Equal(3, values.Items.Count);

        var areas = Assert.Single(sections, s => s.Items.Count(i => i.Style == ItemStyles.Bullet) == 8);
        var bullets = areas.Items.Where(i => i.Style == ItemStyles.Bullet).ToList();
        Assert.StartsWith("Konstområdet bild och form", bullets[0].Text);
        Assert.Contains("Ekomuseum Bergslagen", bullets[^1].Text);

        Assert.Equal(7, result.MunicipalGoals.Count);
        Assert.StartsWith("Tillgängliggöra litteratur", result.MunicipalGoals[0]);
        Assert.StartsWith("Verka för innanförskap", result.MunicipalGoals[^1]);
        Assert.All(result.MunicipalGoals, g => Assert.False(g.EndsWith(',') || char.IsDigit(g[0]), g));

        var first = values.Items[0];
        Assert.Contains(first.Commitments, c => c.Parties.SequenceEqual(["20"]));
        Assert.Contains(first.Commitments, c => c.Parties.SequenceEqual(["2061"]));

        Assert.Equal(2, a.Signatures.Count);
        var municipality = a.Signatures.Single(s => s.Party == "2061");
        Assert.Equal(("Smedjebacken", new DateOnly(2019, 10, 29), "Vanja Larsson", "Ordförande kulturnämnden"),
            (municipality.Place, municipality.Date, municipality.Name, municipality.Role));
        var region = a.Signatures.Single(s => s.Party == "20");
        Assert.Equal(("Falun", new DateOnly(2019, 10, 9), "Mursalisa", "Ordförande kultur- och bildningsnämnden"),
            (region.Place, region.Date, region.Name, region.Role));

        foreach (var item in SourceChecks.AllItems(a.Sections))
        {
            foreach (var leak in Furniture)
            {
                Assert.DoesNotContain(leak, item.Text);
                Assert.All(item.Footnotes, f => Assert.DoesNotContain(leak, f));
            }
        }

        SourceChecks.AssertSpansHold(result);
    }

    [Fact]
    public void Footnote_goes_to_the_paragraph_that_points_to_it()
    {
        var bytes = CustomerDocument.TryLoad(output);
        if (bytes is null) return;

        var result = new ImportAgreementDocument().Import(bytes, "a.txt", TestDirectory.Instance).Value;
        var background = result.Agreement.Sections.Single(s => s.Heading == "Bakgrund");
        var withNote = Assert.Single(background.Items, i => i.Footnotes.Count > 0);
        Assert.StartsWith("Överenskommelsen utgår från", withNote.Text);
        Assert.DoesNotContain("¹", withNote.Text);
        Assert.StartsWith("De sju målen är 1. Tillgängliggöra", Assert.Single(withNote.Footnotes));
        Assert.Equal(3, background.Items.Count);
    }

    [Fact]
    public void Letterhead_is_kept_for_the_issuing_party()
    {
        var bytes = CustomerDocument.TryLoad(output);
        if (bytes is null) return;

        var letterhead = new ImportAgreementDocument().Import(bytes, "a.txt", TestDirectory.Instance).Value.Letterhead;
        Assert.NotNull(letterhead);
        Assert.Equal("Box 712, 791 29 Falun", letterhead.PostalAddress);
        Assert.Equal("Region Dalarna, Vasagatan 27, Falun", letterhead.VisitingAddress);
        Assert.Equal("023-49 00 00", letterhead.Phone);
        Assert.Equal("www.regiondalarna.se", letterhead.Website);
        Assert.Equal("232100-0180", letterhead.OrganizationNumber);
    }

    [Fact]
    public void Collaboration_bullets_carry_their_commitments()
    {
        var bytes = CustomerDocument.TryLoad(output);
        if (bytes is null) return;

        var a = new ImportAgreementDocument().Import(bytes, "a.txt", TestDirectory.Instance).Value.Agreement;
        var areas = SourceChecks.AllSections(a.Sections).Single(s => s.Items.Count(i => i.Style == ItemStyles.Bullet) == 8);
        var school = areas.Items.Single(i => i.Text.StartsWith("Skolan", StringComparison.Ordinal));
        Assert.Contains(school.Commitments, c => c.Text.StartsWith("Kommunen och regionen vill tillsammans", StringComparison.Ordinal)
                                                 && c.Parties.Order().SequenceEqual(["20", "2061"]));
        Assert.Contains(school.Commitments, c => c.Text.StartsWith("Kommunen är villig", StringComparison.Ordinal) && c.Parties.SequenceEqual(["2061"]));
        Assert.Contains(school.Commitments, c => c.Text.StartsWith("Regionen ska å sin sida", StringComparison.Ordinal) && c.Parties.SequenceEqual(["20"]));

        var heritage = areas.Items[^1];
        var joint = Assert.Single(heritage.Commitments, c => c.Text.Contains("delfinansierar", StringComparison.Ordinal));
        Assert.Equal(["20", "2061"], joint.Parties.Order());
        Assert.Equal(["dalarnas-museum"], joint.Institutions);

        var basic = SourceChecks.AllSections(a.Sections).Single(s => s.Heading == "Grundläggande värden").Items[0];
        var region = basic.Commitments.First(c => c.Parties.SequenceEqual(["20"]));
        Assert.Equal(["dalateatern", "musik-i-dalarna"], region.Institutions);
        Assert.DoesNotContain(basic.Commitments, c => c.Text.StartsWith("För att uppfylla", StringComparison.Ordinal));
    }
}
