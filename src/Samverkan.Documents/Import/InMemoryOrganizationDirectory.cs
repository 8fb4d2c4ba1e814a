using Samverkan.Agreements;

namespace Samverkan.Documents.Import;

/// <summary>
/// A directory over a fixed list, forgiving about case, genitive -s and the words "kommun" and "Region";
/// names that fit more than one party resolve to nothing rather than to a guess.
/// </summary>
public sealed class InMemoryOrganizationDirectory : IOrganizationDirectory
{
    private readonly Dictionary<string, List<PartyRef>> _byKey = new(StringComparer.Ordinal);

    /// <param name="aliases">Extra written forms (e.g. "Kulturrådet") mapped to a known party's code.</param>
    public InMemoryOrganizationDirectory(IEnumerable<PartyRef> known, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var all = known.ToList();
        foreach (var party in all)
        {
            foreach (var key in OrganizationNames.KeysFor(party).Distinct())
            {
                Add(key, party);
            }
        }

        foreach (var (alias, code) in aliases ?? new Dictionary<string, string>())
        {
            var party = all.FirstOrDefault(p => p.Code == code);
            if (party is not null) Add(OrganizationNames.Normalize(alias), party);
        }
    }

    public PartyRef? Resolve(string nameAsWritten, IReadOnlyCollection<PartyRef>? parties = null)
    {
        var generic = OrganizationNames.GenericKind(nameAsWritten);
        if (generic is not null)
        {
            var ofKind = (parties ?? []).Where(p => p.Kind == generic).Distinct().ToList();
            return ofKind.Count == 1 ? ofKind[0] : null;
        }

        foreach (var form in OrganizationNames.QueryForms(nameAsWritten))
        {
            if (_byKey.TryGetValue(form, out var hits))
            {
                var distinct = hits.Distinct().ToList();
                if (distinct.Count == 1) return distinct[0];

                // Two parties share a name form: prefer one of this agreement's parties, otherwise refuse.
                var local = distinct.Where(h => parties?.Contains(h) == true).ToList();
                return local.Count == 1 ? local[0] : null;
            }
        }

        return null;
    }

    private void Add(string key, PartyRef party)
    {
        if (key.Length == 0) return;
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        if (!list.Contains(party)) list.Add(party);
    }
}
