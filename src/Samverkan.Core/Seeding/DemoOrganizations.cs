using Microsoft.EntityFrameworkCore;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.ReferenceData;

namespace Samverkan.Seeding;

/// <summary>
/// Region Dalarna, its activity areas, regional institutions, a few local organizers, two state bodies and
/// contacts in Dalarna's municipalities. Names, seats and legal forms are real; every person is fictional.
/// </summary>
internal static class DemoOrganizations
{
    // PTS reserves 070-174 06 05 to 070-174 06 99 for fiction, so no demo number can ring a real person.
    private static string Phone(int n) => $"070-174 06 {n:00}";

    private sealed record Area(string Code, string Name, int? StateArea);

    private sealed record Contact(string Name, string Title, string Phone, string Email);

    private sealed record Party(
        string Code, string Name, OrganizationKind Kind, string? MunicipalityCode, string LegalForm, string Description,
        string[] Areas, Contact? Contact = null, string? Website = null, string? OfficialName = null);

    private static readonly DateOnly AreasValidFrom = new(2019, 1, 1);

    private static readonly Area[] Areas =
    [
        new("dalarna-teater", "Teater", 1),
        new("dalarna-musik", "Musik", 1),
        new("dalarna-dans", "Dans", 1),
        new("dalarna-museer", "Museer och kulturmiljö", 2),
        new("dalarna-bibliotek", "Bibliotek och läsfrämjande", 3),
        new("dalarna-litteratur", "Litteratur som konstform", 3),
        new("dalarna-bild-och-form", "Bild och form", 4),
        new("dalarna-arkiv", "Arkiv", 5),
        new("dalarna-film", "Film", 6),
        new("dalarna-hemslojd", "Hemslöjd", 7),
        // Folkbildning is funded through Folkbildningsrådet, not one of the seven areas of förordning 2010:2012.
        new("dalarna-bildning", "Bildning (folkbildning)", null),
    ];

    private static readonly Contact[] RegionContacts =
    [
        new("Maja Ersson", "Samverkansstrateg", Phone(5), "maja.ersson@regiondalarna.example"),
        new("Olof Hedström", "Kultur- och bildningschef", Phone(6), "olof.hedstrom@regiondalarna.example"),
    ];

