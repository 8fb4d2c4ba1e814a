using PdfSharp.Fonts;

namespace Samverkan.Documents.Tests.Import.Support;

/// <summary>PDFsharp on Linux finds no fonts by itself; DejaVu is on the build image.</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu/";

    private static readonly object Gate = new();

    /// <summary>
    /// The resolver is process-wide and may be set only once, and the renderer (same assembly under test)
    /// insists on its own. When the renderer's resolver exists it is installed instead of this one: it also
    /// serves "DejaVu Sans", and installing ours first would make the renderer's tests fail by test order.
    /// Looked up by name so these tests build with or without the renderer.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            var renderer = typeof(Samverkan.Documents.Import.ImportAgreementDocument).Assembly
                .GetType("Samverkan.Documents.Render.AgreementFontResolver")
                ?.GetMethod("EnsureInstalled", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
            if (renderer is not null)
            {
                renderer.Invoke(null, null);
                return;
            }

            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Folder + faceName + ".ttf");
}
