using Samverkan.Agreements;
using Samverkan.Documents.Render;

namespace Samverkan.Documents.Tests.Render;

/// <summary>Test agreements written for these tests (not taken from any real agreement's text).</summary>
internal static class AgreementSamples
{
    public const string Hash = "3f5a9c0e7b21d4486a0f9e1c2b7d3e5f60718293a4b5c6d7e8f90123456789ab";
    public const string FootnoteText = "Kommunens fem mål för perioden: läsfrämjande för barn, en öppen mötesplats i biblioteket, stöd till lokala arrangörer, levande kulturmiljöer och ökad delaktighet för äldre.";
    public const string Title = "Överenskommelse om kultursamverkan mellan Smedjebackens kommun och Region Dalarna 2024–2027";

    public static readonly DateTime CreatedAt = new(2024, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    public static readonly IssuingParty RegionDalarna = new()
    {
        Name = "Region Dalarna",
        PostalAddress = ["Box 712", "791 29 Falun"],
        VisitingAddress = ["Vasagatan 27", "Falun"],
        Phone = "023-49 00 00",
        Web = "www.regiondalarna.se",
        OrganisationNumber = "232100-0180",
    };

    public static readonly string[] SectionHeadings =
        ["Syfte och utgångspunkter", "Gemensamma värden", "Områden för samverkan", "Uppföljning"];

    public static AgreementContent Content() => new()
    {
        Version = 2,
        Status = AgreementStatuses.Signed,
        Kind = AgreementKinds.MunicipalAgreement,
        Title = Title,
        Reference = "RD23/01234",
        Date = new DateOnly(2024, 2, 20),
        Period = new Period(new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31)),
        Parties = [new PartyRef("20", "Region Dalarna", "region"), new PartyRef("2061", "Smedjebackens kommun", "municipality")],
        CaseOfficer = new CaseOfficer("Karin Åström", "Utvecklingsstrateg kultur", "070-123 45 67", "karin.astrom@example.se"),
        Sections =
        [
            new Section
            {
                Heading = SectionHeadings[0],
                Items =
                [
                    Paragraph("Den här överenskommelsen beskriver hur Smedjebackens kommun och Region Dalarna tänker samarbeta om kultur under perioden. Den bygger på den regionala kulturplanen och på de mål som kommunens kulturnämnd har beslutat om."),
                    new Item { Text = "Parterna vill att fler invånare i Smedjebacken ska kunna ta del av och själva utöva kultur, oavsett ålder och bostadsort.", Footnotes = [FootnoteText] },
                ],
            },
            new Section
            {
                Heading = SectionHeadings[1],
                Items =
                [
                    Paragraph("Tre värden gäller för hela samarbetet:"),
                    new Item
                    {
                        Style = ItemStyles.Bullet,
                        Text = "Professionell scenkonst ska nå hela länet. Regionen åtar sig att låta länets scenkonstinstitutioner turnera i kommunen. Kommunen åtar sig att hålla en tillgänglig scen och stödja lokala arrangörer.",
                        Commitments =
                        [
                            new Commitment { Parties = ["20"], Text = "Regionen åtar sig att låta länets scenkonstinstitutioner turnera i kommunen." },
                            new Commitment { Parties = ["2061"], Text = "Kommunen åtar sig att hålla en tillgänglig scen och stödja lokala arrangörer.", Indicator = "Antal föreställningar per år", Target = "minst sex", Due = new DateOnly(2027, 12, 31) },
                        ],
                    },
                    Bullet("Konstnärer och andra kulturskapare ska få skäliga arvoden när parterna anlitar dem."),
                    Bullet("Föreningar och studieförbund är en förutsättning för ett rikt kulturliv på orten."),
                ],
            },
            new Section
            {
                Heading = SectionHeadings[2],
                Items = [Paragraph("Parterna har valt ut följande områden där de särskilt ska arbeta tillsammans.")],
                Sections =
                [
                    new Section
                    {
                        Heading = "Barn och unga",
                        Items =
                        [
                            Bullet("Regionen bjuder in till nätverksträffar om Skapande skola där kommunens samordnare deltar."),
                            Bullet("Ungdomars egna initiativ ska få stöd även när de inte sker i föreningsform."),
                        ],
                    },
                    new Section
                    {
                        Heading = "Bibliotek och läsfrämjande",
                        Items = [Paragraph("Biblioteket i Smedjebacken och länsbiblioteket utvecklar tillsammans digitala tjänster och läsfrämjande insatser för äldre, bland annat högläsning på särskilda boenden.")],
                    },
                ],
            },
            new Section
            {
                Heading = SectionHeadings[3],
                Items = [Paragraph("Parterna träffas minst en gång om året för att gå igenom åtagandena. Överenskommelsen kan ändras om båda parter är överens; en ändring blir en ny version som undertecknas på nytt.")],
            },
        ],
        Signatures =
        [
            new SignatureLine { Party = "2061", Name = "Åsa Lindqvist", Role = "Ordförande i kultur- och fritidsnämnden", Place = "Smedjebacken", Date = new DateOnly(2024, 3, 4) },
            new SignatureLine { Party = "20", Name = "Örjan Mattsson", Role = "Ordförande i kultur- och bildningsnämnden", Place = "Falun", Date = new DateOnly(2024, 3, 11) },
        ],
    };