    private static readonly Party[] Parties =
    [
        new("dalateatern", "Dalateatern", OrganizationKind.Institution, "2080", "Stiftelse",
            "Regionteater i Falun som spelar på egen scen och turnerar med teater och dans i alla Dalarnas kommuner, ofta för barn och unga.",
            ["dalarna-teater", "dalarna-dans"],
            new("Lena Falk", "Turnéansvarig", Phone(10), "lena.falk@dalateatern.example"), "www.dalateatern.se"),
        new("musik-i-dalarna", "Musik i Dalarna", OrganizationKind.Institution, "2080", "Stiftelse",
            "Regionens musikstiftelse som ger konserter över hela länet, med kammarorkestern Dalasinfoniettan och med frilansmusiker för skolor och förskolor.",
            ["dalarna-musik"],
            new("Henrik Gustafsson", "Producent", Phone(11), "henrik.gustafsson@musikidalarna.example"), "www.musikidalarna.se"),
        new("folkmusikens-hus", "Folkmusikens hus", OrganizationKind.Institution, "2031", "Ideell förening",
            "Kunskapscentrum för folkmusik och folkdans i Rättvik som ordnar konserter, kurser och utställningar och vårdar ett arkiv med inspelningar.",
            ["dalarna-musik", "dalarna-dans", "dalarna-bildning"],
            new("Kerstin Mattsson", "Verksamhetsledare", Phone(12), "kerstin.mattsson@folkmusikenshus.example"), "www.folkmusikenshus.se"),
        new("dalarnas-museum", "Dalarnas museum", OrganizationKind.Institution, "2080", "Stiftelse",
            "Länsmuseet i Falun, med utställningar, samlingar och kulturmiljöarbete i hela länet; är också med och finansierar Ekomuseum Bergslagen.",
            ["dalarna-museer"],
            new("Jonas Lindgren", "Antikvarie", Phone(13), "jonas.lindgren@dalarnasmuseum.example"), "www.dalarnasmuseum.se"),
        new("mentalvardsmuseet", "Mentalvårdsmuseet Säter", OrganizationKind.Institution, "2082", "Regionens egen verksamhet",
            "Museum om mentalvårdens och psykiatrins historia, i en av de bevarade byggnaderna från Säters hospital som öppnade 1912.",
            ["dalarna-museer"],
            new("Annika Berglund", "Museipedagog", Phone(14), "annika.berglund@mentalvardsmuseet.example")),
        new("lansbibliotek-dalarna", "Länsbibliotek Dalarna", OrganizationKind.Institution, "2080", "Regionens egen verksamhet",
            "Regionens biblioteksverksamhet, som stödjer folkbiblioteken i de femton kommunerna med fortbildning, samverkan och läsfrämjande insatser.",
            ["dalarna-bibliotek", "dalarna-litteratur"],
            new("Sofia Nyberg", "Biblioteksutvecklare", Phone(15), "sofia.nyberg@lansbibliotekdalarna.example")),
        new("bild-och-form-dalarna", "Bild och form Dalarna", OrganizationKind.Institution, "2080", "Regionens egen verksamhet",
            "Regional utvecklingsverksamhet för konst, form och design som arbetar tillsammans med konstnärer, konsthallar och kommuner.",
            ["dalarna-bild-och-form"],
            new("Petra Wikström", "Konstkonsulent", Phone(16), "petra.wikstrom@bildochformdalarna.example")),
        new("avesta-art", "Avesta Art", OrganizationKind.Institution, "2084", "Kommunal verksamhet",
            "Utställningsverksamhet för samtida konst i Avestas historiska industrimiljöer.",
            ["dalarna-bild-och-form"],
            new("Mikael Sundin", "Utställningsansvarig", Phone(17), "mikael.sundin@avestaart.example")),
        new("arkivcentrum-dalarna", "Arkivcentrum Dalarna", OrganizationKind.Institution, "2080", "Ekonomisk förening",
            "Näringslivsarkiv i Falun som tar emot, vårdar och visar handlingar från länets företag, bland dem Stora Ensos stora historiska arkiv.",
            ["dalarna-arkiv"],
            new("Gunnar Ek", "Arkivarie", Phone(18), "gunnar.ek@arkivcentrumdalarna.example")),
        new("dalarnas-folkrorelsearkiv", "Dalarnas folkrörelsearkiv", OrganizationKind.Institution, "2080", "Ideell förening",
            "Föreningarnas eget arkiv, som samlar, ordnar och bevarar protokoll, fanor och fotografier från folkrörelserna och föreningslivet i Dalarna.",
            ["dalarna-arkiv"],
            new("Britt Holmgren", "Arkivföreståndare", Phone(19), "britt.holmgren@folkrorelsearkiv.example")),
        new("film-i-dalarna", "Film i Dalarna", OrganizationKind.Institution, "2080", "Aktiebolag",
            "Regionägt bolag som stödjer filmproduktion och filmpedagogik och ger barn och unga tillfälle att både se och göra film.",
            ["dalarna-film"],
            new("Emil Rask", "Filmkonsulent", Phone(20), "emil.rask@filmidalarna.example"), "www.filmidalarna.se"),
        new("dalarnas-hemslojdsforbund", "Dalarnas hemslöjdsförbund", OrganizationKind.Institution, "2080", "Ideell förening",
            "Samlande förbund för länets hemslöjdsföreningar, vars hemslöjdskonsulenter för vidare kunskap om material, tekniker och slöjdtraditioner.",
            ["dalarna-hemslojd"],
            new("Ingela Åkerlund", "Hemslöjdskonsulent", Phone(21), "ingela.akerlund@hemslojdsforbund.example")),

        new("riksteatern-smedjebacken", "Riksteatern Smedjebacken", OrganizationKind.Organizer, "2061", "Ideell förening",
            "Lokal teaterförening som tar gästspel med teater, dans och musik till Smedjebacken.",
            ["dalarna-teater", "dalarna-dans"],
            new("Bertil Sandberg", "Ordförande", Phone(30), "bertil.sandberg@riksteaternsmedjebacken.example")),
        // Fictional: stands in for the associations that host touring concerts in Mora.
        new("mora-musikforening", "Mora musikförening", OrganizationKind.Organizer, "2062", "Ideell förening",
            "Förening som arrangerar konserter i Mora och tar emot Musik i Dalarnas turnéer.",
            ["dalarna-musik"],
            new("Karl Olsson", "Ordförande", Phone(31), "karl.olsson@moramusikforening.example")),
        new("ludvika-stadsbibliotek", "Ludvika stadsbibliotek", OrganizationKind.Organizer, "2085", "Kommunal verksamhet",
            "Folkbiblioteket i Ludvika, som också arrangerar författarbesök, läsfrämjande program och föreställningar för barn.",
            ["dalarna-bibliotek", "dalarna-litteratur"],
            new("Helena Lundin", "Bibliotekarie", Phone(32), "helena.lundin@ludvikastadsbibliotek.example")),
        new("konsthallen-meken", "Konsthallen MEKEN", OrganizationKind.Organizer, "2061", "Kommunal verksamhet",
            "Smedjebackens kommunala konsthall och kulturella mötesplats, med utställningar, kurser och konstnärsresidens.",
            ["dalarna-bild-och-form"],
            new("Ulrika Forsberg", "Konsthallsansvarig", Phone(33), "ulrika.forsberg@meken.example")),
        new("werner-aspenstrom-sallskapet", "Werner Aspenström-sällskapet", OrganizationKind.Organizer, "2061", "Ideell förening",
            "Litterärt sällskap som håller poeten Werner Aspenströms författarskap levande och är med och ordnar Smedjebackens årliga poesisatsning.",
            ["dalarna-litteratur"],
            new("Astrid Nordin", "Sekreterare", Phone(34), "astrid.nordin@aspenstromsallskapet.example")),

        new("kulturradet", "Kulturrådet", OrganizationKind.StateBody, null, "Statlig myndighet",
            "Statlig myndighet som beslutar om statens bidrag till regionerna inom kultursamverkansmodellen och följer upp hur de används.",
            [], Website: "www.kulturradet.se", OfficialName: "Statens kulturråd"),
        new("kulturanalys", "Myndigheten för kulturanalys", OrganizationKind.StateBody, null, "Statlig myndighet",
            "Statlig myndighet som utvärderar kulturpolitiken och förvaltar Kulturdatabasen, där regionernas verksamhetsstatistik samlas.",
            [], Website: "www.kulturanalys.se"),
    ];

