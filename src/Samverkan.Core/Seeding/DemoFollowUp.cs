using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.FollowUp;
using Samverkan.Organizations;

namespace Samverkan.Seeding;

/// <summary>
/// Two past years of follow-up of Dalarna's signed agreements: 2024 closed and every answer accepted (Rättvik's after
/// one return), 2025 still open with answers at every stage — Mora's returned with the region's questions, Borlänge's
/// waiting for review, Leksand half done, Avesta not started. The text is demo content written for Samverkan; every
/// figure is fictional. Entries and revisions go through <see cref="FollowUpStore"/> as the use cases write them.
/// </summary>
internal static partial class DemoFollowUp
{
    private enum Story { None, Partial, Draft, Submitted, Returned, Accepted, ReturnedThenAccepted }

    private const string RegionOfficerEmail = "region-officer@demo.example";

    private sealed record Year(int Number, DateOnly Deadline, DateTime Opened, DateTime? Closed, string Instructions, Dictionary<string, Story> Stories,
        Dictionary<string, Story> RegionStories);

    private static readonly Year[] Years =
    [
        new(2024, new DateOnly(2025, 3, 31), Utc(2025, 1, 20), Utc(2025, 5, 26),
            "Årets uppföljning av överenskommelserna. Ange för varje åtagande hur långt det har kommit och skriv några meningar om vad som "
            + "har gjorts. Lägg gärna till program, bilder eller sammanställningar som underlag. Kulturdialogen i april bygger på era svar.",
            new() { ["2029"] = Story.Accepted, ["2031"] = Story.ReturnedThenAccepted, ["2062"] = Story.Accepted, ["2080"] = Story.Accepted,
                ["2081"] = Story.Accepted, ["2084"] = Story.Accepted, ["dalateatern"] = Story.Accepted },
            new() { ["2029"] = Story.Accepted, ["2031"] = Story.Accepted, ["2062"] = Story.Accepted, ["2080"] = Story.Accepted,
                ["2081"] = Story.Accepted, ["2084"] = Story.Accepted, ["dalateatern"] = Story.Accepted }),
        new(2025, new DateOnly(2026, 3, 31), Utc(2026, 1, 19), null,
            "Uppföljning av 2025. Samma frågor som förra året; era svar från 2024 syns i historiken för varje åtagande. "
            + "Skriv särskilt om barn och unga och om kulturen för äldre, som kulturdialogen i vår ska handla om.",
            new() { ["2029"] = Story.Partial, ["2031"] = Story.Accepted, ["2062"] = Story.Returned, ["2080"] = Story.Accepted,
                ["2081"] = Story.Submitted, ["2084"] = Story.None },
            new() { ["2029"] = Story.Partial, ["2031"] = Story.Accepted, ["2062"] = Story.Draft, ["2080"] = Story.Accepted,
                ["2081"] = Story.Accepted, ["2084"] = Story.None }),
    ];

    private const string RattvikReturn =
        "Tack för svaren! Scenkonsten för barn står som pågående men utan beskrivning. Skriv några rader om vilka föreställningar som kom till skolorna.";

    private const string MoraReturn =
        "Tack! Kan ni beskriva hur bokpåsarna nådde familjerna, och hur många boenden som fick besök inom kultur i äldreomsorgen? "
        + "Lägg gärna till programmet från kulturveckan för äldre.";

    /// <summary>How a commitment of Dalarna's template went, year by year, in the demo's words ({ort} is the municipality).</summary>
    private sealed record Told(string Start, string Status2024, int? Progress2024, string Text2024, string Status2025, int? Progress2025, string Text2025);

