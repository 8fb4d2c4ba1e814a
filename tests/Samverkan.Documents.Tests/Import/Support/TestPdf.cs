using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Samverkan.Documents.Tests.Import.Support;

/// <summary>Lays text out on A4 pages the way an office suite would: one page per page of the text, lines wrapped.</summary>
internal static class TestPdf
{
    private const double Margin = 56;
    private const double FontSize = 9;
    private const double LineHeight = 11.5;

    public static byte[] FromText(string text, Action<PdfDocument>? configure = null)
    {
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var font = new XFont(DejaVuFontResolver.Family, FontSize, XFontStyleEx.Regular);
        foreach (var pageText in TextPages.Split(text))
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            var gfx = XGraphics.FromPdfPage(page);
            var y = Margin;
            var width = 595 - 2 * Margin;
            foreach (var line in pageText.Split('\n'))
            {
                // Text aligned with runs of spaces (signatures side by side) is drawn in real columns.
                var cells = System.Text.RegularExpressions.Regex.Split(line.Trim(), " {3,}");
                if (cells.Length > 1)
                {
                    for (var c = 0; c < cells.Length; c++)
                    {
                        gfx.DrawString(cells[c], font, XBrushes.Black, Margin + c * width / cells.Length, y, XStringFormats.TopLeft);
                    }

                    y += LineHeight;
                    continue;
                }

                var bullet = line.StartsWith("- ", StringComparison.Ordinal);
                var indent = bullet ? 12.0 : 0.0;
                var first = true;
                foreach (var wrapped in Wrap(gfx, font, bullet ? line[2..] : line, width - indent))
                {
                    if (y > 842 - Margin)
                    {
                        gfx.Dispose();
                        page = document.AddPage();
                        gfx = XGraphics.FromPdfPage(page);
                        y = Margin;
                    }

                    if (bullet && first) gfx.DrawString("-", font, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
                    if (wrapped.Length > 0) gfx.DrawString(wrapped, font, XBrushes.Black, Margin + indent, y, XStringFormats.TopLeft);
                    y += LineHeight;
                    first = false;
                }
            }

            gfx.Dispose();
        }

        configure?.Invoke(document);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>A page with an image and no text, as a scanner without OCR produces.</summary>
    public static byte[] WithoutText()
    {
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            // A 2x2 PNG standing in for a scanned page.
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
            using var image = XImage.FromStream(new MemoryStream(png));
            gfx.DrawImage(image, 50, 50, 495, 700);
            gfx.DrawLine(XPens.Black, 60, 300, 400, 320);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, XFont font, string line, double width)
    {
        if (line.Length == 0)
        {
            yield return "";
            yield break;
        }

        var current = "";
        foreach (var word in line.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        yield return current;
    }
}

internal static class TextPages
{
    /// <summary>Form feeds separate pages; text without them separates pages by two or more blank lines.</summary>
    public static List<string> Split(string text)
    {
        text = text.Replace("\r\n", "\n");
        if (text.Contains('\f')) return text.Split('\f').Select(p => p.Trim('\n')).ToList();
        return System.Text.RegularExpressions.Regex.Split(text.Trim('\n'), @"\n{4,}").ToList();
    }
}
