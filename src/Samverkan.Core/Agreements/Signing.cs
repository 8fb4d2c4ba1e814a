namespace Samverkan.Agreements;

/// <summary>
/// How a signature is made. The built-in providers are a simple electronic signature by the signed-in
/// signatory and a record of a signature made on paper; Swedish e-ID (BankID, Freja) can be added as
/// further providers without touching the agreement rules.
/// </summary>
public interface ISignatureProvider
{
    /// <summary>"electronic" or "paper": what the receipt says about how the signature was made.</summary>
    string Method { get; }

    string Name { get; }

    /// <summary>Who may use this provider for a party: the signatory themselves, or an officer recording paper.</summary>
    bool MayBeUsedBy(Common.Actor actor);
}

public sealed class SimpleElectronicSignature : ISignatureProvider
{
    public string Method => "electronic";
    public string Name => "simple-electronic";
    public bool MayBeUsedBy(Common.Actor actor) => actor.UserId is not null && actor.Writes;
}

public sealed class PaperSignatureRecord : ISignatureProvider
{
    public string Method => "paper";
    public string Name => "paper-record";
    public bool MayBeUsedBy(Common.Actor actor) =>
        actor.UserId is not null && actor.Role is Common.Roles.RegionAdmin or Common.Roles.RegionOfficer or Common.Roles.MunicipalityOfficer;
}
