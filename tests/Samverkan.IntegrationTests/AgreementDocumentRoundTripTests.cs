using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Agreements;
using Samverkan.Data;
using Samverkan.Documents.Import;
using Samverkan.Documents.Render;
using Samverkan.Seeding;

namespace Samverkan.IntegrationTests;

/// <summary>
/// Issue #4: a document the system rendered reads back into the same structure — sections, items, commitments and
/// signatures — for every demo agreement, as PDF and as Word. The comparison ignores only how lines were wrapped.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AgreementDocumentRoundTripTests(AppFixture app, Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string, string> DemoAgreementsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var party in DemoAgreements.Counterparties)
            foreach (var format in new[] { "pdf", "docx" })
                data.Add(party, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoAgreementsAndFormats))]
    public async Task RenderedDemoAgreement_ImportsBackToTheSameStructure(string counterparty, string format)
    {
        AgreementContent rendered = null!;
        ImportResult imported = null!;
        await app.AsOperatorAsync(async sp =>
        {
            var db = sp.GetRequiredService<SamverkanDb>();
            // Other tests add agreements with the same parties later; the demo's own is the first one made.
            var id = await (from a in db.Set<Agreement>()
                            from p in a.Parties
                            join o in db.Organizations on p.OrganizationId equals o.Id
                            where o.Code == counterparty
                            orderby a.CreatedAt
                            select a.Id).FirstAsync();
            rendered = (await sp.GetRequiredService<GetAgreement>().ExecuteAsync(id)).Value;
            var document = await sp.GetRequiredService<ExportAgreementDocument>().ExecuteAsync(id, format, null);
            Assert.True(document.IsSuccess, document.Error?.Message);
            var directory = await sp.GetRequiredService<DatabaseOrganizationDirectory>().LoadAsync(CancellationToken.None);
            var result = sp.GetRequiredService<ImportAgreementDocument>().Import(document.Value.Content, document.Value.FileName, directory);
            Assert.True(result.IsSuccess, result.Error?.Message);
            imported = result.Value;
        });
        var back = imported.Agreement;
        foreach (var warning in imported.Warnings) output.WriteLine("varning: " + warning);

        Assert.Equal(Headings(rendered.Sections), Headings(back.Sections));
        Assert.Equal(Items(rendered.Sections), Items(back.Sections));
        Assert.Equal(Commitments(rendered.Sections), Commitments(back.Sections));
        Assert.Equal(Signatures(rendered.Signatures), Signatures(back.Signatures));
    }

    private static List<string> Headings(IEnumerable<Section> sections) =>
        AllSections(sections).Select(s => $"{s.Depth}: {Words(s.Section.Heading)}").ToList();

    private static List<string> Items(IEnumerable<Section> sections) =>
        AllSections(sections).SelectMany(s => s.Section.Items.Select(i => $"{Words(s.Section.Heading)} | {i.Style} | {Words(i.Text)}")).ToList();

    private static List<string> Commitments(IEnumerable<Section> sections) =>
        AllSections(sections).SelectMany(s => s.Section.Items.SelectMany((item, index) => item.Commitments.Select(c =>
            $"{Words(s.Section.Heading)} #{index} | {string.Join("+", c.Parties.Order(StringComparer.Ordinal))} | {Words(c.Text)}"))).ToList();

    private static List<string> Signatures(IEnumerable<SignatureLine> lines) =>
        lines.Select(l => $"{l.Party} | {Words(l.Name)} | {Words(l.Role ?? "")} | {Words(l.Place ?? "")} | {l.Date:yyyy-MM-dd}").ToList();

    private static IEnumerable<(Section Section, int Depth)> AllSections(IEnumerable<Section> sections, int depth = 0) =>
        sections.SelectMany(s => new[] { (s, depth) }.Concat(AllSections(s.Sections, depth + 1)));

    /// <summary>Wrapping a paragraph onto lines and pages is layout, not structure: compare the words.</summary>
    private static string Words(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
