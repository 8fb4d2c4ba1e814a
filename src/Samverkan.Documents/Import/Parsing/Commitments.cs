using Samverkan.Agreements;

namespace Samverkan.Documents.Import.Parsing;

internal sealed record FoundCommitment(MappedText Sentence, List<PartyRef> Parties, List<PartyRef> Institutions);

/// <summary>
/// Finds sentences in which a party says what it will do: the party (or both) as subject of a verb of
/// commitment ("Regionen har å sin sida ...", "Smedjebackens kommun ska ...", "Region och kommun vill
/// tillsammans ..."). Sentences that only state facts ("har båda undertecknat", "är båda") are left alone.
/// </summary>
internal static class Commitments
{
    private static readonly HashSet<string> Verbs =
    [
        "ska", "skall", "vill", "stödjer", "stöder", "följer", "arbetar", "bidrar", "verkar", "erbjuder",
        "delfinansierar", "finansierar", "medfinansierar", "avser", "ansvarar", "tillhandahåller", "ger", "möjliggör",
        "samverkar", "samarbetar", "strävar", "främjar", "prioriterar", "beviljar", "fördelar", "svarar", "genomför",
        "anordnar", "arrangerar", "utvecklar", "satsar", "bekostar", "betalar", "driver", "medverkar", "deltar",
        "värnar", "säkerställer", "åtar", "avsätter", "bistår", "initierar", "stärker", "skapar", "verkar",
    ];

    private static readonly HashSet<string> Modals = ["ska", "skall", "vill", "avser", "kommer"];

    /// <summary>Words no organization name runs across; they bound the word runs offered to the directory.</summary>
    private static readonly HashSet<string> NameBreaks = ["och", "har", "är", "att", "som", "samt", "eller", "men", "den", "det", "en", "ett"];

    private static int MaxNameLength(List<Token> tokens, int i)
    {
        var n = 0;
        while (n < 5 && i + n < tokens.Count)
        {
            var lower = tokens[i + n].Lower;
            if (n > 0 && (NameBreaks.Contains(lower) || Verbs.Contains(lower) || Modals.Contains(lower))) break;
            n++;
            if (tokens[i + n - 1].CommaAfter) break;
        }

        return n;
    }

    private static readonly HashSet<string> Modifiers =
    [
        "tillsammans", "båda", "gemensamt", "också", "även", "därför", "dessutom", "fortsatt", "aktivt", "fortsättningsvis",
    ];

    private static readonly string[][] ModifierPhrases =
    [
        ["å", "sin", "sida"], ["för", "sin", "del"], ["i", "sin", "tur"], ["var", "för", "sig"], ["å", "sina", "sidor"],
    ];

    private static readonly HashSet<string> Abbreviations =
    [
        "t.ex", "bl.a", "m.m", "s.k", "d.v.s", "dvs", "ca", "resp", "nr", "kap", "jfr", "inkl", "exkl", "osv", "m.fl",
        "mfl", "fr.o.m", "t.o.m", "p.g.a", "pga", "o.s.v", "kl", "tel", "ev", "enl", "prop", "ang", "f.d", "st", "mm",
        "etc", "sid", "s", "tex", "t", "ex", "bla", "o", "dir", "fd", "vs",
    ];

    public static List<MappedText> Sentences(MappedText text)
    {
        var sentences = new List<MappedText>();
        var s = text.Text;
        var start = 0;
        for (var i = 0; i + 2 < s.Length; i++)
        {
            if (s[i] is not ('.' or '!' or '?') || s[i + 1] != ' ') continue;
            var nextChar = s[i + 2];
            if (!(char.IsUpper(nextChar) || char.IsDigit(nextChar) || nextChar is '"' or '”' or '«' or '*')) continue;
            if (s[i] == '.' && (IsAbbreviation(s, i) || IsListNumber(s, i))) continue;
            var sentence = text.Slice(start, i + 1 - start).Trim();
            if (sentence.Length > 0) sentences.Add(sentence);
            start = i + 2;
        }

        var last = text.Slice(start).Trim();
        if (last.Length > 0) sentences.Add(last);
        return sentences;
    }

