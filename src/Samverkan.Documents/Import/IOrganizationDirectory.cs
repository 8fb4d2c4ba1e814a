using Samverkan.Agreements;

namespace Samverkan.Documents.Import;

/// <summary>
/// Turns an organization's name as a document writes it ("Smedjebackens kommun", "Smedjebacken",
/// "Region Dalarna") into the party it denotes. The generic words a document uses once the parties are
/// introduced ("regionen", "kommunen") mean one of the agreement's own parties, so they resolve only
/// against <paramref name="parties"/>.
/// </summary>
public interface IOrganizationDirectory
{
    /// <returns>The party, or null when the name is unknown or ambiguous (the importer never guesses).</returns>
    PartyRef? Resolve(string nameAsWritten, IReadOnlyCollection<PartyRef>? parties = null);
}

public static class PartyKinds
{
    public const string Region = "region";
    public const string Municipality = "municipality";
    public const string Institution = "institution";
    public const string Organizer = "organizer";
    public const string StateBody = "state-body";
}
