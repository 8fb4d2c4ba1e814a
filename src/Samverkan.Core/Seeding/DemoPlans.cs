using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Seeding;

/// <summary>
/// Dalarna's two latest culture plans and Smedjebacken's own goals for 2019–2022. Titles, years, dates and the
/// 2019 diarienummer are real; development areas, goals and indicator figures are illustrative demo content,
/// written for the demo rather than quoted from the plans.
/// </summary>
internal static class DemoPlans
{
    private sealed record Indicator(string Name, string Unit, decimal? Baseline, int? BaselineYear, decimal? Target, int? TargetYear);

    private sealed record Goal(string Title, string? Description = null, Indicator[]? Indicators = null, Goal[]? SubGoals = null);

    private sealed record Area(string Title, string Description, Goal[] Goals);

    private sealed record PlanSpec(
        string Title, int StartYear, int EndYear, string Reference, DateOnly AdoptedOn, PlanStatus Status, string Summary, Area[] Areas);

    private static readonly PlanSpec Plan2019 = new(
        "Dalarnas kultur- och bildningsplan 2019–2022", 2019, 2022, "LD17/03997", new(2018, 11, 20), PlanStatus.Archived,
        "Planen pekar ut riktningen för regionens kultur- och bildningsarbete under fyra år. Den har vuxit fram i samtal med länets "
        + "kommuner, kulturskapare och civilsamhälle och ger barn och unga, äldre och de nationella minoriteterna särskild vikt. "
        + "Kulturen ska finnas i hela Dalarna, inte bara i de största orterna.",
        [
            new("Barn och unga", "Barn och unga ska möta professionell kultur i skolan och på fritiden, oavsett var i länet de bor.",
            [
                new("Alla barn och unga i Dalarna ska kunna uppleva professionell scenkonst",
                    "Turnéerna planeras tillsammans med kommunerna så att varje kommun får besök varje år.",
                    [new("Andel kommuner med turnerande scenkonst för barn", "%", 73, 2018, 100, 2022)],
                    [
                        new("Dalateatern och Musik i Dalarna besöker varje kommun med minst en skolföreställning per år"),
                        new("Fler förskolor tar emot föreställningar för de yngsta barnen"),
                    ]),
                new("Kommunernas arbete med Skapande skola ska stärkas genom gemensamt erfarenhetsutbyte",
                    Indicators: [new("Antal kommuner som beviljats bidrag till Skapande skola", "st", 12, 2018, 15, 2022)]),
            ]),
            new("Tillgänglighet och delaktighet", "Fler ska kunna ta del av kulturlivet och vara med och forma det.",
            [
                new("Spelplatserna i länet ska vara tillgängliga för publik och medverkande",
                    "Kommunerna åtgärdar enkelt avhjälpta hinder i de lokaler där regionala turnéer spelar.",
                    [new("Antal inventerade spelplatser utan kvarstående enkelt avhjälpta hinder", "st", 18, 2018, 40, 2022)]),
                new("Äldre ska kunna vara aktiva i kulturlivet och folkbildningen hela livet",
                    SubGoals: [new("Arbetssätt för kultur med och för äldre prövas i pilotkommuner och sprids i länet")]),
            ]),
            new("Kulturskapares villkor", "Dalarna ska vara en plats där professionella kulturskapare kan bo och arbeta.",
            [
                new("Region och kommuner betalar kulturskapare enligt gängse arvodesnivåer",
                    Indicators: [new("Andel kommuner som tillämpar MU-avtalet vid utställningar", "%", 40, 2018, 100, 2022)]),
                new("Konst ska vara en självklar del av nya offentliga miljöer",
                    Indicators: [new("Antal kommuner med beslutad enprocentregel", "st", 5, 2018, 10, 2022)]),
            ]),
            new("Kulturarv och kulturmiljö", "Länets kulturarv ska vårdas, användas och berättas på nya sätt.",
            [
                new("En regional kulturmiljöstrategi ska tas fram tillsammans med kommunerna"),
                new("Arbetslivsmuseer och kulturhistoriska besöksmål ska hållas levande",
                    SubGoals: [new("Samarbetet i Ekomuseum Bergslagen över länsgränsen fortsätter")]),
            ]),
            new("Nationella minoriteter", "Minoriteternas språk och kultur ska synas i länets kulturutbud.",
            [
                new("Utbudet av kultur på finska och samiska ska öka",
                    Indicators: [new("Antal föreställningar och program på minoritetsspråk", "st", 25, 2018, 40, 2022)],
                    SubGoals: [new("Den finska teaterslingan når alla finska förvaltningskommuner i länet")]),
                new("Dialogen med de nationella minoriteterna ska vara regelbunden och leda till åtgärder"),
            ]),
        ]);