    private static readonly Dictionary<string, Contact> MunicipalContacts = new()
    {
        ["2061"] = new("Anna Lindberg", "Kultur- och bibliotekschef", Phone(40), "anna.lindberg@smedjebacken.example"),
        ["2062"] = new("Johan Morin", "Kultursamordnare", Phone(41), "johan.morin@mora.example"),
        ["2080"] = new("Elisabeth Strand", "Kulturstrateg", Phone(42), "elisabeth.strand@falun.example"),
        ["2081"] = new("Mattias Björk", "Kulturchef", Phone(43), "mattias.bjork@borlange.example"),
        ["2085"] = new("Tiina Koskinen", "Kulturutvecklare", Phone(44), "tiina.koskinen@ludvika.example"),
    };

    private static readonly Dictionary<string, string> MunicipalWebsites = new()
    {
        ["2021"] = "www.vansbro.se", ["2023"] = "www.malung-salen.se", ["2026"] = "www.gagnef.se",
        ["2029"] = "www.leksand.se", ["2031"] = "www.rattvik.se", ["2034"] = "www.orsa.se",
        ["2039"] = "www.alvdalen.se", ["2061"] = "www.smedjebacken.se", ["2062"] = "www.mora.se",
        ["2080"] = "www.falun.se", ["2081"] = "www.borlange.se", ["2082"] = "www.sater.se",
        ["2083"] = "www.hedemora.se", ["2084"] = "www.avesta.se", ["2085"] = "www.ludvika.se",
    };

