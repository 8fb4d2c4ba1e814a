using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Samverkan.Documents.Tests.Render;

/// <summary>Reads a rendered PDF back the way a text extractor would.</summary>
internal sealed class PdfText : IDisposable
{
    private readonly PdfDocument document;

    public PdfText(byte[] pdf)
    {
        Bytes = pdf;
        document = PdfDocument.Open(pdf);
        Pages = document.GetPages().ToList();
    }

    public byte[] Bytes { get; }
    public IReadOnlyList<Page> Pages { get; }
    public PdfDocument Document => document;

    /// <summary>A page's words joined by single spaces, so wrapped lines read as running text.</summary>
    public static string Words(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>All pages' words in page order.</summary>
    public string AllWords() => string.Join(" ", Pages.Select(Words));

    /// <summary>The raw file as Latin-1, for looking at dictionary keys (PDFsharp leaves them uncompressed).</summary>
    public string Raw => Encoding.Latin1.GetString(Bytes);

    public void Dispose() => document.Dispose();
}
