using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Dialogue;
using Samverkan.Organizations;

namespace Samverkan.Seeding;

/// <summary>
/// Region Dalarna's dialogue meetings for 2024 and 2025, in our own words: the spring dialogues with Mora, Falun,
/// Smedjebacken and Leksand, and one regional forum. Most minutes are approved; Mora's 2025 minutes were changed after
/// approval (two revisions), and Leksand's are still a draft. Decisions point to the signed agreements' commitments and
/// to goals of the 2023–2026 plan. Checked by the same <see cref="DialogueStore"/> as the pages and the API.
/// </summary>
internal static class DemoDialogue
{
    private sealed record Meeting(
        string? Municipality, DateOnly Date, string Place, string[] Organizations, DialogueParticipant[] People, DialogueAgendaItem[] Agenda,
        string? Notes, Decision[] Decisions, bool Approve = true, (string Note, Func<DialogueMeetingInput, DialogueMeetingInput> Change)? Amendment = null);

    /// <param name="Commitments">Words from the commitments of the municipality's signed agreement that the decision concerns.</param>
    private sealed record Decision(string Text, string[]? Commitments = null, string[]? Goals = null);

    private const string Officer = "Maja Ersson";

    private static readonly Meeting[] Meetings =
    [
        new("2062", new DateOnly(2024, 4, 17), "Mora kulturhus, lilla salen", ["musik-i-dalarna"],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Johan Morin", "Kultursamordnare", "2062"),
            new("Kristina Svensson", "Ordförande i kultur- och fritidsnämnden", "2062"), new("Ulf Dahlgren", "Produktionsledare", "musik-i-dalarna"),
        ],
        [
            new("Året som gått", "Kommunen berättade att skolkonserterna nådde alla fjärdeklasser under hösten. Publiken på lördagsmatinéerna har vuxit, "
                + "men lokalen i Noret är för liten för de större ensemblerna."),
            new("Överenskommelsens åtaganden", "Parterna gick igenom åtagandena ett i taget. Det mesta pågår enligt plan. Arbetet med kulturombud i "
                + "äldreomsorgen har inte kommit i gång, eftersom utbildningen saknar en samordnare."),
            new("Inför nästa år", "Musik i Dalarna kan lägga en turnévecka i Orsa–Mora-området under våren om kommunen ordnar lokaler."),
        ],
        "Stämningen var god. Nästa dialog hålls våren 2025.",
        [
            new("Kommunen utser en samordnare för kulturombuden före sommaren, och regionen bjuder in till den första utbildningen i september.",
                ["kultur i äldreomsorgen"], ["Äldre ska ha goda möjligheter att uppleva och utöva kultur"]),
            new("Musik i Dalarna och kommunen planerar en turnévecka för skolorna våren 2025.", ["samråder med kommunen om turnéplaneringen"],
                ["Alla barn och unga ska kunna uppleva professionell scenkonst där de bor"]),
        ]),
        new("2080", new DateOnly(2024, 5, 8), "Regionens hus, Falun", ["dalarnas-museum"],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Elisabeth Strand", "Kulturchef", "2080"),
            new("Pia Lindqvist", "Antikvarie", "dalarnas-museum"),
        ],
        [
            new("Kulturmiljöprogrammet", "Falun har påbörjat ett nytt kulturmiljöprogram. Museet bidrar med underlag om gruvbygden och om "
                + "bebyggelsen kring Östanfors."),
            new("Spelplatser och tillgänglighet", "Två av kommunens scener har inventerats. Vid den ena finns en tröskel och en tung dörr kvar att åtgärda."),
        ],
        null,
        [
            new("Kommunen åtgärdar de kvarstående hindren vid scenen i Folkets hus under 2024 och rapporterar i uppföljningen.",
                ["tillgänglig lokal"], ["Regionens och kommunernas spelplatser ska vara tillgängliga"]),
            new("Dalarnas museum och kommunen delar arbetet med kulturmiljöprogrammet enligt en gemensam tidplan.", null,
                ["Den regionala kulturmiljöstrategin ska omsättas i handling tillsammans med kommunerna"]),
        ]),
        new("2061", new DateOnly(2024, 4, 24), "Smedjebackens bibliotek", ["lansbibliotek-dalarna"],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Anna Lindberg", "Kultur- och bibliotekschef", "2061"),
            new("Peter Holm", "Ordförande i kulturnämnden", "2061"), new("Sofia Nyberg", "Läsfrämjare", "lansbibliotek-dalarna"),
        ],
        [
            new("Läsfrämjande", "Läsecirklarna för unga har samlat tre grupper under året. Biblioteket vill pröva en cirkel på finska."),
            new("Finskt förvaltningsområde", "Kommunen efterfrågar fler föreställningar på finska och tips på finskspråkiga författare för skolbesök."),
            new("Den nya överenskommelsen", "Förhandlingen om överenskommelsen 2023–2026 pågår. Parterna är överens om inriktningen men inte om "
                + "hur ansvaret för ungdomsläsningen ska delas."),
        ],
        null,
        [
            new("Länsbibliotek Dalarna stödjer en läsecirkel på finska under hösten 2024.", null,
                ["Kulturutbudet på minoritetsspråken ska öka", "Fler i alla åldrar ska läsa, och fler barn ska få läsa tidigt"]),
        ]),
        new(null, new DateOnly(2025, 10, 2), "Folkets hus, Borlänge", ["2021", "2023", "2026", "2029", "2031", "2034", "2039", "2061", "2062", "2080", "2081",
            "2082", "2083", "2084", "2085", "dalateatern", "musik-i-dalarna", "lansbibliotek-dalarna"],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Ingrid Backlund", "Systemförvaltare", "20"), new("Johan Morin", "Kultursamordnare", "2062"),
            new("Anna Lindberg", "Kultur- och bibliotekschef", "2061"), new("Elisabeth Strand", "Kulturchef", "2080"),
            new("Lena Falk", "Turnéansvarig", "dalateatern"),
        ],
        [
            new("Uppföljningen av 2024", "Regionen redovisade hur kommunernas svar i årets uppföljning ser ut. De flesta åtaganden pågår; "
                + "flera kommuner saknar ännu en plan för kulturombud i äldreomsorgen."),
            new("Turnéer och arrangörer", "Flera kommuner vittnar om att de ideella arrangörerna blir färre. Dalateatern föreslog en gemensam "
                + "arrangörsträff där nya föreningar kan lära av de erfarna."),
            new("Nästa kulturplan", "Arbetet med kulturplanen för 2027–2030 börjar. Kommunerna vill vara med tidigt, innan prioriteringarna är satta."),
        ],
        "Omkring sextio personer deltog. Presentationerna finns hos regionen.",
        [
            new("Regionen bjuder in till en länsgemensam arrangörsträff under våren 2026.", null,
                ["Det lokala arrangörsledet ska stärkas i hela länet"]),
            new("Kommunerna får lämna synpunkter på utkastet till ny kulturplan innan det går på remiss.", null, null),
        ]),
        new("2062", new DateOnly(2025, 4, 9), "Mora kulturhus, lilla salen", ["musik-i-dalarna"],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Johan Morin", "Kultursamordnare", "2062"),
            new("Kristina Svensson", "Ordförande i kultur- och fritidsnämnden", "2062"),
        ],
        [
            new("Kulturombud i äldreomsorgen", "Samordnaren är på plats och sex ombud har gått utbildningen. Två boenden har börjat med "
                + "sångstunder och högläsning."),
            new("Turnéveckan för skolorna", "Veckan genomfördes i mars med fyra skolkonserter. Lärarna vill ha förberedande material tidigare."),
        ],
        null,
        [
            new("Kulturombuden utökas till ytterligare två boenden under hösten 2025.", ["kultur i äldreomsorgen"],
                ["Kultur på recept och kultur i äldreomsorgen prövas i fler kommuner"]),
            new("Musik i Dalarna skickar lärarmaterialet minst fyra veckor före nästa turnévecka.", ["scenkonstbesök om året för förskola eller skola"]),
        ],
        Amendment: ("Ordförandens titel var fel, och rektorernas önskemål om datum saknades under punkt 2.", input => input with
        {
            People = [new(Officer, "Samverkansstrateg", "20"), new("Johan Morin", "Kultursamordnare", "2062"),
                new("Kristina Svensson", "Ordförande i kultur- och fritidsnämnden, Mora kommun", "2062")],
            Agenda = [input.Agenda![0], input.Agenda[1] with { Notes = input.Agenda[1].Notes + " Rektorerna önskar att veckan läggs efter sportlovet." }],
        })),
        new("2061", new DateOnly(2025, 4, 23), "Smedjebackens bibliotek", [],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Anna Lindberg", "Kultur- och bibliotekschef", "2061"),
        ],
        [
            new("Läsecirkeln på finska", "Cirkeln hade åtta deltagare och fortsätter. Två av dem vill själva leda en grupp nästa år."),
            new("Konsthallen och enprocentregeln", "Kommunen redovisade hur enprocentregeln använts vid ombyggnaden av simhallen."),
        ],
        "Överenskommelsen för 2023–2026 är fortfarande under förhandling; parterna siktar på att bli klara före sommaren.",
        [
            new("Parterna träffas i maj för att slutföra förhandlingen om överenskommelsen.", null, null),
            new("Kommunen lyfter enprocentregeln som exempel på nästa regionala kulturdialog.", null,
                ["Kulturskapare ska få skälig ersättning när region och kommuner anlitar dem"]),
        ]),
        new("2029", new DateOnly(2025, 5, 14), "Leksands kommunhus", [],
        [
            new(Officer, "Samverkansstrateg", "20"), new("Sara Jonsson", "Kulturstrateg", "2029"),
        ],
        [
            new("Sommarens utbud", "Kommunen planerar tre friluftsföreställningar. Regionen undersöker om Dalateatern kan medverka."),
        ],
        "Anteckningarna är inte justerade än.",
        [
            new("Regionen återkommer om Dalateaterns medverkan före midsommar.", ["samråder med kommunen om turnéplaneringen"]),
        ],
        Approve: false),
    ];

    public static async Task AddAsync(SamverkanDb db, Guid regionId, CancellationToken ct)
    {
        var region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == regionId, ct);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.RegionId == regionId && p.StartYear == 2023, ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == plan.Id).ToDictionaryAsync(g => g.Title, g => g.Id, ct);
        var account = await db.Users.AsNoTracking().Where(u => u.Email == "region-officer@demo.example").Select(u => new { u.Id, u.DisplayName, u.Role }).FirstAsync(ct);
        var officer = new Actor(account.Id, account.DisplayName, region.Id, region.Code, OrganizationKind.Region, region.CountyCode, account.Role);
        var store = new DialogueStore(db);
        foreach (var spec in Meetings)
        {
            var input = new DialogueMeetingInput(spec.Municipality is null ? DialogueKinds.RegionalForum : DialogueKinds.MunicipalDialogue,
                spec.Date, spec.Place, spec.Municipality, null, spec.Organizations,
                spec.People.Select(p => new ParticipantInput(p.Name, p.Role, p.Organization)).ToList(),
                spec.Agenda.Select(a => new AgendaItemInput(a.Title, a.Notes)).ToList(), spec.Notes,
                await DecisionsAsync(db, spec, goals, ct));
            // Written up the day after the meeting, approved a week later.
            var written = spec.Date.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc).AddDays(1);
            var meeting = new DialogueMeeting
            {
                RegionId = region.Id, Kind = input.Kind!, Title = "", ContentJson = "{}", Status = MinutesStatuses.Draft,
                CreatedAt = written, CreatedByUserId = officer.UserId, CreatedByName = officer.Name,
                UpdatedAt = written, UpdatedByUserId = officer.UserId, UpdatedByName = officer.Name,
            };
            var checkedInput = Ok(await store.CheckAsync(region, null, input, ct), spec);
            meeting.MunicipalityId = checkedInput.Municipality?.Id;
            db.Add(meeting);
            store.Apply(meeting, checkedInput);
            if (!spec.Approve) continue;

            var approved = written.AddDays(7);
            meeting.Status = MinutesStatuses.Approved;
            meeting.ApprovedAt = approved;
            meeting.ApprovedByName = officer.Name;
            meeting.Revision = 1;
            meeting.Version = 2;
            db.Add(DialogueStore.Snapshot(meeting, DialogueMeetingRevision.RevisionKinds.Approved, officer, approved, null));
            if (spec.Amendment is not { } amendment) continue;

            // The links are rewritten by Apply: the first set must be saved before it is replaced.
            await db.SaveChangesAsync(ct);
            var changed = Ok(await store.CheckAsync(region, meeting, amendment.Change(input) with
            {
                Decisions = DialogueStore.Parse(meeting.ContentJson).Decisions.Select(d => new DecisionInput(d.Id, d.Text, d.Commitments, d.Goals)).ToList(),
            }, ct), spec);
            var amended = approved.AddDays(3);
            store.Apply(meeting, changed);
            meeting.UpdatedAt = amended;
            meeting.Revision = 2;
            meeting.Version = 3;
            db.Add(DialogueStore.Snapshot(meeting, DialogueMeetingRevision.RevisionKinds.Amended, officer, amended, amendment.Note));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<DecisionInput>> DecisionsAsync(SamverkanDb db, Meeting spec, Dictionary<string, Guid> goals, CancellationToken ct)
    {
        var commitments = new List<CommitmentRecord>();
        if (spec.Municipality is { } code)
        {
            var agreement = await db.Set<Agreement>().AsNoTracking()
                .Where(a => a.SignedVersion != null && a.Parties.Any(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Code == code)))
                .Select(a => new { a.Id, a.SignedVersion }).FirstOrDefaultAsync(ct);
            if (agreement is not null)
                commitments = await db.Set<CommitmentRecord>().AsNoTracking()
                    .Where(c => c.AgreementId == agreement.Id && c.Version == agreement.SignedVersion).OrderBy(c => c.SortOrder).ToListAsync(ct);
        }
        Guid Pick(string words) => commitments.First(c => c.Text.Contains(words, StringComparison.Ordinal)).Id;
        return spec.Decisions.Select(d => new DecisionInput(null, d.Text, (d.Commitments ?? []).Select(Pick).ToList(),
            (d.Goals ?? []).Select(g => goals[g]).ToList())).ToList();
    }

    private static T Ok<T>(Result<T> result, Meeting spec) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo meeting {spec.Date} {spec.Municipality}: {result.Error!.Code} {result.Error.Message}");
}
