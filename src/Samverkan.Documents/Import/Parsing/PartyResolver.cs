using Samverkan.Agreements;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>The directory, asked once per written form, with the agreement's parties as context for "regionen".</summary>
internal sealed class PartyResolver(IOrganizationDirectory directory)
{
    private readonly Dictionary<string, PartyRef?> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartyRef> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private List<PartyRef> _parties = [];

    public IReadOnlyList<PartyRef> Parties => _parties;

    public void SetParties(IEnumerable<PartyRef> parties)
    {
        _parties = parties.Distinct().ToList();
        _cache.Clear();
    }

    /// <summary>A short name the document defines for a party: "Stiftelsen Dalarnas museum (museet)".</summary>
    public void AddAlias(string alias, PartyRef party)
    {
        if (OrganizationNames.GenericKind(alias) is null) _aliases.TryAdd(alias.Trim(), party);
    }

    /// <summary>
    /// A lower-case word is a party only as "regionen"/"kommunen" or a defined short name: many place names are
    /// also ordinary words ("vara", "sala"), so the directory is not asked.
    /// </summary>
    public PartyRef? ResolveLowercaseWord(string word)
    {
        if (_aliases.TryGetValue(word, out var alias)) return alias;
        return OrganizationNames.GenericKind(word) is not null ? directory.Resolve(word, _parties) : null;
    }

    public PartyRef? Resolve(string nameAsWritten)
    {
        var key = nameAsWritten.Trim().Trim(',', '.', ':', ';', '(', ')');
        if (key.Length is 0 or > 120) return null;
        if (_aliases.TryGetValue(key, out var alias)) return alias;
        if (_cache.TryGetValue(key, out var hit)) return hit;
        var party = directory.Resolve(key, _parties);
        _cache[key] = party;
        return party;
    }
}