    // The 2023–2026 plan's diarienummer below is illustrative demo data, not the real case number.
    private static readonly PlanSpec Plan2023 = new(
        "Dalarnas kultur- och bildningsplan 2023–2026", 2023, 2026, "RD22/01234", new(2022, 11, 22), PlanStatus.Adopted,
        "Planen bygger vidare på föregående period: kulturen ska nå alla i hela länet, kulturskapare ska kunna leva och verka i Dalarna "
        + "och det gemensamma arbetet med kommunerna ska följas upp med mätbara indikatorer. Läsfrämjande och biblioteken lyfts fram "
        + "som ett eget utvecklingsområde.",
        [
            new("Barn och unga", "Kultur för, med och av barn och unga i alla femton kommuner.",
            [
                new("Alla barn och unga ska kunna uppleva professionell scenkonst där de bor",
                    Indicators: [new("Andel kommuner med turnerande scenkonst för barn", "%", 80, 2022, 100, 2026)],
                    SubGoals:
                    [
                        new("Varje kommun får minst ett turnerande scenkonstbesök för förskola eller skola per år"),
                        new("Unga är med och väljer delar av utbudet",
                            Indicators: [new("Antal ungdomsråd som medverkar i programvalet", "st", 2, 2022, 8, 2026)]),
                    ]),
                new("Fler barn och unga ska skapa själva med stöd av professionella kulturskapare",
                    Indicators: [new("Antal deltagare 0–18 år i regionala skapande verksamheter", "st", 4200, 2022, 6000, 2026)]),
            ]),
            new("Tillgänglighet och delaktighet", "Kulturlivet ska vara öppet för alla, oavsett funktionsförmåga, ålder eller bostadsort.",
            [
                new("Regionens och kommunernas spelplatser ska vara tillgängliga",
                    "Tillgänglighetsinformation om varje spelplats publiceras så att besökare kan planera sitt besök.",
                    [new("Andel spelplatser med publicerad tillgänglighetsinformation", "%", 35, 2022, 90, 2026)]),
                new("Äldre ska ha goda möjligheter att uppleva och utöva kultur",
                    SubGoals: [new("Kultur på recept och kultur i äldreomsorgen prövas i fler kommuner")]),
                new("Det lokala arrangörsledet ska stärkas i hela länet",
                    Indicators: [new("Antal aktiva lokala arrangörer av regionala turnéer", "st", 60, 2022, 75, 2026)]),
            ]),
            new("Kulturskapares villkor", "Professionella kulturskapare ska ha rimliga villkor och kunna verka i Dalarna.",
            [
                new("Kulturskapare ska få skälig ersättning när region och kommuner anlitar dem",
                    Indicators: [new("Andel kommuner som följer MU-avtalet", "%", 60, 2022, 100, 2026)]),
                new("Det ska finnas arbetsplatser och residens för konstnärer i länet",
                    SubGoals: [new("Konstnärsresidens erbjuds i minst tre kommuner")]),
            ]),
            new("Kulturarv och kulturmiljö", "Kulturarvet är en resurs för hållbar utveckling och för berättelsen om Dalarna.",
            [
                new("Den regionala kulturmiljöstrategin ska omsättas i handling tillsammans med kommunerna",
                    Indicators: [new("Antal kommuner med aktuellt kulturmiljöprogram", "st", 6, 2022, 10, 2026)]),
                new("Samlingar och arkiv ska bli lättare att hitta och använda digitalt"),
            ]),
            new("Läsfrämjande och bibliotek", "Läsningen och biblioteken är grunden för bildning och demokratiskt deltagande.",
            [
                new("Fler i alla åldrar ska läsa, och fler barn ska få läsa tidigt",
                    SubGoals:
                    [
                        new("Bokstart eller liknande tidiga läsinsatser finns i varje kommun",
                            Indicators: [new("Antal kommuner med tidiga läsfrämjande insatser för små barn", "st", 7, 2022, 15, 2026)]),
                    ]),
                new("Biblioteken i Dalarna ska samverka över kommungränserna"),
                new("Litteraturen som konstform ska ha en stark plats i länet",
                    SubGoals: [new("Författarbesök och poesiarrangemang når även de mindre orterna")]),
            ]),
            new("Nationella minoriteter", "Region och kommuner tar ansvar för minoriteternas rätt till språk och kultur.",
            [
                new("Kulturutbudet på minoritetsspråken ska öka",
                    Indicators: [new("Antal kulturprogram på finska, samiska eller övriga minoritetsspråk", "st", 30, 2022, 50, 2026)]),
                new("Samrådet med minoriteterna ska ge dem verkligt inflytande över kulturarbetet"),
            ]),
        ]);

