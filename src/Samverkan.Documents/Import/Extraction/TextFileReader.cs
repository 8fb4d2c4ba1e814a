using System.Text;
using Samverkan.Common;

namespace Samverkan.Documents.Import.Extraction;

internal static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result<RawDocument> Read(byte[] content)
    {
        var (text, warning) = Decode(content);
        if (text is null || !LooksLikeText(text))
        {
            return ImportErrors.UnreadableFile("Filen ser inte ut att vara en textfil. Kontrollera att det är rätt fil.");
        }

        var doc = new RawDocument { Format = "txt" };
        if (warning is not null) doc.Warnings.Add(warning);

        var unixBreaks = text.Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var page in unixBreaks.Split('\f'))
        {
            doc.Pages.Add(page.Split('\n').Select(l => new RawLine(l)).ToList());
        }

        return doc;
    }

    private static (string? Text, string? Warning) Decode(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return (TryUtf8(content.AsSpan(3)), null);
        }

        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            var utf16 = content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (utf16.GetString(content, 2, content.Length - 2), null);
        }

        var utf8 = TryUtf8(content);
        if (utf8 is not null) return (utf8, null);

        // Not UTF-8: Swedish text saved by older Windows tools is almost always Windows-1252. Latin-1 bytes
        // for å ä ö are the same in both, and 1252 also covers the typographic dashes and quotes.
        // Decoding (with a warning) is kinder than refusing with import.encoding-unsupported.
        if (content.AsSpan().IndexOf((byte)0) >= 0) return (null, null);
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        return (cp1252.GetString(content),
            "Filen var inte sparad som UTF-8 och har lästs som Windows-1252. Kontrollera att å, ä och ö blev rätt.");
    }

    private static string? TryUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Binary data decodes to control characters; a few stray ones are tolerated, NUL is not.</summary>
    private static bool LooksLikeText(string s)
    {
        var control = 0;
        foreach (var ch in s)
        {
            if (ch == '\0') return false;
            if (char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t' and not '\f') control++;
        }

        return control <= Math.Max(2, s.Length / 200);
    }
}
