using Samverkan.Agreements;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Tests.Render;

public class AgreementDocumentModelTests
{
    private static readonly RenderAgreementDocument Render = new();

    [Theory]
    [InlineData("pdf", AgreementDocumentFormat.Pdf)]
    [InlineData("PDF", AgreementDocumentFormat.Pdf)]
    [InlineData(".docx", AgreementDocumentFormat.Docx)]
    [InlineData(" docx ", AgreementDocumentFormat.Docx)]
    public void TryParse_KnownFormat_ReturnsIt(string value, AgreementDocumentFormat expected)
    {
        Assert.True(AgreementDocumentFormats.TryParse(value, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("odt")]
    [InlineData("pdfa")]
    public void TryParse_UnknownFormat_ReturnsFalse(string? value) =>
        Assert.False(AgreementDocumentFormats.TryParse(value, out _));

    [Fact]
    public void MediaTypeAndExtension_MatchTheFormat()
    {
        Assert.Equal("application/pdf", AgreementDocumentFormat.Pdf.MediaType());
        Assert.Equal("docx", AgreementDocumentFormat.Docx.FileExtension());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3f5a9c0e7b21d4486a0f9e1c2b7d3e5f60718293a4b5c6d7e8f90123456789zz")]
    public void Render_BadHash_IsRejected(string hash)
    {
        var model = AgreementSamples.Signed() with { VersionHash = hash };

        Assert.Throws<ArgumentException>(() => Render.RenderPdf(model));
        Assert.Throws<ArgumentException>(() => Render.RenderDocx(model));
    }

    [Fact]
    public void Render_LocalCreationTime_IsRejected()
    {
        var model = AgreementSamples.Signed() with { CreatedAt = new DateTime(2024, 3, 14, 9, 30, 0, DateTimeKind.Local) };

        Assert.Throws<ArgumentException>(() => Render.RenderPdf(model));
    }

    [Fact]
    public void Render_UnknownSigningMethod_IsRejected()
    {
        var model = AgreementSamples.Signed();
        model = model with { SigningRecords = [model.SigningRecords[0] with { Method = "fax" }] };

        Assert.Throws<ArgumentException>(() => Render.RenderDocx(model));
    }

    [Theory]
    [InlineData(AgreementDocumentFormat.Pdf, "%PDF-")]
    [InlineData(AgreementDocumentFormat.Docx, "PK")]
    public void Render_ByFormat_WritesThatFormat(AgreementDocumentFormat format, string magic)
    {
        var bytes = Render.Render(AgreementSamples.Signed(), format);

        Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length));
    }

    [Fact]
    public void Flow_WhenOneCommitmentAddsToTheProse_ListsEveryCommitment()
    {
        var flow = DocumentFlow.From(AgreementSamples.Signed());
        var commitments = flow.Blocks.OfType<TextBlock>().Where(b => b.Text.StartsWith("Åtagande", StringComparison.Ordinal)).ToList();

        // The municipality's commitment adds a target, so the region's is listed too, although it only quotes the bullet:
        // a document that lists some commitments must list them all, or a reader (and the importer) would miss the rest.
        Assert.Equal(2, commitments.Count);
        Assert.Equal("Åtagande för Region Dalarna: Regionen åtar sig att låta länets scenkonstinstitutioner turnera i kommunen.", commitments[0].Text);
        Assert.Equal("Åtagande för Smedjebackens kommun: Kommunen åtar sig att hålla en tillgänglig scen och stödja lokala arrangörer. Indikator: Antal föreställningar per år. Målvärde: minst sex. Klart senast 2027-12-31.", commitments[1].Text);
    }

    [Fact]
    public void Flow_CommitmentsAllQuotedFromTheProse_AreNotRepeated()
    {
        var signed = AgreementSamples.Signed();
        var quotesOnly = signed.Content with
        {
            Sections = [.. signed.Content.Sections.Select(s => s with
            {
                Items = [.. s.Items.Select(i => i with { Commitments = [.. i.Commitments.Where(c => i.Text.Contains(c.Text) && c.Target is null && c.Indicator is null && c.Due is null)] })],
            })],
        };
        var flow = DocumentFlow.From(signed with { Content = quotesOnly });

        Assert.NotEmpty(quotesOnly.Sections.SelectMany(s => s.Items).SelectMany(i => i.Commitments));
        Assert.DoesNotContain(flow.Blocks.OfType<TextBlock>(), b => b.Text.StartsWith("Åtagande", StringComparison.Ordinal));
    }

    [Fact]
    public void Flow_JointCommitmentNotInProse_NamesBothParties()
    {
        var content = AgreementSamples.Content() with
        {
            Sections = [new Section { Heading = "Ny", Items = [new Item { Text = "Parterna samarbetar.", Commitments = [new Commitment { Parties = ["20", "2061"], Text = "Gemensam konferens 2025." }] }] }],
        };
        var flow = DocumentFlow.From(AgreementSamples.Signed() with { Content = content });

        Assert.Contains(flow.Blocks.OfType<TextBlock>(), b => b.Text == "Åtagande för Region Dalarna och Smedjebackens kommun: Gemensam konferens 2025.");
    }

    [Fact]
    public void Flow_Footnotes_AreNumberedThroughTheDocument()
    {
        var flow = DocumentFlow.From(AgreementSamples.Long());

        Assert.Equal(Enumerable.Range(1, 5), flow.Blocks.OfType<TextBlock>().SelectMany(b => b.Footnotes).Select(f => f.Number));
    }

    [Fact]
    public void Render_MinimalDraft_WithoutDateReferenceOrOfficer_Works()
    {
        var model = new AgreementDocumentModel
        {
            Content = new AgreementContent { Title = "Utkast", Sections = [new Section { Heading = "Bakgrund", Items = [new Item { Text = "Text kommer." }] }] },
            IssuingParty = new IssuingParty { Name = "Region Dalarna" },
            VersionNumber = 1,
            CreatedAt = AgreementSamples.CreatedAt,
        };

        using var pdf = new PdfText(Render.RenderPdf(model));
        Assert.Contains("Utkast", PdfText.Words(pdf.Pages[0]));
        Assert.Contains("1 (1)", PdfText.Words(pdf.Pages[0]));
        Assert.NotEmpty(Render.RenderDocx(model));
    }
}
