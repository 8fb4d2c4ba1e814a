using System.Globalization;
using System.Text.RegularExpressions;

namespace Samverkan.Documents.Import.Parsing;

internal sealed record FootnoteDefinition(int Number, MappedText Text, int ParaIndex)
{
    public bool Used { get; set; }
}

/// <summary>Footnote texts ("¹ De sju målen är ...", "[1] ...") and the markers in the body that point to them.</summary>
internal static partial class Footnotes
{
    [GeneratedRegex(@"^(?:(?<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[(?<num>\d{1,3})\])\s*(?=\S)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Definition();

    [GeneratedRegex(@"(?<=\S)(?<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\s?\[(?<num>\d{1,3})\]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Reference();

    /// <summary>Takes footnote paragraphs out of the body (they sit above the page footer, between body paragraphs).</summary>
    public static List<FootnoteDefinition> Extract(List<Para> paras)
    {
        var definitions = new List<FootnoteDefinition>();
        for (var i = 0; i < paras.Count; i++)
        {
            var p = paras[i];
            var m = Definition().Match(p.Full.Text);
            if (!m.Success || p.Bullet) continue;
            var number = m.Groups["sup"].Success
                ? TextPatterns.FromSuperscript(m.Groups["sup"].Value)
                : int.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture);
            if (number is null) continue;
            definitions.Add(new FootnoteDefinition(number.Value, p.Full.Slice(m.Length).Trim(), i));
            paras.RemoveAt(i);
            i--;
        }

        return definitions;
    }

    /// <summary>
    /// Markers with a footnote text are cut from the item's text and the text attached to the item; a
    /// superscript without one stays, since "m²" is not a footnote.
    /// </summary>
    public static (MappedText Text, List<MappedText> Notes) Attach(MappedText text, ILookup<int, FootnoteDefinition> definitions)
    {
        var notes = new List<MappedText>();
        var cut = new List<(int, int)>();
        foreach (Match m in Reference().Matches(text.Text))
        {
            var number = m.Groups["sup"].Success
                ? TextPatterns.FromSuperscript(m.Groups["sup"].Value)
                : int.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture);
            if (number is null) continue;
            var candidates = definitions[number.Value];
            var definition = candidates.FirstOrDefault(d => !d.Used) ?? candidates.FirstOrDefault();
            if (definition is null) continue;
            definition.Used = true;
            if (!notes.Contains(definition.Text)) notes.Add(definition.Text);
            cut.Add((m.Index, m.Length));
        }

        return cut.Count == 0 ? (text, notes) : (text.Remove(cut), notes);
    }
}
