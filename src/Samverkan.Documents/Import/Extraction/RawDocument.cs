namespace Samverkan.Documents.Import.Extraction;

internal enum LineHint
{
    None,

    /// <summary>The source marked the line as a heading (a Word heading style, a bold or larger PDF line).</summary>
    Heading,
}

/// <param name="Level">For a heading: 1 for a main heading, 2 for a subheading, as the source's styles say.</param>
internal readonly record struct RawLine(string Text, LineHint Hint = LineHint.None, int Level = 1);

/// <summary>Text as a format hands it over, before any interpretation.</summary>
internal sealed class RawDocument
{
    public required string Format { get; init; }

    /// <summary>Physical pages when the format knows them (PDF, form feeds); otherwise one page.</summary>
    public List<List<RawLine>> Pages { get; } = [];

    /// <summary>Text the format itself keeps out of the body (Word headers and footers).</summary>
    public List<RawLine> Furniture { get; } = [];

    /// <summary>
    /// True when each line is a whole paragraph (Word): lines are then never joined by length,
    /// as they would be for text wrapped on a PDF page.
    /// </summary>
    public bool ParagraphLines { get; init; }

    public List<string> Warnings { get; } = [];

    public int CharCount => Pages.Sum(p => p.Sum(l => l.Text.Length + 1)) + Furniture.Sum(l => l.Text.Length + 1);
}
