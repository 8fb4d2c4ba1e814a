using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using Samverkan.Agreements;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Tests.Render;

/// <summary>Random agreements of every shape must paginate without losing or overlapping text.</summary>
public class RenderPropertyTests
{
    private static readonly RenderAgreementDocument Render = new();

    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzåäöÅÄÖ–,."], 1, 14];
    private static readonly Gen<string> LongWord = Gen.String[Gen.Char["abcdef0123456789"], 60, 160];
    private static readonly Gen<string> Sentence = Gen.OneOf(
        Word.Array[1, 90].Select(words => string.Join(' ', words)),
        Gen.Select(Word.Array[0, 5], LongWord, (words, longWord) => string.Join(' ', words) + " " + longWord),
        Word.Array[1, 20].Select(words => string.Join("\n", words)),
        Gen.Const("\tTabb\r\nrad\u0001 två"));

    private static readonly Gen<Item> ItemGen = Gen.Select(Gen.Bool, Sentence, Sentence.Array[0, 2], (bullet, text, notes) =>
        new Item { Style = bullet ? ItemStyles.Bullet : ItemStyles.Paragraph, Text = text, Footnotes = notes });

    private static readonly Gen<Section> SectionGen = Gen.Select(Word.Array[1, 6], ItemGen.Array[0, 7], (heading, items) =>
        new Section { Heading = "Avsnitt " + string.Join(' ', heading), Items = items, Sections = [new Section { Heading = "Underavsnitt", Items = [.. items.Take(2)] }] });

    private static readonly Gen<AgreementDocumentModel> ModelGen = Gen.Select(SectionGen.Array[1, 7], Gen.Bool, (sections, signed) =>
        (signed ? AgreementSamples.Signed() : AgreementSamples.Unsigned()) with { Content = AgreementSamples.Content() with { Sections = sections } });

    [Fact]
    public void RenderPdf_AnyAgreement_NumbersPagesKeepsHeadingsInOrderAndTextOffTheFooter()
    {
        ModelGen.Sample(model =>
        {
            using var pdf = new PdfText(Render.RenderPdf(model));
            var text = pdf.AllWords();
            var position = 0;
            foreach (var section in model.Content.Sections)
            {
                position = text.IndexOf(section.Heading, position, StringComparison.Ordinal);
                Assert.True(position >= 0, $"heading '{section.Heading}' missing or out of order");
            }
            foreach (var page in pdf.Pages)
            {
                Assert.Contains($"{page.Number} ({pdf.Pages.Count})", PdfText.Words(page));
                Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 50, page.Width - 40));
                var footerTop = page.Letters.Where(l => Math.Abs(l.PointSize - 7.5) < 0.1).Max(l => l.BoundingBox.Top);
                var lowest = page.Letters.Where(l => l.PointSize > 7.9).Min(l => l.BoundingBox.Bottom);
                Assert.True(lowest > footerTop + 5, $"page {page.Number}: text at {lowest} reaches the footer at {footerTop}");
            }
        }, iter: 10, threads: 1);
    }

    [Fact]
    public void RenderDocx_AnyAgreement_OpensWithEveryFootnote()
    {
        ModelGen.Sample(model =>
        {
            using var docx = WordprocessingDocument.Open(new MemoryStream(Render.RenderDocx(model)), isEditable: false);
            var notes = model.Content.Sections.SelectMany(Flatten).SelectMany(i => i.Footnotes).Count();
            Assert.Equal(notes + 2, docx.MainDocumentPart!.FootnotesPart!.Footnotes!.ChildElements.Count);
        }, iter: 10, threads: 1);
    }

    private static IEnumerable<Item> Flatten(Section section) => section.Items.Concat(section.Sections.SelectMany(Flatten));
}
