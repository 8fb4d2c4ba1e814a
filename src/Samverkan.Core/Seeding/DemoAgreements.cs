using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Seeding;

/// <summary>
/// Region Dalarna's template for 2023–2026 and an agreement from it with each of the fifteen municipalities, at
/// every stage of the lifecycle, plus a signed uppdragsöverenskommelse with Dalateatern for 2024. All text is demo
/// content written for Samverkan; local places and traditions are real, every person and every figure is fictional.
/// Versions go through <see cref="AgreementStore.AddVersion"/> and the agreement rules, so ids, commitment rows and
/// version hashes are exactly what the use cases would have written; dates come from a fixed clock.
/// </summary>
internal static class DemoAgreements
{
    private enum Stage { Draft, Negotiation, Agreed, Signed, Withdrawn }

    /// <summary>A commitment: who ("r" region, "m" municipality, "j" both), what, and what it serves.</summary>
    private sealed record C(
        string Who, string Text, string[]? Goals = null, int[]? MunicipalGoals = null, string? Indicator = null, string? Target = null,
        string[]? Institutions = null, DateOnly? Due = null);

    private sealed record I(string Text, C[] Commitments, string Style = ItemStyles.Paragraph);

    private sealed record S(string Heading, I[] Items);

    /// <summary>An item a municipality adds under one of the template's own areas.</summary>
    private sealed record Addition(string Heading, I Item);

    /// <summary>The municipality's open point in a negotiation: a comment on a section and a proposal for one commitment in it.</summary>
    private sealed record Talk(string Heading, string Comment, int Commitment, string ProposedText, string Reason);

    private sealed record Municipal(
        string Code, Stage Stage, string Officer, string Chair, string Place, Addition[] Additions, S[] Sections, Talk? Talk = null);

    private const string RegionChair = "Karin Wallin";
    private const string RegionChairRole = "Ordförande i kultur- och bildningsnämnden";
    private const string MunicipalChairRole = "Kommunstyrelsens ordförande";
    private const string RegionOfficerEmail = "region-officer@demo.example";

    private const string Background = "Bakgrund";
    private const string BasicValues = "Grundläggande värden";
    private const string Children = "Barn och unga";
    private const string Libraries = "Bibliotek och läsfrämjande";
    private const string PerformingArts = "Scenkonst, musik och arrangörer";
    private const string Heritage = "Kulturarv och kulturmiljö";
    private const string Elderly = "Äldre och kultur";

    /// <summary>Titles of goals in Dalarna's 2023–2026 plan (<see cref="DemoPlans"/>), looked up by title.</summary>
    private static class G
    {
        public const string StageArts = "Alla barn och unga ska kunna uppleva professionell scenkonst där de bor";
        public const string VisitEveryYear = "Varje kommun får minst ett turnerande scenkonstbesök för förskola eller skola per år";
        public const string YoungChoose = "Unga är med och väljer delar av utbudet";
        public const string Create = "Fler barn och unga ska skapa själva med stöd av professionella kulturskapare";
        public const string Venues = "Regionens och kommunernas spelplatser ska vara tillgängliga";
        public const string Elderly = "Äldre ska ha goda möjligheter att uppleva och utöva kultur";
        public const string ElderlyCare = "Kultur på recept och kultur i äldreomsorgen prövas i fler kommuner";
        public const string Organizers = "Det lokala arrangörsledet ska stärkas i hela länet";
        public const string Fees = "Kulturskapare ska få skälig ersättning när region och kommuner anlitar dem";
        public const string Residencies = "Konstnärsresidens erbjuds i minst tre kommuner";
        public const string Heritage = "Den regionala kulturmiljöstrategin ska omsättas i handling tillsammans med kommunerna";
        public const string Digital = "Samlingar och arkiv ska bli lättare att hitta och använda digitalt";
        public const string Reading = "Fler i alla åldrar ska läsa, och fler barn ska få läsa tidigt";
        public const string EarlyReading = "Bokstart eller liknande tidiga läsinsatser finns i varje kommun";
        public const string LibrariesTogether = "Biblioteken i Dalarna ska samverka över kommungränserna";
        public const string AuthorVisits = "Författarbesök och poesiarrangemang når även de mindre orterna";
        public const string MinorityLanguages = "Kulturutbudet på minoritetsspråken ska öka";
        public const string Consultation = "Samrådet med minoriteterna ska ge dem verkligt inflytande över kulturarbetet";
    }

