using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>Small recognizers shared by the readers. Patterns are written without nested quantifiers.</summary>
internal static partial class TextPatterns
{
    [GeneratedRegex(@"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Email();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s,;]{2,200}|\b[\w\-]{2,63}\.(?:se|nu|com|org|net|eu)\b(?!@)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Web();

    [GeneratedRegex(@"(?<!\d)\d{6}-\d{4}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex OrganizationNumber();

    [GeneratedRegex(@"^(?:(?:tel(?:efon)?|mobil|växel|vxl|fax)\.?:?\s{0,3})?(?<number>(?:\+46\s?\(?0?\)?|0)\d[\d \-]{4,16}\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    public static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d{3} ?\d{2} +\p{L}", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex PostalCode();

    public static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '.' or '!' or '?' or ';';

    public static bool StartsLower(string s)
    {
        foreach (var ch in s)
        {
            if (char.IsLetter(ch)) return char.IsLower(ch);
            if (!char.IsPunctuation(ch) && !char.IsWhiteSpace(ch)) return false;
        }

        return false;
    }

    public static bool StartsUpper(string s) => s.Length > 0 && (char.IsUpper(s[0]) || (s[0] is '"' or '”' or '“' or '«' or '*' && s.Length > 1 && char.IsUpper(s[1])));

    /// <summary>Lower case without diacritics and spacing, for comparing words that OCR may have mangled.</summary>
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.ToLowerInvariant())
        {
            var c = ch switch
            {
                'å' or 'ä' or 'á' or 'à' or 'â' => 'a',
                'ö' or 'ó' or 'ø' or 'ô' => 'o',
                'é' or 'è' or 'ë' or 'ê' => 'e',
                'ü' or 'ú' => 'u',
                '0' => 'o',
                _ => ch,
            };
            if (char.IsLetter(c)) sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>A person's name as printed: one to five capitalized words, no digits.</summary>
    public static bool LooksLikeName(string s)
    {
        if (s.Length is < 2 or > 60 || s.Any(char.IsDigit)) return false;
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5) return false;
        foreach (var w in words)
        {
            if (w is "von" or "af" or "de" or "van" or "der" or "la") continue;
            if (!char.IsUpper(w[0])) return false;
            if (!w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.')) return false;
        }

        return true;
    }

    public static string ToSuperscript(int n) => ToSuperscript(n.ToString(CultureInfo.InvariantCulture));

    public static string ToSuperscript(string digits) => string.Concat(digits.Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));

    public static int? FromSuperscript(string s)
    {
        var value = 0;
        foreach (var ch in s)
        {
            var d = "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(ch);
            if (d < 0) return null;
            value = value * 10 + d;
            if (value > 999) return null;
        }

        return s.Length == 0 ? null : value;
    }
}
