using System.Globalization;
using System.Text.RegularExpressions;
using Samverkan.Agreements;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Import.Parsing;

internal sealed record StatedCommitment(Commitment Commitment, MappedText Source);

/// <summary>
/// A commitment written out on a line of its own, as Samverkan prints one under the item it belongs to:
/// "Åtagande för Region Dalarna och Mora kommun: text. Indikator: … . Målvärde: … . Klart senast 2025-06-30."
/// Reading it back gives the parties, the wording and the agreed details exactly, where a commitment found in
/// prose (<see cref="Commitments"/>) has only its sentence.
/// </summary>
internal static partial class StatedCommitments
{
    [GeneratedRegex(@"^Åtagande(?: för (?<who>[^:]{2,300}))?:\s+(?<text>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline, 1000)]
    private static partial Regex Line();

    [GeneratedRegex(@"\s+Klart senast (?<date>\d{4}-\d{2}-\d{2})\.$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DueAtEnd();

    /// <summary>Whether a line starts like a stated commitment, so its wrapped lines belong to it even after a colon.</summary>
    public static bool Starts(string line) =>
        line.StartsWith(DocumentLabels.CommitmentFor + " ", StringComparison.Ordinal)
        || line.StartsWith(DocumentLabels.Commitment + ": ", StringComparison.Ordinal);

    public static StatedCommitment? Read(MappedText text, PartyResolver resolver)
    {
        var m = Line().Match(text.Text);
        if (!m.Success) return null;
        List<string> parties = [];
        if (m.Groups["who"].Success)
        {
            var resolved = Parties(m.Groups["who"].Value.Trim(), resolver);
            // Names that are not organizations we know: this is prose that happens to start with the word.
            if (resolved is null) return null;
            parties = resolved;
        }

        var body = m.Groups["text"].Value.TrimEnd();
        DateOnly? due = null;
        var dueMatch = DueAtEnd().Match(body);
        if (dueMatch.Success && DateOnly.TryParseExact(dueMatch.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            due = d;
            body = body[..dueMatch.Index];
        }

        var target = Detail(ref body, DocumentLabels.Target);
        var indicator = Detail(ref body, DocumentLabels.Indicator);
        var start = m.Groups["text"].Index;
        return new StatedCommitment(
            new Commitment { Parties = parties, Text = body.Trim(), Indicator = indicator, Target = target, Due = due },
            text.Slice(start, Math.Min(body.TrimEnd().Length, text.Length - start)));
    }

    /// <summary>Takes " Label: value." off the end of the text; the renderer writes the details last, in a fixed order.</summary>
    private static string? Detail(ref string body, string label)
    {
        var at = body.LastIndexOf(" " + label + " ", StringComparison.Ordinal);
        if (at < 0) return null;
        var value = body[(at + label.Length + 2)..].Trim();
        body = body[..at];
        return value.EndsWith('.') ? value[..^1] : value;
    }

    /// <summary>"A", "A och B", "A, B och C" as the renderer joins names; a name may itself contain "och".</summary>
    private static List<string>? Parties(string who, PartyResolver resolver)
    {
        if (resolver.Resolve(who) is { } whole) return [whole.Code];
        foreach (var separator in new[] { ", ", " och " })
        {
            for (var at = who.IndexOf(separator, StringComparison.Ordinal); at > 0; at = who.IndexOf(separator, at + 1, StringComparison.Ordinal))
            {
                if (resolver.Resolve(who[..at]) is not { } first) continue;
                if (Parties(who[(at + separator.Length)..], resolver) is { } rest) return [first.Code, .. rest];
            }
        }
        return null;
    }
}