    private static readonly S[] TemplateSections =
    [
        new(Background,
        [
            new("Sedan 2011 fördelas statens bidrag till den regionala kulturen genom kultursamverkansmodellen. {region} tar fram en "
                + "kultur- och bildningsplan i dialog med länets kommuner, kulturskapare och civilsamhälle, och Kulturrådet beslutar om "
                + "statens bidrag utifrån planen.", []),
            new("Överenskommelsen beskriver hur {region} och {kommun} tillsammans ska förverkliga kultur- och bildningsplanen "
                + "{från}–{till} i kommunen. Parterna följer upp den varje år i en gemensam kulturdialog.", []),
        ]),
        new(BasicValues,
        [
            new("Kulturen ska nå alla som bor i kommunen, oavsett ålder, funktionsförmåga, bakgrund eller bostadsort.",
            [
                new("r", "Regionen planerar de regionala kulturinstitutionernas turnéer så att hela länet får del av utbudet, också de mindre orterna.",
                    [G.Organizers]),
                new("m", "Kommunen håller minst en tillgänglig lokal för turnerande kultur och publicerar uppgifter om hur tillgänglig den är.",
                    [G.Venues], Indicator: "Publicerad tillgänglighetsinformation", Target: "Senast december {från}"),
            ], ItemStyles.Bullet),
            new("Barn och unga har rätt till kultur och till eget skapande, både i skolan och på fritiden.",
            [
                new("r", "Regionen erbjuder kommunen minst ett scenkonstbesök om året för förskola eller skola genom Dalateatern eller Musik i Dalarna.",
                    [G.VisitEveryYear], Indicator: "Scenkonstbesök per år", Target: "minst 1", Institutions: ["dalateatern", "musik-i-dalarna"]),
                new("m", "Kommunen tar emot den turnerande scenkonsten för barn och ansvarar för lokal, publik och värdskap.", [G.StageArts]),
            ], ItemStyles.Bullet),
            new("Professionella kulturskapare ska ha skäliga villkor när det offentliga anlitar dem.",
            [
                new("j", "Region och kommun tillämpar MU-avtalet när de ställer ut konst och betalar arvode när kulturskapare medverkar.",
                    [G.Fees], Indicator: "Tillämpar MU-avtalet", Target: "Ja, från {från}"),
            ], ItemStyles.Bullet),
        ]),
        new(Children,
        [
            new("Skapande skola och kulturskolan ger barn och unga möjlighet att skapa tillsammans med professionella kulturskapare.",
            [
                new("m", "Kommunen söker bidrag till Skapande skola varje år och har en plan för kulturen i skolan.", [G.Create]),
            ]),
        ]),
        new(Libraries,
        [
            new("Folkbiblioteken är öppna mötesplatser för läsning, bildning och fri information.",
            [
                new("r", "Länsbibliotek Dalarna erbjuder bibliotekens personal fortbildning och samordnar läsfrämjande insatser för hela länet.",
                    [G.LibrariesTogether], Institutions: ["lansbibliotek-dalarna"]),
                new("m", "Kommunen erbjuder tidiga läsinsatser för små barn och deras föräldrar, till exempel bokpåsar via barnavårdscentralen.",
                    [G.EarlyReading]),
            ]),
        ]),
        new(PerformingArts,
        [
            new("De regionala turnéerna bygger på att det finns engagerade lokala arrangörer.",
            [
                new("r", "Dalateatern och Musik i Dalarna samråder med kommunen om turnéplaneringen inför varje spelår.",
                    [G.Organizers], Institutions: ["dalateatern", "musik-i-dalarna"]),
            ]),
        ]),
        new(Heritage,
        [
            new("Kulturarvet är en resurs för hållbar utveckling och för berättelsen om platsen.",
            [
                new("r", "Dalarnas museum ger kommunen råd i kulturmiljöfrågor och medverkar när kommunen tar fram eller ser över sitt kulturmiljöprogram.",
                    [G.Heritage], Institutions: ["dalarnas-museum"]),
            ]),
        ]),
        new(Elderly,
        [
            new("Kultur i vardagen främjar äldres hälsa och delaktighet.",
            [
                new("j", "Region och kommun prövar tillsammans kultur i äldreomsorgen, till exempel musik och högläsning på särskilda boenden.",
                    [G.ElderlyCare]),
            ]),
        ]),
    ];

    private static readonly Dictionary<string, string[]> MunicipalGoalTexts = new()
    {
        ["2061"] =
        [
            "Fler barn och unga ska läsa och upptäcka litteraturen.",
            "Konsthallen MEKEN ska vara en levande mötesplats för samtidskonst i Bergslagen.",
            "Sverigefinnar i kommunen ska kunna ta del av kultur på finska.",
            "Kulturarvet i bruks- och gruvbygden ska vara tillgängligt för alla.",
        ],
        ["2085"] =
        [
            "Dan Anderssons författarskap ska vara levande i hela kommunen.",
            "Stadsbiblioteket ska vara en öppen mötesplats för alla åldrar.",
            "Kultur på finska ska höra till kommunens vanliga utbud.",
        ],
        ["2080"] =
        [
            "Världsarvet ska ge invånare och besökare kunskap och upplevelser.",
            "Unga ska ha platser där de själva kan skapa och visa kultur.",
        ],
        ["2039"] =
        [
            "Samisk kultur och älvdalska ska synas och höras i kommunens kulturliv.",
            "Barn och unga i alla byar ska kunna delta i kulturskolan.",
        ],
    };