    // Smedjebacken's seven goals for 2019–2022, the substance of the municipality's own goals in our own wording.
    private static readonly string[] SmedjebackenGoals =
    [
        "Alla ska ha god tillgång till litteratur, kunskap, utbildning och information.",
        "Fler ska upptäcka läsningen, och intresset för litteratur ska växa.",
        "Biblioteket ska vara en öppen mötesplats som svarar mot invånarnas behov.",
        "Alla ska kunna uppleva kultur och själva skapa inom olika konstformer.",
        "Konsthallen MEKEN ska fortsätta att utvecklas som konsthall och mötesplats för kultur.",
        "Kommunens kulturhistoriska besöksmål och arbetslivsmuseer ska vårdas, utvecklas och vara öppna för alla.",
        "Kulturen ska bidra till gemenskap, integration och att alla känner sig delaktiga.",
    ];

    public static void Add(SamverkanDb db, Organization region, IReadOnlyDictionary<string, Organization> organizations)
    {
        db.Plans.Add(Build(Plan2019, region.Id));
        db.Plans.Add(Build(Plan2023, region.Id));

        var smedjebacken = organizations["2061"];
        db.MunicipalGoals.AddRange(SmedjebackenGoals.Select((text, i) => new MunicipalGoal
        {
            OrganizationId = smedjebacken.Id, StartYear = 2019, EndYear = 2022, Number = i + 1, Text = text,
        }));
    }

    private static CulturePlan Build(PlanSpec spec, Guid regionId)
    {
        var plan = new CulturePlan
        {
            RegionId = regionId,
            Title = spec.Title,
            StartYear = spec.StartYear,
            EndYear = spec.EndYear,
            Reference = spec.Reference,
            AdoptedOn = spec.AdoptedOn,
            Status = spec.Status,
            Summary = spec.Summary,
        };
        foreach (var (area, index) in spec.Areas.Select((a, i) => (a, i)))
        {
            var row = new DevelopmentArea { PlanId = plan.Id, SortOrder = index + 1, Title = area.Title, Description = area.Description };
            plan.DevelopmentAreas.Add(row);
            AddGoals(plan, row.Id, null, area.Goals);
        }
        return plan;
    }

    private static void AddGoals(CulturePlan plan, Guid areaId, Guid? parentId, Goal[] goals)
    {
        foreach (var (goal, index) in goals.Select((g, i) => (g, i)))
        {
            var row = new PlanGoal
            {
                PlanId = plan.Id,
                ParentId = parentId,
                DevelopmentAreaId = areaId,
                SortOrder = index + 1,
                Title = goal.Title,
                Description = goal.Description,
                Indicators = (goal.Indicators ?? []).Select(i => new GoalIndicator
                {
                    Name = i.Name, Unit = i.Unit, Baseline = i.Baseline, BaselineYear = i.BaselineYear, Target = i.Target, TargetYear = i.TargetYear,
                }).ToList(),
            };
            plan.Goals.Add(row);
            AddGoals(plan, areaId, row.Id, goal.SubGoals ?? []);
        }
    }
}
