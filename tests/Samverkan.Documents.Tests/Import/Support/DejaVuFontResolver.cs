using PdfSharp.Fonts;

namespace Samverkan.Documents.Tests.Import.Support;

/// <summary>PDFsharp on Linux finds no fonts by itself; DejaVu is on the build image.</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu/";

    private static readonly object Gate = new();

    /// <summary>
    /// The resolver is process-wide and may only be set once; another test class (the renderer's) may have
    /// set its own first, in which case that one is used.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Folder + faceName + ".ttf");
}
