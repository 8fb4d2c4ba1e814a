using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Samverkan.Agreements;

namespace Samverkan.Documents.Render;

/// <summary>
/// Lays the agreement out on A4 by hand (MigraDoc is not available here): first every line is placed
/// on a page, then the pages are drawn, because the header's "page (total)" needs the page count.
/// </summary>
internal sealed class PdfAgreementWriter
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 70.9;
    private const double Right = PageWidth - 56.7;
    private const double TextWidth = Right - Left;
    private const double HeaderColumn = 340;
    private const double FooterBaselineBottom = PageHeight - 34;
    private const double FooterLineHeight = 9.4;
    private const double FootnoteLineHeight = 10;
    private const double FootnoteIndent = 14;
    private const double FootnoteGap = 3;
    private const double FootnoteSeparatorSpace = 12;
    private const double BulletIndent = 18;
    private const double SignatureRuleLength = 230;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont Body = Font(10.5);
    private static readonly XFont Detail = Font(9);
    private static readonly XFont Title = Font(16, XFontStyleEx.Bold);
    private static readonly XFont Heading2 = Font(12.5, XFontStyleEx.Bold);
    private static readonly XFont Heading3 = Font(11, XFontStyleEx.Bold);
    private static readonly XFont Heading4 = Font(10.5, XFontStyleEx.BoldItalic);
    private static readonly XFont Marker = Font(6.5);
    private static readonly XFont FootnoteFont = Font(8);
    private static readonly XFont HeaderKind = Font(13, XFontStyleEx.Bold);
    private static readonly XFont HeaderIssuer = Font(12, XFontStyleEx.Bold);
    private static readonly XFont HeaderText = Font(9);
    private static readonly XFont FooterLabel = Font(7.5, XFontStyleEx.Bold);
    private static readonly XFont FooterText = Font(7.5);
    private static readonly XFont SignatureLabel = Font(8);
    private static readonly XBrush Ink = XBrushes.Black;
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(80, 80, 80));
    private static readonly XPen RulePen = new(XColor.FromArgb(90, 90, 90), 0.5);

    private readonly AgreementDocumentModel model;
    private readonly DocumentFlow flow;
    private readonly XGraphics measure;
    private readonly double footerTop;
    private readonly List<PageLayout> pages = [];
    private PageLayout page = null!;
    private double y;

    private PdfAgreementWriter(AgreementDocumentModel model, XGraphics measure)
    {
        this.model = model;
        flow = DocumentFlow.From(model);
        this.measure = measure;
        var footerLines = flow.Footer.Count == 0 ? 0 : flow.Footer.Max(c => 1 + c.Lines.Sum(l => WrapWords(l, FooterText, ColumnWidth).Count));
        footerTop = FooterBaselineBottom - footerLines * FooterLineHeight;
    }

    private static double ColumnWidth => TextWidth / 4 - 8;

    public static byte[] Write(AgreementDocumentModel model)
    {
        AgreementFontResolver.EnsureInstalled();
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var writer = new PdfAgreementWriter(model, measure);
        writer.Layout();
        return writer.Draw();
    }

    /// <summary>
    /// The fonts are static fields, initialised before any method of this class runs; PDFsharp
    /// resolves the typeface when an XFont is made, so the resolver must be in place first.
    /// </summary>
    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        AgreementFontResolver.EnsureInstalled();
        return new(AgreementFontResolver.FamilyName, size, style, Unicode);
    }

    // ---- Layout ---------------------------------------------------------------------------------

    private double BodyTop(int pageIndex) => pageIndex == 0 ? 122 : 106;

    private double BodyBottom(PageLayout p) =>
        footerTop - 22 - (p.Footnotes.Count == 0 ? 0 : p.FootnoteHeight + FootnoteSeparatorSpace);

    private void NewPage()
    {
        page = new PageLayout();
        pages.Add(page);
        y = BodyTop(pages.Count - 1);
    }

    private bool Fits(double height) => y + height <= BodyBottom(page);

    /// <summary>A block that does not fit moves to a new page, unless the page is empty (it would not fit anywhere).</summary>
    private void EnsureRoom(double height)
    {
        if (!Fits(height) && page.Fragments.Count > 0)
            NewPage();
    }

    private void Space(double points)
    {
        if (page.Fragments.Count > 0)
            y += points;
    }

    private void Layout()
    {
        NewPage();
        var blocks = flow.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock heading:
                    LayoutHeading(heading, blocks.Skip(i + 1));
                    break;
                case TextBlock text:
                    LayoutText(text);
                    break;
                case SignatureBlock signature:
                    LayoutSignature(signature, first: i == 0 || blocks[i - 1] is not SignatureBlock);
                    break;
            }
        }
    }

    private static (XFont Font, double LineHeight, double Before, double After, Tag Tag) HeadingStyle(int level) => level switch
    {
        1 => (Title, 20, 0, 12, Tag.H1),
        2 => (Heading2, 16, 12, 5, Tag.H2),
        3 => (Heading3, 14.5, 9, 4, Tag.H3),
        _ => (Heading4, 14.5, 7, 3, Tag.H4),
    };

    private void LayoutHeading(HeadingBlock heading, IEnumerable<FlowBlock> rest)
    {
        var (font, lineHeight, before, after, tag) = HeadingStyle(heading.Level);
        var lines = WrapWords(heading.Text, font, TextWidth);
        Space(heading.StartsClosingBlock ? 28 : before);
        // A heading is kept with the first two lines of what it introduces. The closing
        // version-control block is short and read as one record, so it is kept whole: the hash
        // must not end up alone on a page of its own.
        var following = heading.StartsClosingBlock
            ? rest.OfType<TextBlock>().Sum(t => Wrap(t.Text, FontFor(t.Kind), TextWidth).Count * LineHeightFor(t.Kind) + 5)
            : rest.FirstOrDefault() switch
            {
                SignatureBlock signature => SignatureHeight(signature),
                TextBlock t => Math.Min(2, Wrap(t.Text, FontFor(t.Kind), TextWidth).Count) * LineHeightFor(t.Kind),
                HeadingBlock => 2 * 14.5 + 20,
                _ => 0,
            };
        EnsureRoom(lines.Count * lineHeight + after + following);
        var fragment = page.Add(tag);
        foreach (var line in lines)
        {
            fragment.Runs.Add(new Run(line, font, Left, Baseline(lineHeight)));
            y += lineHeight;
        }
        y += after;
    }

    private static XFont FontFor(TextKind kind) => kind == TextKind.Detail ? Detail : Body;

    private static double LineHeightFor(TextKind kind) => kind == TextKind.Detail ? 12.5 : 14.5;

    private double Baseline(double lineHeight) => y + lineHeight * 0.74;

    private void LayoutText(TextBlock block)
    {
        var font = FontFor(block.Kind);
        var lineHeight = LineHeightFor(block.Kind);
        var bullet = block.Kind == TextKind.Bullet;
        var indent = bullet ? (block.Depth + 1) * BulletIndent : 0;
        var width = TextWidth - indent;
        var marker = block.Footnotes.Count == 0 ? null : string.Join(",", block.Footnotes.Select(f => f.Number));
        var markerWidth = marker is null ? 0 : measure.MeasureString(marker, Marker).Width + 1;

        var lines = Wrap(block.Text, font, width);
        // The marker sticks to the last word: if it would overhang, that word moves down with it.
        if (marker is not null && measure.MeasureString(lines[^1], font).Width + markerWidth > width)
        {
            var cut = lines[^1].LastIndexOf(' ');
            if (cut > 0)
            {
                var last = lines[^1];
                lines[^1] = last[..cut];
                lines.Add(last[(cut + 1)..]);
            }
        }

        var footnoteHeight = block.Footnotes.Sum(f => FootnoteHeight(f));
        // Two lines at least on each side of a page break: a block of three lines or fewer moves
        // whole, a longer one leaves at least two lines behind (the widow check below does the rest).
        var firstChunk = lines.Count <= 3 ? lines.Count : 2;
        EnsureRoom(firstChunk * lineHeight + (firstChunk == lines.Count ? ReserveFor(footnoteHeight) : 0));

        Fragment? fragment = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var isLast = i == lines.Count - 1;
            // Widow control: rather than leave the last line (and its footnote marker) alone on the
            // next page, take the line before it along, as long as two lines stay behind.
            var widow = i == lines.Count - 2 && i >= 2 && !Fits(2 * lineHeight + ReserveFor(footnoteHeight));
            if ((widow || !Fits(lineHeight + (isLast ? ReserveFor(footnoteHeight) : 0))) && page.Fragments.Count > 0)
            {
                NewPage();
                fragment = null;
            }
            var baseline = Baseline(lineHeight);
            if (fragment is null)
            {
                fragment = page.Add(bullet ? (i == 0 ? Tag.ListItem : Tag.ListItemContinued) : Tag.Paragraph);
                if (bullet && i == 0)
                    fragment.Label.Add(new Run(block.Depth == 0 ? "–" : "•", font, Left + indent - BulletIndent + 4, baseline));
            }
            fragment.Runs.Add(new Run(lines[i], font, Left + indent, baseline));
            if (isLast && marker is not null)
            {
                var x = Left + indent + measure.MeasureString(lines[i], font).Width + 0.5;
                fragment.Runs.Add(new Run(marker, Marker, x, baseline - 4));
            }
            y += lineHeight;
        }
        foreach (var footnote in block.Footnotes)
        {
            page.Footnotes.Add(footnote);
            page.FootnoteHeight += FootnoteHeight(footnote);
        }
        y += block.Kind switch
        {
            TextKind.Paragraph => 7,
            TextKind.Bullet => 4,
            _ => 5,
        };
    }

    private double ReserveFor(double footnoteHeight) =>
        footnoteHeight == 0 ? 0 : footnoteHeight + (page.Footnotes.Count == 0 ? FootnoteSeparatorSpace : 0);

    private double FootnoteHeight(DocumentFootnote footnote) =>
        WrapWords(footnote.Text, FootnoteFont, TextWidth - FootnoteIndent).Count * FootnoteLineHeight + FootnoteGap;

    private List<string> SignatureDetails(SignatureBlock signature) =>
        [.. new[] { signature.Role, signature.PartyName }.OfType<string>().SelectMany(line => WrapWords(line, Detail, SignatureRuleLength + 60))];

    private double SignatureHeight(SignatureBlock signature) =>
        14.5 + 11 + 30 + 4 + 14.5 + SignatureDetails(signature).Count * 12.5 + 18;

    private void LayoutSignature(SignatureBlock signature, bool first)
    {
        Space(first ? 26 : 0);
        EnsureRoom(SignatureHeight(signature));
        var fragment = page.Add(Tag.Signature);
        y += 14.5;
        if (signature.PlaceAndDate is not null)
            fragment.Runs.Add(new Run(signature.PlaceAndDate, Body, Left, y - 4));
        fragment.Rules.Add(new Rule(Left, y, Left + SignatureRuleLength));
        y += 11;
        fragment.Runs.Add(new Run(DocumentLabels.PlaceAndDate, SignatureLabel, Left, y - 2, Grey));
        y += 30;
        fragment.Rules.Add(new Rule(Left, y, Left + SignatureRuleLength));
        y += 4;
        fragment.Runs.Add(new Run(signature.Name, Body, Left, Baseline(14.5)));
        y += 14.5;
        foreach (var line in SignatureDetails(signature))
        {
            fragment.Runs.Add(new Run(line, Detail, Left, Baseline(12.5)));
            y += 12.5;
        }
        y += 18;
    }

    // ---- Line breaking --------------------------------------------------------------------------

    /// <summary>Wraps at spaces, keeps "\n" as hard breaks; no hyphenation.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            lines.AddRange(WrapWords(paragraph, font, width));
        return lines;
    }

    private List<string> WrapWords(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var spaceWidth = measure.MeasureString(" ", font).Width;
        var current = new List<string>();
        var currentWidth = 0.0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var wordWidth = measure.MeasureString(word, font).Width;
            if (current.Count > 0 && currentWidth + spaceWidth + wordWidth <= width)
            {
                current.Add(word);
                currentWidth += spaceWidth + wordWidth;
                continue;
            }
            if (current.Count > 0)
                lines.Add(string.Join(' ', current));
            current.Clear();
            currentWidth = 0;
            // A word wider than the line (a URL, a hash) is cut by characters rather than overflowing.
            var rest = word;
            while (measure.MeasureString(rest, font).Width > width && rest.Length > 1)
            {
                var take = rest.Length - 1;
                while (take > 1 && measure.MeasureString(rest[..take], font).Width > width)
                    take--;
                // Prefer to cut a URL or a compound after a slash or a hyphen, as Word does.
                var soft = rest.AsSpan(0, take).LastIndexOfAny('/', '-');
                if (soft >= take / 2)
                    take = soft + 1;
                lines.Add(rest[..take]);
                rest = rest[take..];
            }
            current.Add(rest);
            currentWidth = measure.MeasureString(rest, font).Width;
        }
        if (current.Count > 0 || lines.Count == 0)
            lines.Add(string.Join(' ', current));
        return lines;
    }

    // ---- Drawing --------------------------------------------------------------------------------

    private byte[] Draw()
    {
        using var document = new PdfDocument();
        // PDFsharp's own PDF/A switch: XMP metadata with a PDF/A identification and an sRGB output
        // intent. See docs/decisions/0007-agreement-documents-pdfa.md for what it does not cover.
        document.SetPdfA();
        var structure = UAManager.ForDocument(document);
        structure.SetDocumentLanguage("sv-SE");
        var builder = structure.StructureBuilder;

        var content = model.Content;
        document.Info.Title = content.Title;
        document.Info.Author = model.IssuingParty.Name;
        document.Info.Subject = flow.Subject;
        document.Info.Creator = "Samverkan";
        document.Info.CreationDate = model.CreatedAt;
        document.Info.ModificationDate = model.CreatedAt;
        document.ViewerPreferences.DisplayDocTitle = true;
        // The file identifier names the agreement version, not the rendering run, so every copy of
        // one version carries the same /ID (PDFsharp would otherwise pick a random one).
        // PDFsharp takes the identifier as a string of byte values and writes it as hex.
        var idBytes = model.VersionHash is null
            ? SHA256.HashData(Encoding.UTF8.GetBytes(AgreementJson.Serialize(content)))
            : Convert.FromHexString(model.VersionHash);
        var id = new string([.. idBytes.Take(16).Select(b => (char)b)]);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        for (var index = 0; index < pages.Count; index++)
        {
            var pdfPage = document.AddPage();
            pdfPage.Width = XUnit.FromPoint(PageWidth);
            pdfPage.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(pdfPage);

            builder.BeginArtifact();
            DrawHeader(gfx, index);
            builder.End();

            DrawBody(gfx, builder, pages[index]);
            DrawFootnotes(gfx, builder, pages[index]);

            builder.BeginArtifact();
            DrawFooter(gfx);
            builder.End();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void DrawHeader(XGraphics gfx, int index)
    {
        var pageNumber = DocumentLabels.PageOf(index + 1, pages.Count);
        if (index == 0)
            gfx.DrawString(model.IssuingParty.Name, HeaderIssuer, Ink, Left, 50);
        var kindFont = index == 0 ? HeaderKind : Heading3;
        var pageNumberLeft = Right - gfx.MeasureString(pageNumber, HeaderText).Width;
        // A long kind ("UPPDRAGSÖVERENSKOMMELSE") would run into the page number from the usual column: start it earlier.
        var kindLeft = Math.Min(HeaderColumn, pageNumberLeft - 8 - gfx.MeasureString(flow.KindHeading, kindFont).Width);
        gfx.DrawString(flow.KindHeading, kindFont, Ink, kindLeft, 50);
        gfx.DrawString(pageNumber, HeaderText, Ink, pageNumberLeft, 50);
        var line = 64.0;
        if (flow.Date is not null)
        {
            gfx.DrawString($"{DocumentLabels.DateLabel} {flow.Date}", HeaderText, Ink, HeaderColumn, line);
            line += 12;
        }
        if (index == 0 && flow.Reference is not null)
            gfx.DrawString($"{DocumentLabels.ReferenceLabel} {flow.Reference}", HeaderText, Ink, HeaderColumn, line);
    }

    private static void DrawBody(XGraphics gfx, StructureBuilder builder, PageLayout layout)
    {
        var inList = false;
        foreach (var fragment in layout.Fragments)
        {
            var isListItem = fragment.Tag is Tag.ListItem or Tag.ListItemContinued;
            if (inList && !isListItem)
            {
                builder.End();
                inList = false;
            }
            switch (fragment.Tag)
            {
                case Tag.ListItem or Tag.ListItemContinued:
                    if (!inList)
                    {
                        builder.BeginElement(PdfBlockLevelElementTag.List);
                        inList = true;
                    }
                    builder.BeginElement(PdfBlockLevelElementTag.ListItem);
                    if (fragment.Label.Count > 0)
                    {
                        builder.BeginElement(PdfBlockLevelElementTag.Label);
                        DrawRuns(gfx, fragment.Label);
                        builder.End();
                    }
                    builder.BeginElement(PdfBlockLevelElementTag.ListBody);
                    DrawRuns(gfx, fragment.Runs);
                    builder.End();
                    builder.End();
                    break;
                case Tag.Signature:
                    builder.BeginElement(PdfGroupingElementTag.Division);
                    foreach (var run in fragment.Runs)
                    {
                        builder.BeginElement(PdfBlockLevelElementTag.Paragraph);
                        DrawRuns(gfx, [run]);
                        builder.End();
                    }
                    builder.End();
                    builder.BeginArtifact();
                    foreach (var rule in fragment.Rules)
                        gfx.DrawLine(RulePen, rule.X1, rule.Y, rule.X2, rule.Y);
                    builder.End();
                    break;
                default:
                    builder.BeginElement(fragment.Tag switch
                    {
                        Tag.H1 => PdfBlockLevelElementTag.Heading1,
                        Tag.H2 => PdfBlockLevelElementTag.Heading2,
                        Tag.H3 => PdfBlockLevelElementTag.Heading3,
                        Tag.H4 => PdfBlockLevelElementTag.Heading4,
                        _ => PdfBlockLevelElementTag.Paragraph,
                    });
                    DrawRuns(gfx, fragment.Runs);
                    builder.End();
                    break;
            }
        }
        if (inList)
            builder.End();
    }

    private static void DrawRuns(XGraphics gfx, IEnumerable<Run> runs)
    {
        foreach (var run in runs)
            gfx.DrawString(run.Text, run.Font, run.Brush ?? Ink, run.X, run.Y);
    }

    private void DrawFootnotes(XGraphics gfx, StructureBuilder builder, PageLayout layout)
    {
        if (layout.Footnotes.Count == 0)
            return;
        var top = BodyBottom(layout) + 6;
        builder.BeginArtifact();
        gfx.DrawLine(RulePen, Left, top, Left + 120, top);
        builder.End();
        var line = top + FootnoteSeparatorSpace - 6;
        foreach (var footnote in layout.Footnotes)
        {
            builder.BeginElement(PdfInlineLevelElementTag.Note);
            // The number sits on the note's baseline in the note's size, so text extractors read
            // "1 Kommunens …" as one line instead of a stray superscript.
            var number = footnote.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            gfx.DrawString(number, FootnoteFont, Ink, Left, line + FootnoteLineHeight * 0.74);
            foreach (var text in WrapWords(footnote.Text, FootnoteFont, TextWidth - FootnoteIndent))
            {
                gfx.DrawString(text, FootnoteFont, Ink, Left + FootnoteIndent, line + FootnoteLineHeight * 0.74);
                line += FootnoteLineHeight;
            }
            builder.End();
            line += FootnoteGap;
        }
    }

    private void DrawFooter(XGraphics gfx)
    {
        gfx.DrawLine(RulePen, Left, footerTop - 8, Right, footerTop - 8);
        for (var column = 0; column < flow.Footer.Count; column++)
        {
            var x = Left + column * (TextWidth / 4);
            var line = footerTop + FooterLineHeight * 0.74;
            gfx.DrawString(flow.Footer[column].Label, FooterLabel, Ink, x, line);
            foreach (var text in flow.Footer[column].Lines.SelectMany(l => WrapWords(l, FooterText, ColumnWidth)))
            {
                line += FooterLineHeight;
                gfx.DrawString(text, FooterText, Ink, x, line);
            }
        }
    }

    private enum Tag
    {
        H1,
        H2,
        H3,
        H4,
        Paragraph,
        ListItem,

        /// <summary>The rest of a list item that broke across pages: no second bullet.</summary>
        ListItemContinued,
        Signature,
    }

    private sealed record Run(string Text, XFont Font, double X, double Y, XBrush? Brush = null);

    private sealed record Rule(double X1, double Y, double X2);

    private sealed class Fragment(Tag tag)
    {
        public Tag Tag { get; } = tag;
        public List<Run> Label { get; } = [];
        public List<Run> Runs { get; } = [];
        public List<Rule> Rules { get; } = [];
    }

    private sealed class PageLayout
    {
        public List<Fragment> Fragments { get; } = [];
        public List<DocumentFootnote> Footnotes { get; } = [];
        public double FootnoteHeight { get; set; }

        public Fragment Add(Tag tag)
        {
            var fragment = new Fragment(tag);
            Fragments.Add(fragment);
            return fragment;
        }
    }
}