    private static bool IsAbbreviation(string s, int dot)
    {
        var from = dot;
        while (from > 0 && s[from - 1] != ' ') from--;
        var word = s[from..dot].ToLowerInvariant().Trim('(', '"');
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsLetter(word[0]));
    }

    private static bool IsListNumber(string s, int dot)
    {
        var from = dot;
        while (from > 0 && char.IsDigit(s[from - 1])) from--;
        return dot - from is 1 or 2 && (from == 0 || s[from - 1] == ' ');
    }

    private readonly record struct Token(int Start, int End, string Word, string Lower, bool CommaAfter, bool Upper);

    private static List<Token> Tokens(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ') i++;
            var start = i;
            while (i < s.Length && s[i] != ' ') i++;
            if (i == start) break;
            var raw = s[start..i];
            var word = raw.Trim(',', '.', ';', ':', '(', ')', '"', '*', '”', '“', '!', '?');
            if (word.Length == 0) continue;
            tokens.Add(new Token(start, i, word, word.ToLowerInvariant(), raw.EndsWith(',') || raw.EndsWith(';'), char.IsUpper(word[0])));
        }

        return tokens;
    }

    public static FoundCommitment? Find(MappedText sentence, PartyResolver resolver)
    {
        var tokens = Tokens(sentence.Text);
        if (tokens.Count < 3) return null;

        var starts = new List<int> { 0 };
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var w = tokens[i].Lower;
            if (w == "att" || (i >= 1 && Modals.Contains(w))) starts.Add(i + 1);
        }

        foreach (var start in starts)
        {
            var inverted = start > 0 && Modals.Contains(tokens[start - 1].Lower);
            var subject = Subject(tokens, start, resolver);
            if (subject is null) continue;
            var (parties, next) = subject.Value;
            if (!inverted && !CommitsAt(tokens, next)) continue;
            if (inverted && (next >= tokens.Count || tokens[SkipModifiers(tokens, next)].Upper)) continue;

            var institutions = Institutions(tokens, sentence.Text, resolver)
                .Where(i => !parties.Contains(i)).ToList();
            return new FoundCommitment(sentence, parties, institutions);
        }

        return null;
    }

    private static (List<PartyRef> Parties, int Next)? Subject(List<Token> tokens, int i, PartyResolver resolver)
    {
        var parties = new List<PartyRef>();
        while (i < tokens.Count)
        {
            var mention = Mention(tokens, i, resolver);
            if (mention is null) break;
            foreach (var p in mention.Value.Parties.Where(p => !parties.Contains(p))) parties.Add(p);
            i = mention.Value.Next;
            if (i < tokens.Count && tokens[i].Word.Equals("och", StringComparison.OrdinalIgnoreCase) && !tokens[i - 1].CommaAfter)
            {
                if (Mention(tokens, i + 1, resolver) is null) break;
                i++;
                continue;
            }

            break;
        }

        return parties.Count > 0 ? (parties, i) : null;
    }

    private static (List<PartyRef> Parties, int Next)? Mention(List<Token> tokens, int i, PartyResolver resolver)
    {
        if (i >= tokens.Count) return null;
        var first = tokens[i].Lower;
        if (first is "parterna" or "parter" && resolver.Parties.Count >= 2) return ([.. resolver.Parties], i + 1);
        if (first == "båda" && i + 1 < tokens.Count && tokens[i + 1].Word.StartsWith("parter", StringComparison.OrdinalIgnoreCase)
            && resolver.Parties.Count >= 2)
        {
            return ([.. resolver.Parties], i + 2);
        }

        if (!tokens[i].Upper)
        {
            var word = resolver.ResolveLowercaseWord(tokens[i].Word);
            return word is null ? null : ([word], i + 1);
        }

        for (var n = MaxNameLength(tokens, i); n >= 1; n--)
        {
            var name = n == 1 ? tokens[i].Word : string.Join(" ", tokens.Skip(i).Take(n).Select(t => t.Word));
            var party = resolver.Resolve(name);
            if (party is not null) return ([party], i + n);
        }

        return null;
    }

    private static int SkipModifiers(List<Token> tokens, int i)
    {
        var moved = true;
        while (moved && i < tokens.Count)
        {
            moved = false;
            var w = tokens[i].Lower;
            if (Modifiers.Contains(w))
            {
                i++;
                moved = true;
                continue;
            }

            foreach (var phrase in ModifierPhrases)
            {
                if (i + phrase.Length <= tokens.Count
                    && phrase.Select((p, k) => tokens[i + k].Word.Equals(p, StringComparison.OrdinalIgnoreCase)).All(b => b))
                {
                    i += phrase.Length;
                    moved = true;
                    break;
                }
            }
        }

        return Math.Min(i, tokens.Count - 1);
    }

    private static bool CommitsAt(List<Token> tokens, int i)
    {
        if (i >= tokens.Count) return false;

        // An aside between subject and verb: "Smedjebackens kommun och Region Dalarna, via Dalarnas museum, delfinansierar".
        if (tokens[i - 1].CommaAfter)
        {
            var end = i;
            while (end < tokens.Count && end - i < 8 && !tokens[end].CommaAfter) end++;
            if (end < tokens.Count && tokens[end].CommaAfter) i = end + 1;
            if (i >= tokens.Count) return false;
        }

        i = SkipModifiers(tokens, i);
        var verb = tokens[i].Lower;
        var after = i + 1 < tokens.Count ? tokens[i + 1].Lower : "";
        switch (verb)
        {
            case "är":
                return after is "villig" or "villiga" or "beredd" or "beredda" or "överens";
            case "kommer":
                return after == "att";
            case "åtar":
                return after == "sig";
            case "har":
            {
                var j = i + 1;
                var sida = j + 2 < tokens.Count && tokens[j].Word == "å" && tokens[j + 1].Word == "sin" && tokens[j + 2].Word == "sida";
                j = SkipModifiers(tokens, j);
                var participle = j < tokens.Count ? tokens[j].Lower : "";
                return sida || participle is "åtagit" or "gett" or "givit" or "tagit" or "beslutat";
            }

            default:
                return Verbs.Contains(verb);
        }
    }

    /// <summary>Regional institutions the sentence names, found by asking the directory about capitalized word runs.</summary>
    private static List<PartyRef> Institutions(List<Token> tokens, string sentence, PartyResolver resolver)
    {
        var found = new List<PartyRef>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].Upper)
            {
                i++;
                continue;
            }

            var matched = 0;
            for (var n = MaxNameLength(tokens, i); n >= 1 && matched == 0; n--)
            {
                var name = sentence[tokens[i].Start..tokens[i + n - 1].End].Trim(',', '.', ';', ':', '(', ')', '"', '*');
                var party = resolver.Resolve(name);
                if (party is null) continue;
                matched = n;
                if (party.Kind == PartyKinds.Institution && !found.Contains(party)) found.Add(party);
            }

            i += Math.Max(1, matched);
        }

        return found;
    }
}
