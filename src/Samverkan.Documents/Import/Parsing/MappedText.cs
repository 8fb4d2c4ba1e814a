using System.Text;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>
/// A string derived from the source text that remembers, for each character, where it came from; this is
/// how every imported value keeps its <see cref="SourceSpan"/> through joining, trimming and slicing.
/// </summary>
internal sealed class MappedText
{
    private readonly int[] _offsets;

    public MappedText(string text, int[] offsets)
    {
        Text = text;
        _offsets = offsets;
    }

    public static readonly MappedText Empty = new("", []);

    public string Text { get; }

    public int Length => Text.Length;

    public override string ToString() => Text;

    public int OffsetAt(int index) => _offsets[index];

    /// <summary>
    /// From the earliest to the latest source character. Offsets usually grow, but text read column by column
    /// (signatures side by side) is stitched from out-of-order pieces.
    /// </summary>
    public SourceSpan Span
    {
        get
        {
            if (Length == 0) return default;
            int min = _offsets[0], max = _offsets[0];
            foreach (var o in _offsets)
            {
                if (o < min) min = o;
                if (o > max) max = o;
            }

            return new SourceSpan(min, max - min + 1);
        }
    }

    public MappedText Slice(int start, int length)
    {
        start = Math.Clamp(start, 0, Length);
        length = Math.Clamp(length, 0, Length - start);
        return new MappedText(Text.Substring(start, length), _offsets.AsSpan(start, length).ToArray());
    }

    public MappedText Slice(int start) => Slice(start, Length - start);

    public MappedText Trim(params char[] extra)
    {
        var a = 0;
        var b = Length;
        while (a < b && (char.IsWhiteSpace(Text[a]) || extra.Contains(Text[a]))) a++;
        while (b > a && (char.IsWhiteSpace(Text[b - 1]) || extra.Contains(Text[b - 1]))) b--;
        return Slice(a, b - a);
    }

    public MappedText TrimEnd(params char[] extra)
    {
        var b = Length;
        while (b > 0 && (char.IsWhiteSpace(Text[b - 1]) || extra.Contains(Text[b - 1]))) b--;
        return Slice(0, b);
    }

    /// <summary>Removes the given ranges (e.g. footnote markers), collapsing the spaces they leave behind.</summary>
    public MappedText Remove(IEnumerable<(int Start, int Length)> ranges)
    {
        var drop = new bool[Length];
        foreach (var (s, l) in ranges)
        {
            for (var i = Math.Max(0, s); i < Math.Min(Length, s + l); i++) drop[i] = true;
        }

        var builder = new MappedTextBuilder();
        for (var i = 0; i < Length; i++)
        {
            if (!drop[i]) builder.Append(Text[i], _offsets[i]);
        }

        return builder.Build().Trim();
    }

    public IEnumerable<MappedText> SplitOn(string separator)
    {
        var start = 0;
        while (true)
        {
            var at = Text.IndexOf(separator, start, StringComparison.Ordinal);
            if (at < 0)
            {
                yield return Slice(start);
                yield break;
            }

            yield return Slice(start, at - start);
            start = at + separator.Length;
        }
    }
}

internal sealed class MappedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = [];

    public int Length => _text.Length;

    public char Last => _text[^1];

    /// <summary>Runs of whitespace collapse to one space, so values read the same whatever the layout was.</summary>
    public void Append(char ch, int offset)
    {
        if (char.IsWhiteSpace(ch))
        {
            if (_text.Length == 0 || char.IsWhiteSpace(_text[^1])) return;
            ch = ' ';
        }

        _text.Append(ch);
        _offsets.Add(offset);
    }

    public void Append(MappedText text)
    {
        for (var i = 0; i < text.Length; i++) Append(text.Text[i], text.OffsetAt(i));
    }

    public void RemoveLast()
    {
        _text.Length--;
        _offsets.RemoveAt(_offsets.Count - 1);
    }

    public MappedText Build() => new MappedText(_text.ToString(), [.. _offsets]).Trim();
}