    private static readonly Municipal[] Municipalities =
    [
        new("2021", Stage.Withdrawn, "Stina Hansson", "Lars Mattsson", "Vansbro", [],
        [
            new("Föreningsliv och bygdegårdar",
            [
                new("I Vansbro bär föreningarna och bygdegårdarna en stor del av kulturlivet i byarna.",
                [
                    new("m", "Kommunen ger verksamhetsbidrag till föreningar som arrangerar kultur i bygdegårdarna i Vansbro, Dala-Järna och Äppelbo.",
                        [G.Organizers]),
                    new("r", "Regionen erbjuder föreningarna arrangörsutbildning tillsammans med studieförbunden.", [G.Organizers]),
                ]),
            ]),
        ]),
        new("2023", Stage.Draft, "Ola Jansson", "Marie Eriksson", "Malung",
        [
            new(PerformingArts, new("Dansbandsveckan i Malung samlar varje sommar många besökare och är en del av bygdens musikliv.",
            [
                new("m", "Kommunen samverkar med arrangörerna av Dansbandsveckan om program för barn och unga under festivalen.", [G.YoungChoose]),
            ])),
        ],
        [
            new("Hantverk och skinntradition",
            [
                new("Skinnhantverket har format Malungsbygden i flera hundra år.",
                [
                    new("j", "Region och kommun ordnar tillsammans med Dalarnas hemslöjdsförbund kurser i skinnsömnad för unga.",
                        [G.Create], Institutions: ["dalarnas-hemslojdsforbund"], Indicator: "Kurser per år", Target: "2"),
                ]),
            ]),
            new("Folkbildning",
            [
                new("Malungs folkhögskola är en resurs för kulturlivet i hela västra Dalarna.",
                [
                    new("r", "Regionen stödjer folkhögskolans öppna kurser i musik och hantverk för boende i kommunen."),
                ]),
            ]),
        ]),
        new("2026", Stage.Draft, "Linda Forsgren", "Göran Åberg", "Gagnef",
        [
            new(Heritage, new("Kyrkbåtsrodden och de levande dräkttraditionerna är en del av Gagnefs identitet.",
            [
                new("m", "Kommunen stödjer hembygdsföreningarnas arbete med att dokumentera och visa dräkt- och kyrkbåtstraditionerna.", [G.Heritage]),
            ])),
        ],
        [
            new("Folkmusik i byarna",
            [
                new("Spelmanstraditionen lever i Gagnefs byar.",
                [
                    new("j", "Region och kommun ordnar tillsammans med Folkmusikens hus spelkurser för barn i Mockfjärd och Björbo.",
                        [G.Create], Institutions: ["folkmusikens-hus"]),
                ]),
            ]),
        ]),
        new("2029", Stage.Signed, "Sara Jonsson", "Henrik Olsson", "Leksand",
        [
            new(PerformingArts, new("Musik vid Siljan ger konserter i kyrkor, logar och på fäbodar runt sjön.",
            [
                new("m", "Kommunen stödjer Musik vid Siljan med verksamhetsbidrag och hjälp med lokaler.", [G.Organizers]),
                new("r", "Musik i Dalarna gör konserter för barnfamiljer tillsammans med festivalen.", [G.StageArts],
                    Institutions: ["musik-i-dalarna"]),
            ])),
        ],
        [
            new("Leksands kulturhus",
            [
                new("Kulturhuset samlar bibliotek, arkiv och utställningar under ett tak.",
                [
                    new("m", "Kommunen håller kulturhuset öppet kvällar och helger och visar minst fyra utställningar om året.",
                        [G.Reading], Indicator: "Utställningar per år", Target: "4"),
                    new("j", "Region och kommun gör kommunens arkiv sökbart på nätet.", [G.Digital], Due: new DateOnly(2025, 12, 31)),
                ]),
            ]),
            new("Hildasholm",
            [
                new("Axel Munthes Hildasholm är en av kommunens mest besökta kulturmiljöer.",
                [
                    new("m", "Kommunen och Hildasholm samarbetar om visningar för skolklasser.", [G.Heritage]),
                ]),
            ]),
        ]),
        new("2031", Stage.Signed, "Erik Halvarsson", "Maria Nordström", "Rättvik",
        [
            new(PerformingArts, new("Dalhalla i det gamla kalkbrottet är en scen med publik från hela landet.",
            [
                new("j", "Region och kommun för samtal med Dalhalla om föreställningar för skolor och unga i länet.", [G.StageArts]),
            ])),
        ],
        [
            new("Folkmusik och folkdans",
            [
                new("Folkmusikens hus i Rättvik är länets kunskapscentrum för folkmusik och folkdans.",
                [
                    new("r", "Regionen ger Folkmusikens hus i uppdrag att erbjuda spelkurser och dansträffar för unga i hela länet.",
                        [G.Create], Institutions: ["folkmusikens-hus"]),
                    new("m", "Kommunen upplåter lokaler för spelmanslagens och folkdanslagens övningar utan kostnad.", [G.Organizers]),
                ]),
            ]),
            new("Konst i offentliga miljöer",
            [
                new("Konst ska vara en del av de nya offentliga miljöerna i kommunen.",
                [
                    new("m", "Kommunen utreder en enprocentregel för konst i sina byggprojekt.", Target: "Beslut under 2024"),
                ]),
            ]),
        ]),
        new("2034", Stage.Negotiation, "Magnus Ståhl", "Britt Larsson", "Orsa",
        [
            new(Children, new("Kulturskolan för folkmusiken vidare till nya generationer.",
            [
                new("m", "Kulturskolan erbjuder undervisning i fiol och nyckelharpa för barn och unga.", [G.Create]),
            ])),
        ],
        [
            new("Kultur för äldre i byarna",
            [
                new("Många äldre i kommunen bor långt från centralorten.",
                [
                    new("j", "Region och kommun prövar kulturombud på två äldreboenden, i Orsa och i Skattungbyn.", [G.ElderlyCare],
                        Indicator: "Boenden med kulturombud", Target: "2"),
                ]),
            ]),
        ],
        new Talk("Kultur för äldre i byarna",
            "Vi behöver reda ut vem som betalar kulturombudens utbildning innan vi kan godkänna.", 0,
            "Region och kommun prövar kulturombud på tre äldreboenden i Orsa och Skattungbyn; regionen står för ombudens utbildning.",
            "Ett tredje boende har anmält intresse, och utbildningen behöver en huvudman.")),
        new("2039", Stage.Negotiation, "Åsa Jakobsson", "Nils Andersson", "Älvdalen",
        [
            new(Children, new("Kulturskolan ska nå barnen även i kommunens norra delar.",
            [
                new("m", "Kulturskolan undervisar på plats i Särna och Idre varje vecka under terminerna.", [G.Create], MunicipalGoals: [2]),
            ])),
        ],
        [
            new("Samisk kultur och älvdalska",
            [
                new("Älvdalen är samiskt förvaltningsområde. Här talas också älvdalska, ett språk med rötter i fornnordiskan som kommunen vill hålla levande.",
                [
                    new("r", "Regionen håller samråd om samisk kultur med samiska företrädare i länet minst två gånger om året.", [G.Consultation],
                        Indicator: "Samråd per år", Target: "2"),
                    new("m", "Kommunen erbjuder förskolan sagostunder och teater på samiska och älvdalska.", [G.MinorityLanguages],
                        MunicipalGoals: [1]),
                    new("j", "Region och kommun stödjer en årlig kulturdag om samiskt liv i norra Dalarna.", [G.MinorityLanguages],
                        Target: "En kulturdag om året"),
                ]),
            ]),
            new("Porfyr och kulturarv",
            [
                new("Porfyrmuseet och Rots skans berättar om hantverket och historien i Älvdalen.",
                [
                    new("m", "Kommunen håller Porfyrmuseet öppet under sommaren och tar emot skolklasser.", [G.Heritage]),
                    new("r", "Dalarnas museum hjälper till att digitalisera delar av samlingarna om porfyrhantverket.", [G.Digital],
                        Institutions: ["dalarnas-museum"]),
                ]),
            ]),
        ],
        new Talk("Samisk kultur och älvdalska",
            "Vi vill att samrådet också tar upp älvdalskan.", 0,
            "Regionen håller samråd om samisk kultur och om älvdalskan med företrädare i länet minst två gånger om året.",
            "Älvdalskan saknar andra forum för samråd med regionen.")),
        new("2061", Stage.Negotiation, "Anna Lindberg", "Peter Holm", "Smedjebacken",
        [
            new(Libraries, new("Biblioteket i Smedjebacken är navet för läsfrämjandet i kommunen.",
            [
                new("m", "Biblioteket ordnar läsecirklar för unga med stöd av Länsbibliotek Dalarna.", [G.Reading], MunicipalGoals: [1],
                    Institutions: ["lansbibliotek-dalarna"]),
            ])),
        ],
        [
            new("Bild och form",
            [
                new("Konsthallen MEKEN är kommunens mötesplats för samtidskonst.",
                [
                    new("m", "Kommunen visar minst fem utställningar om året på Konsthallen MEKEN och betalar utställningsersättning enligt MU-avtalet.",
                        [G.Fees], MunicipalGoals: [2], Indicator: "Utställningar per år", Target: "5"),
                    new("r", "Bild och form Dalarna ger råd om ett konstnärsresidens på MEKEN.", [G.Residencies],
                        Institutions: ["bild-och-form-dalarna"]),
                ]),
            ]),
            new("Litteratur",
            [
                new("Poeten Werner Aspenström växte upp i Smedjebacken.",
                [
                    new("j", "Region och kommun ordnar tillsammans med Werner Aspenström-sällskapet en poesihelg varje år.", [G.AuthorVisits]),
                ]),
            ]),
            new("Sverigefinsk kultur",
            [
                new("Smedjebacken är finskt förvaltningsområde sedan 2015.",
                [
                    new("m", "Biblioteket har sagostunder och böcker på finska, och kommunen samråder med sverigefinnarna om kulturutbudet.",
                        [G.MinorityLanguages, G.Consultation], MunicipalGoals: [3]),
                    new("r", "Regionen samordnar kulturprogram på finska som kan turnera mellan länets finska förvaltningskommuner.",
                        [G.MinorityLanguages]),
                ]),
            ]),
        ],
        new Talk("Bild och form",
            "Fem utställningar om året går bara om MEKEN får hjälp med residenset. Kan regionen förtydliga sitt stöd?", 1,
            "Bild och form Dalarna ger råd om och medfinansierar ett konstnärsresidens om året på MEKEN.",
            "Residenset behöver pengar, inte bara råd, för att bli av.")),
        new("2062", Stage.Signed, "Johan Morin", "Kristina Svensson", "Mora",
        [
            new(PerformingArts, new("Mora musikförening tar emot Musik i Dalarnas turnéer.",
            [
                new("m", "Kommunen ger föreningen fri tillgång till kommunens lokaler för konserterna.", [G.Organizers]),
                new("r", "Musik i Dalarna planerar minst fyra konserter om året tillsammans med föreningen.", [G.Organizers],
                    Institutions: ["musik-i-dalarna"], Indicator: "Konserter per år", Target: "4"),
            ])),
        ],
        [
            new("Zorn och bildkonsten",
            [
                new("Zornmuseet och Zorngården gör Mora till ett nav för bildkonsten i länet.",
                [
                    new("m", "Kommunen erbjuder alla elever i årskurs 5 ett besök på Zornmuseet med en konstpedagog.", [G.Create],
                        Indicator: "Andel elever i årskurs 5", Target: "100 %"),
                ]),
            ]),
            new("Film",
            [
                new("Biografen och filmklubbarna är viktiga mötesplatser i Mora.",
                [
                    new("j", "Region och kommun ordnar tillsammans med Film i Dalarna filmvisningar för skolor varje termin.",
                        Institutions: ["film-i-dalarna"]),
                ]),
            ]),
        ]),
        new("2080", Stage.Signed, "Elisabeth Strand", "Anders Lundqvist", "Falun",
        [
            new(PerformingArts, new("Dalateatern och Musik i Dalarna har sin bas i Falun.",
            [
                new("r", "Dalateatern erbjuder föreställningar på den egna scenen med syntolkning och teckenspråkstolkning.", [G.Venues],
                    Institutions: ["dalateatern"], Indicator: "Tolkade föreställningar per år", Target: "4"),
            ])),
        ],
        [
            new("Världsarvet Falu gruva",
            [
                new("Världsarvet kring Stora Kopparbergets gruva angår hela länet.",
                [
                    new("m", "Kommunen tar fram material om gruvans historia för skolorna och erbjuder varje klass i årskurs 4 en visning.",
                        [G.Heritage], MunicipalGoals: [1]),
                    new("j", "Region och kommun undersöker tillsammans hur världsarvet kan bli en plats för samtida konst och scenkonst.",
                        [G.Heritage], Institutions: ["dalarnas-museum"]),
                ]),
            ]),
            new("Unga skapar",
            [
                new("Unga i Falun ska ha egna platser att skapa på.",
                [
                    new("m", "Kommunen driver en mötesplats för unga med replokaler och inspelningsstudio.", [G.Create], MunicipalGoals: [2]),
                    new("r", "Film i Dalarna håller filmverkstäder för unga på mötesplatsen.", [G.Create], Institutions: ["film-i-dalarna"]),
                ]),
            ]),
        ]),
        new("2081", Stage.Signed, "Mattias Björk", "Jenny Karlsson", "Borlänge",
        [
            new(Libraries, new("Biblioteket i Borlänge är en mötesplats för många språk.",
            [
                new("m", "Kommunen erbjuder läxhjälp och språkcaféer på biblioteket.", [G.Reading]),
            ])),
        ],
        [
            new("Sverigefinsk kultur",
            [
                new("Borlänge är finskt förvaltningsområde, och många invånare har sina rötter i Finland.",
                [
                    new("m", "Kommunen ordnar en sverigefinsk kulturvecka varje år i samråd med de sverigefinska föreningarna.",
                        [G.MinorityLanguages, G.Consultation], Target: "En kulturvecka om året"),
                    new("r", "Länsbibliotek Dalarna köper in litteratur på finska och låter den cirkulera mellan kommunernas bibliotek.",
                        [G.MinorityLanguages], Institutions: ["lansbibliotek-dalarna"]),
                ]),
            ]),
            new("Musik",
            [
                new("Jussi Björlingmuseet berättar om tenoren som föddes i Borlänge.",
                [
                    new("m", "Kommunen ordnar sångverkstäder för unga i samarbete med museet.", [G.Create]),
                ]),
            ]),
        ]),
        new("2082", Stage.Agreed, "Tomas Eriksson", "Helena Dahl", "Säter", [],
        [
            new("Mentalvårdsmuseet och vårdens historia",
            [
                new("Mentalvårdsmuseet i Säter berättar om psykiatrins historia.",
                [
                    new("r", "Mentalvårdsmuseet erbjuder visningar för gymnasieskolans vård- och omsorgsprogram i hela länet.", [G.Heritage],
                        Institutions: ["mentalvardsmuseet"]),
                    new("m", "Kommunen ordnar guidade vandringar på det gamla sjukhusområdet tillsammans med museet.", [G.Heritage]),
                ]),
            ]),
            new("Trästaden",
            [
                new("Säters trästad är en väl bevarad kulturmiljö.",
                [
                    new("m", "Kommunen tar fram ett kulturmiljöprogram för trästaden.", [G.Heritage], Target: "Antaget program",
                        Due: new DateOnly(2025, 6, 30)),
                ]),
            ]),
        ]),
        new("2083", Stage.Agreed, "Karin Persson", "Stefan Berglund", "Hedemora", [],
        [
            new("Bergslagens kulturarv",
            [
                new("Gruvbygden kring Garpenberg har en av landets längsta gruvhistorier.",
                [
                    new("j", "Region och kommun utvecklar besöksmålen i Garpenberg tillsammans med Ekomuseum Bergslagen.", [G.Heritage],
                        Institutions: ["dalarnas-museum"]),
                ]),
            ]),
            new("Teater för unga",
            [
                new("Hedemora har ett livaktigt amatörteaterliv.",
                [
                    new("m", "Kommunen stödjer ungdomsteatern med lokaler och ledare.", [G.Create]),
                    new("r", "Dalateatern håller workshoppar för kommunens amatörteatergrupper.", [G.Create], Institutions: ["dalateatern"],
                        Indicator: "Workshoppar per år", Target: "2"),
                ]),
            ]),
        ]),
        new("2084", Stage.Signed, "Linnea Berg", "Mikael Hansson", "Avesta", [],
        [
            new("Samtidskonst i Verket",
            [
                new("Avesta Art visar samtidskonst i det gamla järnverket varje sommar.",
                [
                    new("m", "Kommunen driver Avesta Art och betalar utställningsersättning enligt MU-avtalet.", [G.Fees]),
                    new("r", "Bild och form Dalarna hjälper Avesta Art att nå skolor i hela länet.", [G.Create],
                        Institutions: ["bild-och-form-dalarna", "avesta-art"]),
                ]),
            ]),
            new("Folkbildning och integration",
            [
                new("Studieförbunden och biblioteket är viktiga för dem som är nya i Sverige.",
                [
                    new("m", "Kommunen erbjuder språkcaféer och kulturprogram på flera språk på biblioteket.", [G.Reading]),
                ]),
            ]),
        ]),
        new("2085", Stage.Agreed, "Tiina Koskinen", "Roger Nyström", "Ludvika",
        [
            new(Libraries, new("Ludvika stadsbibliotek är öppet för alla åldrar.",
            [
                new("m", "Stadsbiblioteket har öppet även på söndagar under vinterhalvåret.", [G.Reading], MunicipalGoals: [2]),
            ])),
        ],
        [
            new("Dan Andersson",
            [
                new("Skalden Dan Andersson föddes i Skattlösberg i Ludvika kommun.",
                [
                    new("m", "Kommunen ordnar varje år en Dan Andersson-vecka med visor, föredrag och vandringar.", [G.AuthorVisits],
                        MunicipalGoals: [1]),
                    new("r", "Länsbibliotek Dalarna hjälper till att föra ut programmen till biblioteken i hela länet.", [G.AuthorVisits],
                        Institutions: ["lansbibliotek-dalarna"]),
                ]),
            ]),
            new("Sverigefinsk kultur",
            [
                new("Ludvika är finskt förvaltningsområde.",
                [
                    new("m", "Stadsbiblioteket har en finsk avdelning och program på finska varje månad.", [G.MinorityLanguages],
                        MunicipalGoals: [3]),
                    new("j", "Region och kommun samråder med de sverigefinska föreningarna om kulturutbudet två gånger om året.",
                        [G.Consultation]),
                ]),
            ]),
            new("Gruv- och industriminnen",
            [
                new("Ludvika gammelgård och gruvmuseum visar Bergslagens historia.",
                [
                    new("m", "Kommunen håller gammelgården öppen sommartid med visningar för barn.", [G.Heritage]),
                ]),
            ]),
        ]),
    ];

