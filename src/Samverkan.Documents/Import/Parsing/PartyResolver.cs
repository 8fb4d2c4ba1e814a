using Samverkan.Agreements;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>The directory, asked once per written form, with the agreement's parties as context for "regionen".</summary>
internal sealed class PartyResolver(IOrganizationDirectory directory)
{
    private readonly Dictionary<string, PartyRef?> _cache = new(StringComparer.Ordinal);
    private List<PartyRef> _parties = [];

    public IReadOnlyList<PartyRef> Parties => _parties;

    public void SetParties(IEnumerable<PartyRef> parties)
    {
        _parties = parties.Distinct().ToList();
        _cache.Clear();
    }

    public PartyRef? Resolve(string nameAsWritten)
    {
        var key = nameAsWritten.Trim().Trim(',', '.', ':', ';', '(', ')');
        if (key.Length is 0 or > 120) return null;
        if (_cache.TryGetValue(key, out var hit)) return hit;
        var party = directory.Resolve(key, _parties);
        _cache[key] = party;
        return party;
    }
}