    public static AgreementDocumentModel Signed() => new()
    {
        Content = Content(),
        IssuingParty = RegionDalarna,
        VersionNumber = 2,
        VersionHash = Hash,
        CreatedAt = CreatedAt,
        SigningRecords =
        [
            new SigningRecord { PartyName = "Smedjebackens kommun", SignatoryName = "Åsa Lindqvist", Role = "Ordförande i kultur- och fritidsnämnden", Place = "Smedjebacken", Date = new DateOnly(2024, 3, 4), SignedAt = new DateTime(2024, 3, 4, 13, 5, 12, DateTimeKind.Utc), Method = SigningMethods.Electronic },
            new SigningRecord { PartyName = "Region Dalarna", SignatoryName = "Örjan Mattsson", Role = "Ordförande i kultur- och bildningsnämnden", Place = "Falun", Date = new DateOnly(2024, 3, 11), SignedAt = new DateTime(2024, 3, 11, 8, 47, 0, DateTimeKind.Utc), Method = SigningMethods.Paper },
        ],
    };

    public static AgreementDocumentModel Unsigned() => Signed() with { SigningRecords = [], VersionHash = null };

    /// <summary>About a dozen pages: many sections, long paragraphs, bullets and a footnote now and then.</summary>
    public static AgreementDocumentModel Long()
    {
        var areas = new[] { "Scenkonst", "Bild och form", "Musik", "Dans", "Litteratur", "Bibliotek", "Kulturarv", "Film", "Hemslöjd", "Nationella minoriteter", "Äldres kulturliv", "Barn och unga", "Arkiv", "Folkbildning" };
        var sections = areas.Select((area, n) => new Section
        {
            Heading = $"{n + 1}. {area}",
            Items =
            [
                Paragraph($"Inom området {area.ToLowerInvariant()} vill parterna utveckla samarbetet under hela perioden. " + string.Concat(Enumerable.Repeat("Arbetet ska ske i dialog med föreningar, studieförbund och de professionella kulturskaparna i länet, och resultaten ska redovisas öppet så att fler kommuner kan ta del av erfarenheterna. ", 3))),
                new Item { Text = "Kommunen ansvarar för lokaler och lokal samordning medan regionen bidrar med kompetens och kontakter med länets institutioner.", Footnotes = n % 3 == 0 ? [$"Se även den regionala handlingsplanen för {area.ToLowerInvariant()}, avsnitt {n + 2}."] : [] },
                Bullet("Gemensamma träffar minst två gånger per år med uppföljning av vad som har åstadkommits."),
                Bullet("En kontaktperson hos vardera part som håller samman arbetet och svarar för att överenskommelsen följs upp."),
                Bullet("Information till invånarna på lättläst svenska, på finska och på meänkieli där det behövs."),
            ],
            Sections =
            [
                new Section
                {
                    Heading = $"{n + 1}.1 Åtaganden inom {area.ToLowerInvariant()}",
                    Items =
                    [
                        Paragraph(string.Concat(Enumerable.Repeat("Båda parter ska verka för att verksamheten är tillgänglig för personer med funktionsnedsättning och att den når invånare i hela kommunen, även utanför tätorten. ", 2))),
                        Bullet("Regionen ska erbjuda rådgivning och fortbildning."),
                        Bullet("Kommunen ska avsätta tid för samordning."),
                    ],
                },
            ],
        }).ToList();
        var content = Content() with { Title = "Överenskommelse om kultursamverkan – utförlig version för prestandaprov", Sections = sections };
        return Signed() with { Content = content };
    }

    /// <summary>Many long footnotes and an unbreakable address, to look at how the footnote area grows.</summary>
    public static AgreementDocumentModel FootnoteHeavy()
    {
        var note = string.Concat(Enumerable.Repeat("Fotnoten förklarar bakgrunden utförligt och hänvisar till beslut i nämnden. ", 4));
        var items = Enumerable.Range(1, 14).Select(n => new Item
        {
            Style = n % 2 == 0 ? ItemStyles.Bullet : ItemStyles.Paragraph,
            Text = $"Punkt {n}: parterna följer upp arbetet och redovisar resultatet på https://www.example.se/kultur/overenskommelser/smedjebacken/2024/uppfoljning/bilaga-{n}.",
            Footnotes = n % 3 == 0 ? [note, "Kort not."] : [note],
        }).ToList();
        return Signed() with { Content = Content() with { Sections = [new Section { Heading = "Fotnoter", Items = items }] } };
    }

    private static Item Paragraph(string text) => new() { Text = text };

    private static Item Bullet(string text) => new() { Style = ItemStyles.Bullet, Text = text };
}
