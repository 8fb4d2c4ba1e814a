using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Samverkan.Documents.Tests.Import.Support;

/// <summary>
/// A Word document made from text, one paragraph per line: "- " lines become bulleted list paragraphs, a
/// "¹ ..." line becomes a real footnote referenced where "¹" stands in the text, pages end with page breaks.
/// </summary>
internal static class TestDocx
{
    public static byte[] FromText(string text, bool realFootnotes = true)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            AddNumbering(main);

            var pages = TextPages.Split(text);
            var notes = realFootnotes
                ? pages.SelectMany(p => p.Split('\n')).Where(l => l.StartsWith("¹ ", StringComparison.Ordinal)).ToList()
                : [];
            if (notes.Count > 0) AddFootnote(main, notes[0][2..]);

            for (var p = 0; p < pages.Count; p++)
            {
                foreach (var line in pages[p].Split('\n'))
                {
                    if (notes.Contains(line)) continue;
                    body.Append(Paragraph(line, notes.Count > 0));
                }

                if (p < pages.Count - 1) body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string line, bool footnote)
    {
        var paragraph = new Paragraph();
        if (line.StartsWith("- ", StringComparison.Ordinal))
        {
            paragraph.Append(new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
            line = line[2..];
        }

        var parts = footnote ? line.Split('¹') : [line];
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = 1 }));
            if (parts[i].Length > 0) paragraph.Append(new Run(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static void AddFootnote(MainDocumentPart main, string text)
    {
        var part = main.AddNewPart<FootnotesPart>();
        part.Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
            new Footnote(new Paragraph(
                new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
                new Run(new Text(" " + text) { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });
        part.Footnotes.Save();
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "–" }) { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        part.Numbering.Save();
    }
}
