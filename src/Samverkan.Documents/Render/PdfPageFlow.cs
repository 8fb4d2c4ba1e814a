using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Samverkan.Documents.Render;

/// <summary>How a block of body text is set: its font, indent and list marker.</summary>
internal enum FlowText
{
    Paragraph,
    Bullet,
    Numbered,

    /// <summary>A line under a numbered or bulleted one (a decision's commitment, an answer's earlier year).</summary>
    Sub,
    Detail,
}

/// <summary>A table column: its heading, its share of the text width, and whether figures in it align right.</summary>
internal sealed record FlowColumn(string Heading, double Share, bool AlignRight = false);

/// <summary>
/// The hand layout of a plain A4 document (dialogue minutes, follow-up reports) in the agreement documents' type: same
/// embedded font, sizes and margins, and the letterhead with "page (total)". Blocks are placed on pages first and drawn
/// afterwards, because the header needs the page count. Headings, paragraphs, lists, tables and figures are tagged, so
/// the PDF reads in order with a screen reader; page furniture is an artifact.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Left = 70.9;
    public const double Right = PageWidth - 56.7;
    public const double TextWidth = Right - Left;
    private const double HeaderColumn = 340;
    private const double Top = 112;
    private const double Bottom = PageHeight - 60;
    private const double Indent = 18;
    private const double CellPadding = 4;
    private const double CellLineHeight = 11.5;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    public static readonly XFont Body = Font(10.5);
    public static readonly XFont Small = Font(9);
    private static readonly XFont Title = Font(16, XFontStyleEx.Bold);
    private static readonly XFont Heading2 = Font(12.5, XFontStyleEx.Bold);
    private static readonly XFont Heading3 = Font(11, XFontStyleEx.Bold);
    private static readonly XFont Heading4 = Font(10.5, XFontStyleEx.BoldItalic);
    private static readonly XFont HeaderKind = Font(13, XFontStyleEx.Bold);
    private static readonly XFont HeaderIssuer = Font(12, XFontStyleEx.Bold);
    private static readonly XFont HeaderText = Font(9);
    public static readonly XBrush Ink = XBrushes.Black;
    public static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(80, 80, 80));
    public static readonly XPen RulePen = new(XColor.FromArgb(90, 90, 90), 0.5);

    private readonly XGraphics measure;
    private readonly List<List<Fragment>> pages = [];
    private List<Fragment> page = null!;
    private double y;

    public PdfPageFlow()
    {
        AgreementFontResolver.EnsureInstalled();
        measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        NewPage();
    }

    public void Dispose() => measure.Dispose();

    /// <summary>
    /// The fonts are static fields, made before any method runs; PDFsharp resolves the typeface when an XFont is made,
    /// so the resolver must be in place first.
    /// </summary>
    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        AgreementFontResolver.EnsureInstalled();
        return new(AgreementFontResolver.FamilyName, size, style, Unicode);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public double Width(string text, XFont font) => measure.MeasureString(text, font).Width;

    // ---- Layout ---------------------------------------------------------------------------------

    private void NewPage()
    {
        page = [];
        pages.Add(page);
        y = Top;
    }

    public void Space(double points)
    {
        if (page.Count > 0) y += points;
    }

    private void EnsureRoom(double height)
    {
        if (y + height > Bottom && page.Count > 0) NewPage();
    }

    public void Heading(int level, string text)
    {
        var (font, lineHeight, before, after) = level switch
        {
            1 => (Title, 20.0, 0.0, 8.0),
            2 => (Heading2, 16.0, 12.0, 4.0),
            3 => (Heading3, 14.5, 7.0, 2.0),
            _ => (Heading4, 14.5, 5.0, 1.0),
        };
        var lines = Wrap(Clean(text), font, TextWidth);
        Space(before);
        // A heading keeps the first two lines of what follows with it.
        EnsureRoom(lines.Count * lineHeight + after + 2 * 14.5);
        var fragment = new TextFragment(level switch { 1 => Tag.H1, 2 => Tag.H2, 3 => Tag.H3, _ => Tag.H4 });
        page.Add(fragment);
        foreach (var line in lines)
        {
            fragment.Runs.Add(new Run(line, font, Left, y + lineHeight * 0.74));
            y += lineHeight;
        }
        y += after;
    }

    /// <summary>Text from people: paragraphs are separated by an empty line.</summary>
    public void Paragraphs(string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            Text(FlowText.Paragraph, paragraph.Trim());
    }

    public void Text(FlowText kind, string text, string? label = null)
    {
        var font = kind == FlowText.Detail ? Small : Body;
        var lineHeight = kind == FlowText.Detail ? 12.5 : 14.5;
        var indent = kind switch { FlowText.Bullet or FlowText.Numbered => Indent, FlowText.Sub => 2 * Indent, _ => 0 };
        var lines = Wrap(Clean(text), font, TextWidth - indent);
        EnsureRoom(Math.Min(2, lines.Count) * lineHeight);
        TextFragment? fragment = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (y + lineHeight > Bottom && page.Count > 0)
            {
                NewPage();
                fragment = null;
            }
            var baseline = y + lineHeight * 0.74;
            if (fragment is null)
            {
                var listed = kind is FlowText.Bullet or FlowText.Numbered or FlowText.Sub;
                fragment = new TextFragment(listed ? (i == 0 ? Tag.ListItem : Tag.ListItemContinued) : Tag.Paragraph);
                page.Add(fragment);
                if (listed && i == 0)
                    fragment.Label.Add(new Run(label ?? (kind == FlowText.Sub ? "•" : "–"), font, Left + indent - Indent + 2, baseline));
            }
            fragment.Runs.Add(new Run(lines[i], font, Left + indent, baseline, kind == FlowText.Detail ? Grey : null));
            y += lineHeight;
        }
        y += kind switch { FlowText.Paragraph => 6, FlowText.Detail => 2, _ => 3 };
    }

    /// <summary>
    /// A table with a header row, wrapped cells and thin rules. A row never splits; a table that runs over a page
    /// continues on the next with its header row again (and is tagged as a table of its own there).
    /// </summary>
    public void Table(IReadOnlyList<FlowColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool rowHeaders = true)
    {
        var shares = columns.Sum(c => c.Share);
        var widths = columns.Select(c => TextWidth * c.Share / shares).ToList();
        List<List<string>> CellLines(IReadOnlyList<string> cells, XFont font) =>
            cells.Select((text, i) => Wrap(Clean(text), font, widths[i] - 2 * CellPadding)).ToList();
        double Height(List<List<string>> lines) => lines.Max(l => l.Count) * CellLineHeight + 2 * CellPadding;

        // Headings are set a little smaller, or broken where a soft hyphen allows, rather than cut inside a word.
        var headerFont = new[] { 9, 8.5, 8 }.Select(size => Font(size, XFontStyleEx.Bold))
            .FirstOrDefault(font => columns.Select((c, i) => c.Heading.Split(' ', SoftHyphen).All(part => Width(part + "-", font) <= widths[i] - 2 * CellPadding))
                .All(fits => fits))
            ?? Font(8, XFontStyleEx.Bold);
        var header = CellLines(columns.Select(c => c.Heading).ToList(), headerFont);
        var headerHeight = Height(header);
        TableFragment? table = null;
        void Start()
        {
            table = new TableFragment();
            page.Add(table);
            AddRow(table, header, headerFont, widths, columns, isHeader: true, rowHeaders: false);
        }

        Space(2);
        var first = rows.Count == 0 ? headerHeight : Height(CellLines(rows[0], Small));
        EnsureRoom(headerHeight + first);
        Start();
        foreach (var row in rows)
        {
            var lines = CellLines(row, Small);
            if (y + Height(lines) > Bottom)
            {
                NewPage();
                Start();
            }
            AddRow(table!, lines, Small, widths, columns, isHeader: false, rowHeaders);
        }
        y += 8;
    }

    private void AddRow(TableFragment table, List<List<string>> lines, XFont font, List<double> widths, IReadOnlyList<FlowColumn> columns, bool isHeader,
        bool rowHeaders)
    {
        var height = lines.Max(l => l.Count) * CellLineHeight + 2 * CellPadding;
        var cells = new List<Cell>();
        var x = Left;
        for (var i = 0; i < lines.Count; i++)
        {
            var cell = new Cell(isHeader || (rowHeaders && i == 0));
            for (var l = 0; l < lines[i].Count; l++)
            {
                var text = lines[i][l];
                var left = columns[i].AlignRight ? x + widths[i] - CellPadding - Width(text, font) : x + CellPadding;
                cell.Runs.Add(new Run(text, font, left, y + CellPadding + l * CellLineHeight + CellLineHeight * 0.78));
            }
            cells.Add(cell);
            x += widths[i];
        }
        table.Rows.Add(new TableRow(isHeader, cells));
        y += height;
        table.Rules.Add((y, isHeader ? 0.9 : 0.3));
    }

    /// <summary>
    /// A drawing (a chart) of the given height across the text width, with its caption above it on the same page and its
    /// alternative text for the tag.
    /// </summary>
    public void Figure(string caption, string altText, double height, Action<XGraphics, XRect> draw)
    {
        Space(4);
        EnsureRoom(Wrap(caption, Small, TextWidth).Count * 12.5 + 2 + height);
        Text(FlowText.Detail, caption);
        page.Add(new FigureFragment(altText, new XRect(Left, y, TextWidth, height), draw));
        y += height + 6;
    }

    /// <summary>Text from people and imported documents: tabs and control characters have no glyph and are dropped.</summary>
    private static string Clean(string text) =>
        new([.. text.Replace('\t', ' ').Replace("\r\n", "\n").Where(c => !char.IsControl(c) || c == '\n')]);

    /// <summary>A place a word may be broken with a hyphen; it is not printed otherwise.</summary>
    private const char SoftHyphen = '\u00AD';

    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = WrapWords(text, font, width);
        return lines.Any(l => l.Contains(SoftHyphen)) ? lines.Select(l => l.Replace(SoftHyphen.ToString(), "")).ToList() : lines;
    }

    private List<string> WrapWords(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = "";
            foreach (var whole in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = whole;
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(candidate, font) <= width || current.Length == 0 && !TooWide(word, font, width))
                {
                    current = candidate;
                    continue;
                }
                // A word with soft hyphens puts as much of itself as fits on the line it continues.
                var head = word.LastIndexOf(SoftHyphen);
                while (current.Length > 0 && head > 0 && TooWide(current + " " + word[..head] + "-", font, width))
                    head = word.LastIndexOf(SoftHyphen, head - 1);
                if (current.Length > 0 && head > 0)
                {
                    lines.Add(current + " " + word[..head] + "-");
                    current = "";
                    word = word[(head + 1)..];
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                // A word with soft hyphens breaks at the last one that leaves a part that fits.
                while (TooWide(current, font, width) && current.LastIndexOf(SoftHyphen) is var at && at > 0)
                {
                    var cut = at;
                    while (cut > 0 && TooWide(current[..cut] + "-", font, width)) cut = current.LastIndexOf(SoftHyphen, cut - 1);
                    if (cut <= 0) break;
                    lines.Add(current[..cut] + "-");
                    current = current[(cut + 1)..];
                }
                // A word wider than the line (a link, an id) is cut by characters rather than overflowing.
                while (TooWide(current, font, width) && current.Length > 1)
                {
                    var take = current.Length - 1;
                    while (take > 1 && TooWide(current[..take], font, width)) take--;
                    lines.Add(current[..take]);
                    current = current[take..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    private bool TooWide(string text, XFont font, double width) => Width(text.Replace(SoftHyphen.ToString(), ""), font) > width;

    // ---- Drawing --------------------------------------------------------------------------------

    /// <summary>Draws the placed pages; <paramref name="furniture"/> draws each page's header and footer (page index, page count).</summary>
    public byte[] Draw(string title, string author, string subject, DateTime renderedAt, Action<XGraphics, int, int> furniture)
    {
        using var document = new PdfDocument();
        document.SetPdfA();
        var structure = UAManager.ForDocument(document);
        structure.SetDocumentLanguage("sv-SE");
        var builder = structure.StructureBuilder;
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Subject = subject;
        document.Info.Creator = "Samverkan";
        document.Info.CreationDate = renderedAt;
        document.Info.ModificationDate = renderedAt;
        document.ViewerPreferences.DisplayDocTitle = true;

        for (var index = 0; index < pages.Count; index++)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(PageWidth);
            pdfPage.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(pdfPage);
            builder.BeginArtifact();
            furniture(gfx, index, pages.Count);
            foreach (var table in pages[index].OfType<TableFragment>())
                foreach (var (ruleY, width) in table.Rules)
                    gfx.DrawLine(new XPen(RulePen.Color, width), Left, ruleY, Right, ruleY);
            builder.End();
            DrawBody(gfx, builder, pages[index]);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// The letterhead of minutes and reports: the issuer (first page), the document's kind and "page (total)" on the first
    /// line, then <paramref name="lines"/> under the kind (<paramref name="firstPageLines"/> only on the first page).
    /// </summary>
    public static void Letterhead(XGraphics gfx, int index, int count, string issuer, string kind, IEnumerable<string> lines,
        IEnumerable<string> firstPageLines)
    {
        var pageNumber = $"{index + 1} ({count})";
        if (index == 0) gfx.DrawString(issuer, HeaderIssuer, Ink, Left, 50);
        gfx.DrawString(kind, index == 0 ? HeaderKind : Heading3, Ink, HeaderColumn, 50);
        gfx.DrawString(pageNumber, HeaderText, Ink, Right - gfx.MeasureString(pageNumber, HeaderText).Width, 50);
        var y = 64.0;
        foreach (var line in index == 0 ? lines.Concat(firstPageLines) : lines)
        {
            gfx.DrawString(line, HeaderText, Ink, HeaderColumn, y);
            y += 12;
        }
    }

    /// <summary>A rule and one grey line at the foot of the page.</summary>
    public static void Footline(XGraphics gfx, string text)
    {
        gfx.DrawLine(RulePen, Left, PageHeight - 44, Right, PageHeight - 44);
        gfx.DrawString(text, HeaderText, Grey, Left, PageHeight - 32);
    }

    private static void DrawBody(XGraphics gfx, StructureBuilder builder, List<Fragment> fragments)
    {
        var inList = false;
        foreach (var fragment in fragments)
        {
            var isListItem = fragment is TextFragment { Tag: Tag.ListItem or Tag.ListItemContinued };
            if (inList && !isListItem)
            {
                builder.End();
                inList = false;
            }
            switch (fragment)
            {
                case TextFragment text when isListItem:
                    if (!inList)
                    {
                        builder.BeginElement(PdfBlockLevelElementTag.List);
                        inList = true;
                    }
                    builder.BeginElement(PdfBlockLevelElementTag.ListItem);
                    if (text.Label.Count > 0)
                    {
                        builder.BeginElement(PdfBlockLevelElementTag.Label);
                        DrawRuns(gfx, text.Label);
                        builder.End();
                    }
                    builder.BeginElement(PdfBlockLevelElementTag.ListBody);
                    DrawRuns(gfx, text.Runs);
                    builder.End();
                    builder.End();
                    break;
                case TextFragment text:
                    builder.BeginElement(text.Tag switch
                    {
                        Tag.H1 => PdfBlockLevelElementTag.Heading1,
                        Tag.H2 => PdfBlockLevelElementTag.Heading2,
                        Tag.H3 => PdfBlockLevelElementTag.Heading3,
                        Tag.H4 => PdfBlockLevelElementTag.Heading4,
                        _ => PdfBlockLevelElementTag.Paragraph,
                    });
                    DrawRuns(gfx, text.Runs);
                    builder.End();
                    break;
                case TableFragment table:
                    DrawTable(gfx, builder, table);
                    break;
                case FigureFragment figure:
                    builder.BeginElement(PdfIllustrationElementTag.Figure, figure.AltText, figure.Rect);
                    figure.Draw(gfx, figure.Rect);
                    builder.End();
                    break;
            }
        }
        if (inList) builder.End();
    }

    private static void DrawTable(XGraphics gfx, StructureBuilder builder, TableFragment table)
    {
        builder.BeginElement(PdfBlockLevelElementTag.Table);
        foreach (var group in table.Rows.GroupBy(r => r.IsHeader))
        {
            builder.BeginElement(group.Key ? PdfBlockLevelElementTag.TableHeadRowGroup : PdfBlockLevelElementTag.TableBodyRowGroup);
            foreach (var row in group)
            {
                builder.BeginElement(PdfBlockLevelElementTag.TableRow);
                foreach (var cell in row.Cells)
                {
                    builder.BeginElement(cell.IsHeader ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                    DrawRuns(gfx, cell.Runs);
                    builder.End();
                }
                builder.End();
            }
            builder.End();
        }
        builder.End();
    }

    private static void DrawRuns(XGraphics gfx, IEnumerable<Run> runs)
    {
        foreach (var run in runs) gfx.DrawString(run.Text, run.Font, run.Brush ?? Ink, run.X, run.Y);
    }

    private enum Tag
    {
        H1,
        H2,
        H3,
        H4,
        Paragraph,
        ListItem,
        ListItemContinued,
    }

    private sealed record Run(string Text, XFont Font, double X, double Y, XBrush? Brush = null);

    private abstract class Fragment;

    private sealed class TextFragment(Tag tag) : Fragment
    {
        public Tag Tag { get; } = tag;
        public List<Run> Label { get; } = [];
        public List<Run> Runs { get; } = [];
    }

    private sealed class Cell(bool isHeader)
    {
        public bool IsHeader { get; } = isHeader;
        public List<Run> Runs { get; } = [];
    }

    private sealed record TableRow(bool IsHeader, List<Cell> Cells);

    private sealed class TableFragment : Fragment
    {
        public List<TableRow> Rows { get; } = [];

        /// <summary>Where the rule under each row goes, and how heavy it is (the header's is heavier).</summary>
        public List<(double Y, double Width)> Rules { get; } = [];
    }

    private sealed class FigureFragment(string altText, XRect rect, Action<XGraphics, XRect> draw) : Fragment
    {
        public string AltText { get; } = altText;
        public XRect Rect { get; } = rect;
        public Action<XGraphics, XRect> Draw { get; } = draw;
    }
}