    private static readonly Told[] TemplateAnswers =
    [
        new("Regionen planerar de regionala kulturinstitutionernas turnéer",
            EntryStatuses.Ongoing, 60, "Turnéplanen för 2024 tog med två av de mindre orterna i {ort}. Fler ytterorter står på tur i nästa plan.",
            EntryStatuses.Ongoing, 80, "Under 2025 spelade länsinstitutionerna på fem platser i {ort}, varav tre utanför centralorten."),
        new("Kommunen håller minst en tillgänglig lokal",
            EntryStatuses.Done, 100, "Uppgifterna om lokalens tillgänglighet ligger på kommunens webbplats sedan hösten 2023.",
            EntryStatuses.Done, 100, "Uppgifterna är uppdaterade efter att en ramp byggdes vid scenentrén i {ort}."),
        new("Regionen erbjuder kommunen minst ett scenkonstbesök",
            EntryStatuses.Done, 100, "Dalateatern spelade för förskoleklasserna i {ort} i oktober.",
            EntryStatuses.Done, 100, "Musik i Dalarna gav skolkonserter för årskurs 4–6 i {ort} i mars och november."),
        new("Kommunen tar emot den turnerande scenkonsten",
            EntryStatuses.Ongoing, 70, "Skolorna i {ort} tog emot föreställningarna; publikvärdar saknades vid ett tillfälle.",
            EntryStatuses.Done, 100, "Kultursekreteraren samordnar nu lokal, skjuts och publikvärdar för varje besök."),
        new("Region och kommun tillämpar MU-avtalet",
            EntryStatuses.Ongoing, 50, "Kommunens utställningar följer MU-avtalet. För medverkan vid arrangemang saknas ännu en gemensam rutin.",
            EntryStatuses.Done, 100, "En gemensam rutin för arvoden vid medverkan är antagen och används sedan våren 2025."),
        new("Kommunen söker bidrag till Skapande skola",
            EntryStatuses.Done, 100, "Ansökan för läsåret 2024/25 beviljades; alla skolor i {ort} deltar.",
            EntryStatuses.Done, 100, "Ansökan för 2025/26 är beviljad. Kulturplanen för skolan reviderades i augusti."),
        new("Länsbibliotek Dalarna erbjuder bibliotekens personal fortbildning",
            EntryStatuses.Done, 100, "Två fortbildningsdagar hölls; bibliotekarierna från {ort} deltog i båda.",
            EntryStatuses.Ongoing, 50, "En fortbildningsdag om lättläst hölls i maj. Dagen om digital delaktighet flyttades till 2026."),
        new("Kommunen erbjuder tidiga läsinsatser",
            EntryStatuses.Ongoing, 60, "Bokpåsar delas ut vid åttamånaderskontrollen. Samarbetet med öppna förskolan kom igång under hösten.",
            EntryStatuses.Done, 100, "Alla familjer fick en bokpåse vid åttamånaderskontrollen, och biblioteket har sagostund varje vecka."),
        new("Dalateatern och Musik i Dalarna samråder med kommunen",
            EntryStatuses.Done, 100, "Samrådet om spelåret hölls i maj tillsammans med kulturskolan i {ort}.",
            EntryStatuses.Done, 100, "Samrådet hölls digitalt i april; kommunens önskemål om fler lovaktiviteter togs med."),
        new("Dalarnas museum ger kommunen råd i kulturmiljöfrågor",
            EntryStatuses.NotStarted, 0, "Kommunen har ännu inte börjat se över sitt kulturmiljöprogram, så inget råd har efterfrågats.",
            EntryStatuses.Ongoing, 30, "Museet deltog i två möten om kulturmiljöprogrammet för {ort}. Arbetet fortsätter 2026."),
        new("Region och kommun prövar tillsammans kultur i äldreomsorgen",
            EntryStatuses.Ongoing, 40, "Högläsning och allsång prövades på ett särskilt boende i {ort} under hösten.",
            EntryStatuses.Changed, null, "I stället för musik på boendena ordnades en kulturvecka för äldre med Musik i Dalarna och biblioteket."),
    ];

    /// <summary>For commitments of the local texts and of Dalateatern's assignment: answers that fit most of them.</summary>
    private static readonly (string Status, int? Progress, string Text)[] LocalAnswers2024 =
    [
        (EntryStatuses.Ongoing, 50, "Arbetet kom igång under våren. Planeringen för nästa år är klar."),
        (EntryStatuses.Ongoing, 40, "En första aktivitet genomfördes i september; två till är planerade."),
        (EntryStatuses.Done, 100, "Genomfört enligt överenskommelsen, med god uppslutning."),
        (EntryStatuses.Ongoing, 30, "Förarbetet är gjort men genomförandet försenades av personalbyte."),
    ];

    private static readonly (string Status, int? Progress, string Text)[] LocalAnswers2025 =
    [
        (EntryStatuses.Done, 100, "Genomfört. Deltagarna var fler än året innan."),
        (EntryStatuses.Ongoing, 80, "Det mesta är gjort; det som återstår görs under våren 2026."),
        (EntryStatuses.Done, 100, "Genomfört och nu en del av det ordinarie arbetet."),
        (EntryStatuses.Changed, null, "Genomfört i en annan form än planerat, efter önskemål från deltagarna."),
    ];