    /// <summary>
    /// Enriches the region and municipalities loaded as reference data and adds the rest. Rows that someone
    /// already entered under the same code are completed rather than duplicated. Returns every row by code.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Organization>> AddAsync(SamverkanDb db, Organization region, CancellationToken ct)
    {
        var codes = Parties.Select(p => p.Code).ToList();
        var organizations = await db.Organizations
            .Include(o => o.Contacts).Include(o => o.ActivityAreas)
            .Where(o => o.CountyCode == region.CountyCode || codes.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, ct);

        EnrichRegion(region);
        foreach (var contact in RegionContacts) AddContact(db, region, contact);

        var areas = await AddAreasAsync(db, region, ct);
        foreach (var party in Parties) organizations[party.Code] = AddParty(db, organizations, party, region.CountyCode, areas);

        foreach (var (code, website) in MunicipalWebsites) organizations[code].Website ??= website;
        foreach (var (code, contact) in MunicipalContacts) AddContact(db, organizations[code], contact);
        return organizations;
    }

    private static void EnrichRegion(Organization region)
    {
        region.OfficialName = "Region Dalarna";
        region.PostalAddress = "Box 712, 791 29 Falun";
        region.VisitingAddress = "Vasagatan 27, Falun";
        region.Phone = "023-49 00 00";
        region.Website = "www.regiondalarna.se";
        region.OrganizationNumber ??= "232100-0180";
        region.Description = "Region Dalarna ansvarar för länets regionala kulturpolitik. Regionen tar fram kultur- och bildningsplanen i dialog med "
            + "de femton kommunerna, kulturskapare och civilsamhället och fördelar statliga och egna medel till kulturverksamheter i hela Dalarna.";
    }

    private static async Task<Dictionary<string, ActivityArea>> AddAreasAsync(SamverkanDb db, Organization region, CancellationToken ct)
    {
        var existing = await db.ActivityAreas.Where(a => a.OwnerOrganizationId == region.Id).ToDictionaryAsync(a => a.Code, ct);
        foreach (var (area, index) in Areas.Select((a, i) => (a, i)))
        {
            if (!existing.TryGetValue(area.Code, out var row))
            {
                row = new ActivityArea { Code = area.Code, Name = area.Name, OwnerOrganizationId = region.Id, ValidFrom = AreasValidFrom };
                db.ActivityAreas.Add(row);
                existing[area.Code] = row;
            }
            row.StateAreaNumber = area.StateArea;
            row.SortOrder = index + 1;
        }
        return existing;
    }

    private static Organization AddParty(
        SamverkanDb db, Dictionary<string, Organization> organizations, Party party, string? countyCode, Dictionary<string, ActivityArea> areas)
    {
        if (!organizations.TryGetValue(party.Code, out var org))
        {
            org = new Organization { Code = party.Code, Name = party.Name, Kind = party.Kind };
            db.Organizations.Add(org);
        }
        org.OfficialName ??= party.OfficialName;
        org.CountyCode = party.Kind == OrganizationKind.StateBody ? null : countyCode;
        org.MunicipalityCode ??= party.MunicipalityCode;
        org.LegalForm ??= party.LegalForm;
        org.Description ??= party.Description;
        org.Website ??= party.Website;
        foreach (var code in party.Areas)
        {
            var areaId = areas[code].Id;
            if (org.ActivityAreas.All(a => a.ActivityAreaId != areaId))
                db.Add(new OrganizationActivityArea { OrganizationId = org.Id, ActivityAreaId = areaId });
        }
        if (party.Contact is not null) AddContact(db, org, party.Contact);
        return org;
    }

    // Children are added through the context, not only the collection: their keys are set up front, so EF
    // would otherwise take a child found by DetectChanges for an existing row and try to update it.
    private static void AddContact(SamverkanDb db, Organization org, Contact contact)
    {
        if (org.Contacts.Any(c => c.Name == contact.Name)) return;
        db.ContactPeople.Add(new ContactPerson
        {
            OrganizationId = org.Id, Name = contact.Name, Title = contact.Title, Phone = contact.Phone, Email = contact.Email,
        });
    }
}