    /// <summary>The party beside the region in each demo agreement, one per agreement, so tests can go through all of them.</summary>
    internal static IReadOnlyList<string> Counterparties => [.. Municipalities.Select(m => m.Code), "dalateatern"];

    public static async Task AddAsync(SamverkanDb db, Guid regionId, CancellationToken ct)
    {
        var region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == regionId, ct);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.RegionId == regionId && p.StartYear == 2023, ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == plan.Id).ToDictionaryAsync(g => g.Title, g => g.Id, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.CountyCode == region.CountyCode).ToDictionaryAsync(o => o.Code, ct);
        var emails = DemoAccounts.All.Select(a => a.Email).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganizationId, u.Role }).ToListAsync(ct);
        var officerAccount = accounts.Single(a => a.Email == RegionOfficerEmail);
        var regionOfficer = new Actor(officerAccount.Id, officerAccount.DisplayName, region.Id, region.Code, OrganizationKind.Region,
            region.CountyCode, officerAccount.Role);

        // The municipalities' own goals are saved first: the agreement rules look goals up in the database.
        var municipalGoals = new Dictionary<(string Code, int Number), Guid>();
        foreach (var (code, texts) in MunicipalGoalTexts)
            foreach (var (text, index) in texts.Select((t, i) => (t, i)))
            {
                var goal = new MunicipalGoal { OrganizationId = organizations[code].Id, StartYear = 2023, EndYear = 2026, Number = index + 1, Text = text };
                db.MunicipalGoals.Add(goal);
                municipalGoals[(code, goal.Number)] = goal.Id;
            }
        await db.SaveChangesAsync(ct);

        var clock = new SettableClock(Utc(2022, 12, 5, 9, 0));
        var store = new AgreementStore(db, clock);
        var rules = new AgreementRules(db);

        var templateContent = new AgreementContent
        {
            Kind = AgreementKinds.MunicipalAgreement,
            Title = AgreementTemplates.DefaultTitle,
            Reference = plan.Reference,
            Period = new Period(new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)),
            CaseOfficer = new CaseOfficer(officerAccount.DisplayName, "Samverkansstrateg", "070-174 06 05", "maja.ersson@regiondalarna.example"),
            Sections = TemplateSections.Select(s => Build(s, goals, null, TemplateParties.Region, TemplateParties.Municipality, null)).ToList(),
            Signatures =
            [
                new SignatureLine { Party = TemplateParties.Municipality, Name = "", Role = MunicipalChairRole },
                new SignatureLine { Party = TemplateParties.Region, Name = RegionChair, Role = RegionChairRole },
            ],
        };
        var checkedTemplate = Ok(await SaveAgreementTemplate.CheckAsync(db, templateContent, plan.Id, region, ct), "template");
        var template = new AgreementTemplate
        {
            RegionId = region.Id, PlanId = plan.Id, Kind = checkedTemplate.Kind, Title = checkedTemplate.Title,
            PeriodFrom = checkedTemplate.Period!.From, PeriodTo = checkedTemplate.Period.To, ContentJson = AgreementJson.Serialize(checkedTemplate),
            DraftRuns = 1, CreatedAt = clock.UtcNow, UpdatedAt = clock.UtcNow,
        };
        db.Add(template);

        foreach (var (spec, index) in Municipalities.Select((m, i) => (m, i)))
        {
            var municipality = organizations[spec.Code];
            var account = accounts.FirstOrDefault(a => a.OrganizationId == municipality.Id);
            // Only Smedjebacken and Mora have demo sign-ins; the other municipalities' officers are named people without an account.
            var officerId = account?.Id ?? $"demo-officer-{spec.Code}";
            var municipalActor = new Actor(officerId, spec.Officer, municipality.Id, municipality.Code, OrganizationKind.Municipality,
                region.CountyCode, Roles.MunicipalityOfficer);

            // Only the open agreements keep the step from the template to the local text as two versions: theirs is the
            // history the demo shows being negotiated. The settled ones start from the local text, which keeps the seed
            // fast (every test database is seeded, and every row written here is written twice, the audit row included).
            var open = spec.Stage is Stage.Draft or Stage.Negotiation;
            string[] codes = [region.Code, municipality.Code];
            var instance = AgreementTemplates.Instantiate(checkedTemplate, region, municipality);
            var fromTemplate = open ? Ok(await rules.CheckAsync(instance, codes, ct), spec.Code).Content : null;

            // The local text: what the dialogue with the municipality added to the template.
            var edited = Utc(2023, 2, 6, 10, 0).AddDays(index);
            var sections = (fromTemplate ?? instance).Sections.ToList();
            foreach (var addition in spec.Additions)
            {
                var at = sections.FindIndex(s => s.Heading == addition.Heading);
                var item = BuildItem(addition.Item, goals, municipalGoals, region.Code, municipality.Code, spec.Code);
                sections[at] = sections[at] with { Items = [.. sections[at].Items, item] };
            }
            sections.AddRange(spec.Sections.Select(s => Build(s, goals, municipalGoals, region.Code, municipality.Code, spec.Code)));
            var local = Ok(await rules.CheckAsync((fromTemplate ?? instance) with
            {
                Date = DateOnly.FromDateTime(edited),
                Sections = sections,
                Signatures =
                [
                    new SignatureLine { Party = municipality.Code, Name = spec.Chair, Role = MunicipalChairRole },
                    new SignatureLine { Party = region.Code, Name = RegionChair, Role = RegionChairRole },
                ],
            }, codes, ct), spec.Code);

            var agreement = new Agreement
            {
                Kind = AgreementKinds.MunicipalAgreement, RegionId = region.Id, PlanId = plan.Id, TemplateId = template.Id,
                Status = AgreementStatuses.Draft, Title = local.Content.Title,
                CreatedAt = open ? Utc(2023, 1, 16, 8, 0).AddMinutes(index) : edited,
                Parties = local.Parties.Select((p, i) => new AgreementParty { OrganizationId = p.Id, SortOrder = i }).ToList(),
            };
            db.Add(agreement);
            if (fromTemplate is not null)
            {
                clock.UtcNow = agreement.CreatedAt;
                store.AddVersion(agreement, fromTemplate, regionOfficer, "Skapad från mallen (version 1)");
            }
            clock.UtcNow = edited;
            var editor = open && account is not null ? municipalActor : regionOfficer;
            var version = store.AddVersion(agreement, local.Content, editor,
                open ? "Lokala åtaganden efter kulturdialogen" : "Skapad från mallen (version 1) med lokala åtaganden från kulturdialogen");

            var regionParty = (regionOfficer, region.Id);
            var municipalParty = (municipalActor, municipality.Id);
            switch (spec.Stage)
            {
                case Stage.Draft:
                    break;
                case Stage.Withdrawn:
                    agreement.Status = AgreementStatuses.Withdrawn;
                    agreement.UpdatedAt = edited.AddDays(20);
                    break;
                case Stage.Negotiation:
                    agreement.Status = AgreementStatuses.Negotiation;
                    AddTalk(db, agreement, local.Content, spec.Talk!, municipalActor, municipality.Id, edited.AddDays(16));
                    agreement.UpdatedAt = edited.AddDays(17);
                    break;
                case Stage.Agreed:
                case Stage.Signed:
                    agreement.Status = AgreementStatuses.Agreed;
                    agreement.AgreedVersion = version.Number;
                    Approve(db, agreement, municipalParty, edited.AddDays(28).AddHours(3));
                    Approve(db, agreement, regionParty, edited.AddDays(30));
                    agreement.UpdatedAt = edited.AddDays(30);
                    if (spec.Stage == Stage.Signed)
                    {
                        Sign(db, version, municipalParty, spec.Chair, MunicipalChairRole, spec.Place, edited.AddDays(40).AddHours(4));
                        Sign(db, version, regionParty, RegionChair, RegionChairRole, "Falun", edited.AddDays(45).AddHours(5));
                        agreement.Status = AgreementStatuses.Signed;
                        agreement.SignedVersion = version.Number;
                        agreement.UpdatedAt = edited.AddDays(45).AddHours(5);
                    }
                    break;
            }
        }

        await AddDalateaternAssignmentAsync(db, rules, store, clock, region, plan.Id, goals, regionOfficer,
            accounts.Single(a => a.Email == "dalateatern@demo.example").Id, organizations, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The region's yearly uppdragsöverenskommelse with its regional theatre: grants written in the commitments' targets.</summary>
    private static async Task AddDalateaternAssignmentAsync(
        SamverkanDb db, AgreementRules rules, AgreementStore store, SettableClock clock, Organization region, Guid planId,
        Dictionary<string, Guid> goals, Actor regionOfficer, string theatreUserId, Dictionary<string, Organization> organizations, CancellationToken ct)
    {
        var theatre = organizations["dalateatern"];
        var theatreActor = new Actor(theatreUserId, "Lena Falk", theatre.Id, theatre.Code, OrganizationKind.Institution, region.CountyCode, Roles.InstitutionReporter);
        S[] sections =
        [
            new(Background,
            [
                new("Dalateatern är Dalarnas regionteater. Regionen ger teatern verksamhetsbidrag inom kultursamverkansmodellen; den här "
                    + "överenskommelsen beskriver vad teatern åtar sig för bidraget under 2024.", []),
            ]),
            new("Uppdrag",
            [
                new("Dalateatern spelar teater och dans för barn och unga i alla länets femton kommuner.",
                [
                    new("m", "Dalateatern ger föreställningar för barn och unga på turné i länet.", [G.VisitEveryYear],
                        Indicator: "Föreställningar för barn och unga", Target: "minst 120 föreställningar"),
                    new("m", "Dalateatern besöker varje kommun i länet minst en gång under året.", [G.StageArts],
                        Indicator: "Kommuner som fått besök", Target: "15 av 15"),
                ]),
                new("Scenkonsten ska vara tillgänglig för alla.",
                [
                    new("m", "Dalateatern ger föreställningar med syntolkning eller teckenspråkstolkning.", [G.Venues],
                        Indicator: "Tolkade föreställningar", Target: "minst 4 föreställningar"),
                    new("m", "Dalateatern anlitar frilansande scenkonstnärer med ersättning enligt gällande kollektivavtal.", [G.Fees]),
                ]),
            ]),
            new("Ekonomi",
            [
                new("Bidraget för 2024 betalas ut kvartalsvis.",
                [
                    new("r", "Regionen lämnar verksamhetsbidrag till Dalateatern för 2024, varav statens bidrag inom kultursamverkansmodellen är en del.",
                        Indicator: "Verksamhetsbidrag 2024", Target: "12 500 000 kr"),
                    new("r", "Av bidraget är en del avsedd för turnéer i länets kommuner.", Indicator: "Varav turnéverksamhet", Target: "2 300 000 kr"),
                    new("m", "Dalateatern redovisar hur bidraget har använts i sin årsredovisning.", Due: new DateOnly(2025, 3, 31)),
                ]),
            ]),
            new("Uppföljning",
            [
                new("Uppföljningen bygger på samma uppgifter som regionen lämnar till Kulturdatabasen.",
                [
                    new("m", "Dalateatern rapporterar föreställningar, publik och andelen barn och unga per kommun till regionen.",
                        Indicator: "Rapport", Target: "Inlämnad", Due: new DateOnly(2025, 2, 15)),
                    new("j", "Regionen och Dalateatern håller en uppföljningsdialog under våren 2025."),
                ]),
            ]),
        ];
        var content = new AgreementContent
        {
            Kind = AgreementKinds.InstitutionAssignment,
            Title = "Uppdragsöverenskommelse mellan Region Dalarna och Dalateatern 2024",
            Reference = "RD23/04512",
            Date = new DateOnly(2023, 11, 20),
            Period = new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            CaseOfficer = new CaseOfficer(regionOfficer.Name, "Samverkansstrateg", "070-174 06 05", "maja.ersson@regiondalarna.example"),
            Sections = sections.Select(s => Build(s, goals, null, region.Code, theatre.Code, null)).ToList(),
            Signatures =
            [
                new SignatureLine { Party = theatre.Code, Name = "Johanna Lindqvist", Role = "Teaterchef" },
                new SignatureLine { Party = region.Code, Name = RegionChair, Role = RegionChairRole },
            ],
        };
        clock.UtcNow = Utc(2023, 11, 20, 9, 30);
        var checkedContent = Ok(await rules.CheckAsync(content, [region.Code, theatre.Code], ct), "dalateatern");
        var agreement = new Agreement
        {
            Kind = AgreementKinds.InstitutionAssignment, RegionId = region.Id, PlanId = planId, Status = AgreementStatuses.Draft,
            Title = checkedContent.Content.Title, CreatedAt = clock.UtcNow,
            Parties = checkedContent.Parties.Select((p, i) => new AgreementParty { OrganizationId = p.Id, SortOrder = i }).ToList(),
        };
        db.Add(agreement);
        var version = store.AddVersion(agreement, checkedContent.Content, regionOfficer, "Skapad");
        agreement.Status = AgreementStatuses.Agreed;
        agreement.AgreedVersion = version.Number;
        Approve(db, agreement, (theatreActor, theatre.Id), Utc(2023, 12, 5, 10, 0));
        Approve(db, agreement, (regionOfficer, region.Id), Utc(2023, 12, 6, 13, 15));
        Sign(db, version, (theatreActor, theatre.Id), "Johanna Lindqvist", "Teaterchef", "Falun", Utc(2023, 12, 12, 14, 0));
        Sign(db, version, (regionOfficer, region.Id), RegionChair, RegionChairRole, "Falun", Utc(2023, 12, 14, 15, 30));
        agreement.Status = AgreementStatuses.Signed;
        agreement.SignedVersion = version.Number;
        agreement.UpdatedAt = new DateTime(2023, 12, 14, 15, 30, 0, DateTimeKind.Utc);
    }

    private static Section Build(
        S s, Dictionary<string, Guid> goals, Dictionary<(string, int), Guid>? municipalGoals, string region, string other, string? municipalityCode) =>
        new() { Heading = s.Heading, Items = s.Items.Select(i => BuildItem(i, goals, municipalGoals, region, other, municipalityCode)).ToList() };

    private static Item BuildItem(
        I i, Dictionary<string, Guid> goals, Dictionary<(string, int), Guid>? municipalGoals, string region, string other, string? municipalityCode) => new()
    {
        Style = i.Style,
        Text = i.Text,
        Commitments = i.Commitments.Select(c => new Commitment
        {
            Parties = c.Who switch
            {
                "r" => new[] { region },
                "m" => new[] { other },
                "j" => new[] { region, other },
                _ => throw new InvalidOperationException($"Unknown party '{c.Who}' in the demo agreements."),
            },
            Text = c.Text,
            Indicator = c.Indicator,
            Target = c.Target,
            Due = c.Due,
            Institutions = c.Institutions ?? [],
            GoalIds = (c.Goals ?? []).Select(title => goals.TryGetValue(title, out var id) ? id
                    : throw new InvalidOperationException($"The demo agreements name a goal the 2023–2026 plan lacks: {title}"))
                .Concat((c.MunicipalGoals ?? []).Select(n => municipalGoals![(municipalityCode!, n)]))
                .ToList(),
        }).ToList(),
    };

    private static void AddTalk(SamverkanDb db, Agreement agreement, AgreementContent content, Talk talk, Actor officer, Guid municipalityId, DateTime at)
    {
        var section = content.Sections.ToList().FindIndex(s => s.Heading == talk.Heading);
        db.Add(new AgreementComment
        {
            AgreementId = agreement.Id, Version = agreement.CurrentVersion, Target = $"sections[{section}]", OrganizationId = municipalityId,
            UserId = officer.UserId!, UserName = officer.Name, Text = talk.Comment, At = at,
        });
        db.Add(new AgreementProposal
        {
            AgreementId = agreement.Id, BaseVersion = agreement.CurrentVersion, Target = $"sections[{section}].items[0].commitments[{talk.Commitment}]",
            ProposedText = talk.ProposedText, Reason = talk.Reason, OrganizationId = municipalityId, UserId = officer.UserId!, UserName = officer.Name,
            At = at.AddHours(1),
        });
    }

    private static void Approve(SamverkanDb db, Agreement agreement, (Actor Actor, Guid Organization) party, DateTime at) =>
        db.Add(new AgreementApproval
        {
            AgreementId = agreement.Id, Version = agreement.CurrentVersion, OrganizationId = party.Organization,
            UserId = party.Actor.UserId!, UserName = party.Actor.Name, At = at,
        });

    /// <summary>Councils sign on paper; the party's officer records the signature over the agreed version's hash.</summary>
    private static void Sign(SamverkanDb db, AgreementVersion version, (Actor Actor, Guid Organization) party, string name, string role, string place, DateTime at) =>
        db.Add(new AgreementSignature
        {
            AgreementId = version.AgreementId, Version = version.Number, OrganizationId = party.Organization, Name = name, Role = role,
            Place = place, Date = DateOnly.FromDateTime(at), Method = "paper", Provider = "paper-record", UserId = party.Actor.UserId!,
            UserName = party.Actor.Name, At = at, VersionHash = version.Hash,
        });

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>The demo text is ours: a rule it breaks is a bug in this file, not a user's mistake.</summary>
    private static T Ok<T>(Result<T> result, string what) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo agreement {what}: {result.Error!.Code} {result.Error.Message}");
}