    public static async Task AddAsync(SamverkanDb db, Guid regionId, CancellationToken ct)
    {
        var region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == regionId, ct);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.RegionId == regionId && p.StartYear == 2023, ct);
        var officer = await db.Users.AsNoTracking().Where(u => u.Email == RegionOfficerEmail)
            .Select(u => new { u.Id, u.DisplayName, u.Role }).FirstAsync(ct);
        var regionOfficer = new Actor(officer.Id, officer.DisplayName, region.Id, region.Code, OrganizationKind.Region, region.CountyCode, officer.Role);
        // The officers who approved each agreement answer its follow-up.
        var approvers = (await db.Set<AgreementApproval>().AsNoTracking().ToListAsync(ct))
            .GroupBy(a => (a.AgreementId, a.OrganizationId)).ToDictionary(g => g.Key, g => g.First());
        var store = new FollowUpStore(db);

        foreach (var year in Years)
        {
            var round = new FollowUpRound
            {
                RegionId = region.Id, PlanId = plan.Id, Year = year.Number, Deadline = year.Deadline, Instructions = year.Instructions,
                Status = RoundStatuses.Open, CreatedAt = year.Opened, CreatedByUserId = regionOfficer.UserId, CreatedByName = regionOfficer.Name,
            };
            var scope = await store.ScopeAsync(round, ct);
            db.Add(round);
            foreach (var (agreement, index) in scope.Agreements.Select((a, i) => (a, i)))
            {
                var other = agreement.Parties.First(p => p.Id != region.Id);
                foreach (var party in agreement.CommittingParties)
                {
                    var stories = party.Id == region.Id ? year.RegionStories : year.Stories;
                    var story = stories.GetValueOrDefault(other.Code);
                    if (story == Story.None) continue;
                    var actor = party.Id == region.Id
                        ? regionOfficer
                        : approvers.TryGetValue((agreement.Agreement.Id, party.Id), out var a)
                            ? new Actor(a.UserId, a.UserName, party.Id, party.Code, party.Kind, party.CountyCode,
                                party.Kind == OrganizationKind.Institution ? Roles.InstitutionReporter : Roles.MunicipalityOfficer)
                            : throw new InvalidOperationException($"Demo follow-up: nobody approved {agreement.Agreement.Title} for {party.Code}.");
                    var context = new PartyContext(scope, agreement, party);
                    Answer(db, store, context, story, year, index, other, actor, regionOfficer);
                }
            }
            if (year.Closed is { } closed)
            {
                foreach (var agreement in scope.Agreements)
                    db.Add(new FollowUpRoundAgreement { RoundId = round.Id, AgreementId = agreement.Agreement.Id, Version = agreement.Version });
                round.Status = RoundStatuses.Closed;
                round.ClosedAt = closed;
                round.ClosedByName = regionOfficer.Name;
                round.Version++;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>One party's answer for one agreement, told as far as its story goes.</summary>
    private static void Answer(
        SamverkanDb db, FollowUpStore store, PartyContext context, Story story, Year year, int index, Organization other, Actor actor, Actor reviewer)
    {
        var held = context.Agreement.HeldBy(context.Party.Id).ToList();
        // Answers come in over the weeks before the deadline, one agreement a day.
        var at = year.Opened.AddDays(14 + index).AddHours(8);
        var entries = new List<FollowUpEntry>();
        foreach (var (commitment, n) in held.Take(story == Story.Partial ? held.Count / 2 : held.Count).Select((c, n) => (c, n)))
        {
            var (status, progress, text) = AnswerFor(commitment, year.Number, index + n, other);
            var entry = new FollowUpEntry
            {
                RoundId = context.Round.Id, AgreementId = context.Agreement.Agreement.Id, CommitmentId = commitment.Id, OrganizationId = context.Party.Id,
                Status = status, Progress = progress, Narrative = text, UpdatedAt = at.AddMinutes(7 * n), UpdatedByUserId = actor.UserId,
                UpdatedByName = actor.Name,
            };
            if (Measured(commitment, year.Number, index) is { } value)
                entry.Indicators.Add(new FollowUpIndicatorValue { EntryId = entry.Id, Name = commitment.Indicator!, Value = value.Value, Unit = value.Unit });
            db.Add(entry);
            store.Record(entry, null, FollowUpStore.Snapshot(entry, []), RevisionKinds.Created, actor, entry.UpdatedAt);
            entries.Add(entry);
        }
        var submission = new FollowUpSubmission
        {
            RoundId = context.Round.Id, AgreementId = context.Agreement.Agreement.Id, OrganizationId = context.Party.Id,
            Status = SubmissionStatuses.Draft, CreatedAt = at,
        };
        db.Add(submission);
        if (story is Story.Partial or Story.Draft) return;

        var submitted = at.AddDays(2);
        Submit(db, submission, actor, submitted);
        var ownAnswer = context.Party.Id == context.Round.RegionId;
        if (ownAnswer)
        {
            Review(db, submission, actor, submitted, SubmissionStatuses.Accepted, "Regionens egen uppföljning godkänns när den skickas in.");
            return;
        }
        if (story == Story.Submitted) return;
        var reviewed = submitted.AddDays(5);
        if (story is Story.Returned or Story.ReturnedThenAccepted)
        {
            Review(db, submission, reviewer, reviewed, SubmissionStatuses.Returned, other.Code == "2062" ? MoraReturn : RattvikReturn);
            if (story == Story.Returned) return;
            // Rättvik adds what the region asked for to the answer about the visiting stage arts, and sends it in again.
            var fixedAt = reviewed.AddDays(3);
            var entry = entries.FirstOrDefault(e => held.First(c => c.Id == e.CommitmentId).Text.StartsWith("Kommunen tar emot", StringComparison.Ordinal))
                ?? entries[0];
            var before = FollowUpStore.Snapshot(entry, []);
            entry.Narrative = "Dalateaterns föreställning om Kajsa Kavat spelades för alla förskoleklasser, och Musik i Dalarna gav två skolkonserter. "
                + "Publikvärdar saknades vid ett tillfälle; nu ordnar fritidsgården dem.";
            entry.Version++;
            entry.UpdatedAt = fixedAt;
            store.Record(entry, before, FollowUpStore.Snapshot(entry, []), RevisionKinds.Updated, actor, fixedAt);
            Submit(db, submission, actor, fixedAt.AddHours(1));
            reviewed = fixedAt.AddDays(2);
        }
        Review(db, submission, reviewer, reviewed, SubmissionStatuses.Accepted, null);
    }

    private static void Submit(SamverkanDb db, FollowUpSubmission submission, Actor actor, DateTime at)
    {
        submission.Status = SubmissionStatuses.Submitted;
        submission.SubmittedAt = at;
        submission.SubmittedByUserId = actor.UserId;
        submission.SubmittedByName = actor.Name;
        submission.ReviewedAt = null;
        submission.ReviewedByUserId = null;
        submission.ReviewedByName = null;
        submission.ReviewComment = null;
        submission.Version++;
        db.Add(new FollowUpSubmissionEvent
        {
            SubmissionId = submission.Id, Kind = SubmissionStatuses.Submitted, At = at, UserId = actor.UserId, UserName = actor.Name,
            OrganizationCode = actor.OrganizationCode,
        });
    }

    private static void Review(SamverkanDb db, FollowUpSubmission submission, Actor reviewer, DateTime at, string status, string? comment)
    {
        submission.Status = status;
        submission.ReviewedAt = at;
        submission.ReviewedByUserId = reviewer.UserId;
        submission.ReviewedByName = reviewer.Name;
        submission.ReviewComment = comment;
        submission.Version++;
        db.Add(new FollowUpSubmissionEvent
        {
            SubmissionId = submission.Id, Kind = status, At = at, UserId = reviewer.UserId, UserName = reviewer.Name,
            OrganizationCode = reviewer.OrganizationCode, Comment = comment,
        });
    }

    /// <summary>The template's commitments have their own story; the rest take one of the general answers, varied by position.</summary>
    private static (string Status, int? Progress, string Text) AnswerFor(ScopedCommitment commitment, int year, int position, Organization other)
    {
        var told = TemplateAnswers.FirstOrDefault(t => commitment.Text.StartsWith(t.Start, StringComparison.Ordinal));
        if (told is null)
            return (year == 2024 ? LocalAnswers2024 : LocalAnswers2025)[position % LocalAnswers2024.Length];
        var (status, progress, text) = year == 2024
            ? (told.Status2024, told.Progress2024, told.Text2024)
            : (told.Status2025, told.Progress2025, told.Text2025);
        // The same commitment has not come equally far everywhere: ongoing work is spread ±10 percentage points.
        if (status == EntryStatuses.Ongoing && progress is { } p) progress = Math.Clamp(p + (position * 7 % 21) - 10, 5, 95);
        return (status, progress, text.Replace("{ort}", other.Name));
    }

    /// <summary>A value for a commitment whose target is a number ("minst 1", "4", "12 500 000 kr"); none for yes/no or date targets.</summary>
    private static (decimal Value, string? Unit)? Measured(ScopedCommitment commitment, int year, int index)
    {
        if (commitment.Indicator is null || commitment.Target is null) return null;
        var match = NumberTarget().Match(commitment.Target);
        if (!match.Success) return null;
        var target = decimal.Parse(match.Groups["n"].Value.Replace(" ", ""), System.Globalization.CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.Trim();
        if (unit == "kr") return (target, unit);
        var value = target + (year == 2025 ? 1 : 0) + index % 3;
        return (value, unit.Length > 0 && unit.All(char.IsLetter) ? unit : "st");
    }

    [GeneratedRegex(@"^(minst\s+)?(?<n>\d{1,3}(?: \d{3})*)(?<unit>.*)$")]
    private static partial Regex NumberTarget();

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 8, 0, 0, DateTimeKind.Utc);
}
