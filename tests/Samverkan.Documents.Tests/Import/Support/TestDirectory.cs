using Samverkan.Agreements;
using Samverkan.Documents.Import;

namespace Samverkan.Documents.Tests.Import.Support;

internal static class TestDirectory
{
    public static readonly PartyRef Dalarna = new("20", "Region Dalarna", PartyKinds.Region);
    public static readonly PartyRef Smedjebacken = new("2061", "Smedjebackens kommun", PartyKinds.Municipality);
    public static readonly PartyRef Ludvika = new("2085", "Ludvika kommun", PartyKinds.Municipality);
    public static readonly PartyRef Falun = new("2080", "Falu kommun", PartyKinds.Municipality);
    public static readonly PartyRef Dalateatern = new("dalateatern", "Dalateatern", PartyKinds.Institution);
    public static readonly PartyRef MusikIDalarna = new("musik-i-dalarna", "Musik i Dalarna", PartyKinds.Institution);
    public static readonly PartyRef Lansbiblioteket = new("lansbibliotek-dalarna", "Länsbibliotek Dalarna", PartyKinds.Institution);
    public static readonly PartyRef DalarnasMuseum = new("dalarnas-museum", "Dalarnas museum", PartyKinds.Institution);
    public static readonly PartyRef Folkmusikens = new("folkmusikens-hus", "Folkmusikens hus", PartyKinds.Institution);
    public static readonly PartyRef Kulturradet = new("kulturradet", "Statens kulturråd", PartyKinds.StateBody);

    public static readonly InMemoryOrganizationDirectory Instance = new(
        [Dalarna, Smedjebacken, Ludvika, Falun, Dalateatern, MusikIDalarna, Lansbiblioteket, DalarnasMuseum, Folkmusikens, Kulturradet],
        new Dictionary<string, string> { ["Kulturrådet"] = "kulturradet" });
}
