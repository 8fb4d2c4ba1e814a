using System.Reflection;
using PdfSharp.Fonts;

namespace Samverkan.Documents.Render;

/// <summary>
/// Serves DejaVu Sans from the assembly's embedded resources. PDFsharp 6 on Linux finds no fonts by
/// itself, and reading the host's font folders would make the output depend on what is installed.
/// Every family name resolves to DejaVu Sans: the renderer asks for nothing else, and a stray name
/// must not make rendering fail.
/// </summary>
internal sealed class AgreementFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock InstallLock = new();
    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    private AgreementFontResolver()
    {
    }

    /// <summary>
    /// Sets the process-wide resolver once. PDFsharp allows the resolver to be set only before the
    /// first font is used, so a host that installed a different one is a configuration bug.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new AgreementFontResolver();
                    break;
                case AgreementFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Another PDFsharp font resolver ({GlobalFontSettings.FontResolver.GetType().FullName}) is installed; agreement rendering needs {nameof(AgreementFontResolver)}.");
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (false, false) => "DejaVuSans",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            (true, true) => "DejaVuSans-BoldOblique",
        });

    public byte[] GetFont(string faceName)
    {
        lock (InstallLock)
        {
            if (Cache.TryGetValue(faceName, out var cached))
                return cached;
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Samverkan.Documents.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Embedded font {faceName}.ttf is missing from {typeof(AgreementFontResolver).Assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Cache[faceName] = copy.ToArray();
        }
    }
}
