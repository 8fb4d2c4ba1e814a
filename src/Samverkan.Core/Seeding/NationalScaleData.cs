using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.FollowUp;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Seeding;

/// <summary>How much national-scale data to make. The defaults are Sweden: every region, all 290 municipalities.</summary>
public sealed record NationalScaleOptions
{
    public int Municipalities { get; init; } = 290;
    public int VersionsPerAgreement { get; init; } = 10;
    public int SectionsPerAgreement { get; init; } = 12;
    public int CommitmentsPerAgreement { get; init; } = 40;

    /// <summary>The first year of the generated plan period; after the demo data's 2023–2026, so the two never mix.</summary>
    public int StartYear { get; init; } = 2027;

    /// <summary>Agreements per SaveChanges: large enough for few round trips, small enough to keep the change tracker cheap.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>Every agreement signed (otherwise six in ten are; the rest are agreed, negotiated or drafts), so a follow-up covers them all.</summary>
    public bool SignAll { get; init; }

    /// <summary>Every commitment given by both parties, so the region's own follow-up form holds every commitment (the bulk import's benchmark).</summary>
    public bool AllJoint { get; init; }

    /// <summary>Only this county's municipalities (e.g. "20": Dalarna's fifteen); null for the whole country.</summary>
    public string? County { get; init; }

    /// <summary>A fraction of the national numbers (0.1 → 29 municipalities), for quick runs and tests.</summary>
    public static NationalScaleOptions Scaled(double factor) => new() { Municipalities = Math.Clamp((int)Math.Round(290 * factor), 1, 290) };
}

public sealed record NationalScaleSummary(int Plans, int Goals, int Agreements, int Versions, int Commitments, int Signatures, TimeSpan Elapsed);

/// <summary>
/// Fills a database with a whole country's worth of culture-collaboration data for benchmarks: a plan with a goal
/// tree for every region and a municipal agreement per municipality with many versions, commitments, approvals and
/// signatures. Deterministic (fixed seed and dates). Needs the reference data (regions, municipalities) loaded.
/// </summary>
public static class NationalScaleData
{
    private static readonly string[] Areas =
    [
        "Barn och unga", "Bibliotek och läsfrämjande", "Scenkonst", "Musik", "Dans", "Bild och form", "Film och rörlig bild",
        "Kulturarv och kulturmiljö", "Arkiv", "Hemslöjd", "Litteratur", "Nationella minoriteter", "Äldre och kultur",
        "Tillgänglighet", "Kulturskapares villkor", "Folkbildning",
    ];

    private static readonly string[] Actions = ["ordnar", "erbjuder", "stödjer", "utvecklar", "samordnar", "följer upp", "prövar", "bjuder in till"];

    private static readonly string[] Objects =
    [
        "workshoppar för unga", "turnerande föreställningar", "författarbesök på biblioteken", "utställningar med länets konstnärer",
        "kurser i hemslöjd", "filmvisningar för skolor", "samråd med föreningslivet", "kulturprogram på äldreboenden",
        "läsfrämjande insatser för små barn", "konserter i byarna", "digitala visningar av samlingarna", "residens för kulturskapare",
        "program på minoritetsspråk", "guidade vandringar i kulturmiljöer", "arrangörsutbildningar", "skrivarverkstäder",
    ];

    private static readonly string[] Frequencies =
    [
        "varje år", "två gånger om året", "varje termin", "under perioden", "minst fyra gånger om året", "i samråd med kommunens skolor",
    ];

    /// <summary>Whether the generated plans for the options' period are already there, so a second fill can be skipped.</summary>
    public static Task<bool> IsPresentAsync(SamverkanDb db, NationalScaleOptions? options = null, CancellationToken ct = default)
    {
        options ??= new NationalScaleOptions();
        var reference = $"TEST-%/{options.StartYear}";
        return db.Plans.AnyAsync(p => p.StartYear == options.StartYear && p.Reference != null && EF.Functions.Like(p.Reference, reference), ct);
    }

    public static async Task<NationalScaleSummary> FillAsync(SamverkanDb db, NationalScaleOptions? options = null, CancellationToken ct = default)
    {
        options ??= new NationalScaleOptions();
        var started = Stopwatch.GetTimestamp();
        var regions = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Region).OrderBy(o => o.Code).ToListAsync(ct);
        var allMunicipalities = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Municipality && (options.County == null || o.CountyCode == options.County))
            .OrderBy(o => o.Code).ToListAsync(ct);
        if (regions.Count == 0 || allMunicipalities.Count == 0)
            throw new InvalidOperationException("Load the reference data (regions and municipalities) before the national-scale data.");

        // Generated fixture rows are not anyone's change: they bypass the audit log, whose copy of every row would
        // take most of the fill time and is not what the benchmarks measure.
        await using var bulk = Unaudited(db);
        bulk.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await bulk.Database.BeginTransactionAsync(ct);

        var random = new Random(20270101);
        var goalsByRegion = new Dictionary<Guid, List<Guid>>();
        var planByRegion = new Dictionary<Guid, Guid>();
        var goalCount = 0;
        foreach (var region in regions)
        {
            var plan = Plan(region, options.StartYear);
            bulk.Add(plan);
            planByRegion[region.Id] = plan.Id;
            goalsByRegion[region.Id] = plan.Goals.Select(g => g.Id).ToList();
            goalCount += plan.Goals.Count;
        }
        await bulk.SaveChangesAsync(ct);
        bulk.ChangeTracker.Clear();

        var count = Math.Min(options.Municipalities, allMunicipalities.Count);
        // Spread over the whole code list, so a scaled-down run still touches most regions.
        var chosen = Enumerable.Range(0, count).Select(i => allMunicipalities[(int)((long)i * allMunicipalities.Count / count)]).ToList();
        var regionByCounty = regions.Where(r => r.CountyCode is not null).ToDictionary(r => r.CountyCode!);
        var clock = new SettableClock(new DateTime(options.StartYear - 1, 9, 1, 8, 0, 0));
        var store = new AgreementStore(bulk, clock);
        int agreements = 0, versions = 0, commitments = 0, signatures = 0;
        foreach (var (municipality, index) in chosen.Select((m, i) => (m, i)))
        {
            var region = regionByCounty[municipality.CountyCode!];
            var actor = new Actor($"bench-{region.Code}", $"Handläggare, {region.Name}", region.Id, region.Code, OrganizationKind.Region,
                region.CountyCode, Roles.RegionOfficer);
            clock.UtcNow = new DateTime(options.StartYear - 1, 9, 1, 8, 0, 0).AddMinutes(index * 7);
            var agreement = new Agreement
            {
                Kind = AgreementKinds.MunicipalAgreement, RegionId = region.Id, PlanId = planByRegion[region.Id], Status = AgreementStatuses.Draft,
                Title = "", CreatedAt = clock.UtcNow,
                Parties = [new AgreementParty { OrganizationId = region.Id, SortOrder = 0 }, new AgreementParty { OrganizationId = municipality.Id, SortOrder = 1 }],
            };
            bulk.Add(agreement);

            var content = Content(random, options, region, municipality, goalsByRegion[region.Id]);
            AgreementVersion last = null!;
            for (var v = 1; v <= options.VersionsPerAgreement; v++)
            {
                if (v > 1) content = Revise(random, content, v);
                clock.UtcNow = clock.UtcNow.AddDays(3);
                last = store.AddVersion(agreement, content, actor, v == 1 ? "Skapad" : $"Revidering {v}");
                versions++;
                commitments += options.CommitmentsPerAgreement;
            }

            var kind = index % 10;
            if (kind <= 6 || options.SignAll)
            {
                agreement.Status = AgreementStatuses.Agreed;
                agreement.AgreedVersion = last.Number;
                foreach (var party in new[] { region, municipality }) bulk.Add(Approval(last, party, clock.UtcNow.AddDays(5)));
            }
            if (kind <= 5 || options.SignAll)
            {
                foreach (var (party, days) in new[] { (municipality, 10), (region, 12) })
                {
                    bulk.Add(new AgreementSignature
                    {
                        AgreementId = agreement.Id, Version = last.Number, OrganizationId = party.Id, Name = $"Ordförande, {party.Name}",
                        Role = "Ordförande", Place = party.Name, Date = DateOnly.FromDateTime(clock.UtcNow.AddDays(days)), Method = "paper",
                        Provider = "paper-record", UserId = $"bench-{party.Code}", UserName = $"Handläggare, {party.Name}",
                        At = clock.UtcNow.AddDays(days), VersionHash = last.Hash,
                    });
                    signatures++;
                }
                agreement.Status = AgreementStatuses.Signed;
                agreement.SignedVersion = last.Number;
            }
            else if (kind is 7 or 9) agreement.Status = AgreementStatuses.Negotiation;
            agreements++;

            if (agreements % options.BatchSize == 0)
            {
                await bulk.SaveChangesAsync(ct);
                bulk.ChangeTracker.Clear();
            }
        }
        await bulk.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new NationalScaleSummary(regions.Count, goalCount, agreements, versions, commitments, signatures, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// A follow-up round for every year of every generated plan of the options' period, each over the plan's signed
    /// agreements, with an answer from every committing party for every commitment it holds. The rounds are closed (their
    /// agreements frozen) except the last year's, which is open. Nine in ten of the parties' answers are accepted, the
    /// rest saved drafts, so roll-ups have both counted and missing shares; statuses and percentages vary. For benchmarks.
    /// </summary>
    public static async Task<int> FillFollowUpAsync(SamverkanDb db, NationalScaleOptions? options = null, CancellationToken ct = default)
    {
        options ??= new NationalScaleOptions();
        var reference = $"TEST-%/{options.StartYear}";
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.StartYear == options.StartYear && p.Reference != null && EF.Functions.Like(p.Reference, reference))
            .OrderBy(p => p.Reference).ToListAsync(ct);
        var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        await using var bulk = Unaudited(db);
        bulk.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await bulk.Database.BeginTransactionAsync(ct);
        string[] statuses = [EntryStatuses.Ongoing, EntryStatuses.Done, EntryStatuses.Ongoing, EntryStatuses.NotStarted, EntryStatuses.Changed, EntryStatuses.Cancelled];
        var entries = 0;
        foreach (var plan in plans)
        {
            var agreements = await bulk.Set<Agreement>().AsNoTracking().Where(a => a.PlanId == plan.Id && a.SignedVersion != null)
                .Select(a => new { a.Id, Version = a.SignedVersion!.Value }).ToListAsync(ct);
            var ids = agreements.Select(a => a.Id).ToList();
            var commitments = (await bulk.Set<CommitmentRecord>().AsNoTracking().Where(c => ids.Contains(c.AgreementId)).ToListAsync(ct))
                .Where(c => agreements.Any(a => a.Id == c.AgreementId && a.Version == c.Version))
                .ToLookup(c => c.AgreementId);
            for (var year = plan.StartYear; year <= plan.EndYear; year++)
            {
                var open = year == plan.EndYear;
                var at = new DateTime(year + 1, 2, 1, 9, 0, 0, DateTimeKind.Utc);
                var round = new FollowUpRound
                {
                    RegionId = plan.RegionId, PlanId = plan.Id, Year = year, Deadline = new DateOnly(year + 1, 3, 31), CreatedAt = at,
                    CreatedByName = "Genererad", Status = open ? RoundStatuses.Open : RoundStatuses.Closed, ClosedAt = open ? null : at.AddMonths(3),
                    ClosedByName = open ? null : "Genererad",
                };
                bulk.Add(round);
                foreach (var agreement in agreements)
                {
                    if (!open) bulk.Add(new FollowUpRoundAgreement { RoundId = round.Id, AgreementId = agreement.Id, Version = agreement.Version });
                    var list = commitments[agreement.Id].ToList();
                    foreach (var party in list.SelectMany(c => c.PartyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct())
                    {
                        var accepted = (entries / 7 + party.Length + year) % 10 != 0;
                        bulk.Add(new FollowUpSubmission
                        {
                            RoundId = round.Id, AgreementId = agreement.Id, OrganizationId = codes[party], CreatedAt = at,
                            Status = accepted ? SubmissionStatuses.Accepted : SubmissionStatuses.Draft,
                            SubmittedAt = accepted ? at.AddDays(20) : null, SubmittedByName = accepted ? $"Handläggare {party}" : null,
                            ReviewedAt = accepted ? at.AddDays(30) : null, ReviewedByName = accepted ? "Handläggare, regionen" : null,
                        });
                        foreach (var c in list.Where(c => c.PartyCodes.Split(',').Contains(party)))
                        {
                            var status = statuses[(entries + year) % statuses.Length];
                            bulk.Add(new FollowUpEntry
                            {
                                RoundId = round.Id, AgreementId = agreement.Id, CommitmentId = c.Id, OrganizationId = codes[party], Status = status,
                                Progress = status == EntryStatuses.Ongoing && entries % 4 != 0 ? 10 + entries % 80 : null,
                                Narrative = $"Genererat svar {entries}.", UpdatedAt = at.AddDays(10), UpdatedByName = $"Handläggare {party}",
                            });
                            entries++;
                        }
                    }
                }
                await bulk.SaveChangesAsync(ct);
                bulk.ChangeTracker.Clear();
            }
        }
        await transaction.CommitAsync(ct);
        return entries;
    }

    /// <summary>A context on the same database without the audit interceptor.</summary>
    private static SamverkanDb Unaudited(SamverkanDb db)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        var builder = new DbContextOptionsBuilder<SamverkanDb>();
        if (db.Database.IsNpgsql()) builder.UseNpgsql(connectionString);
        else builder.UseSqlite(connectionString).AddInterceptors(SqliteTuning.Instance);
        return new SamverkanDb(builder.Options);
    }

    private static CulturePlan Plan(Organization region, int startYear)
    {
        var plan = new CulturePlan
        {
            RegionId = region.Id, Title = $"Regional kulturplan för {region.Name} {startYear}–{startYear + 3} (testdata)",
            StartYear = startYear, EndYear = startYear + 3, Reference = $"TEST-{region.Code}/{startYear}", AdoptedOn = new DateOnly(startYear - 1, 11, 15),
            Status = PlanStatus.Adopted, Summary = "Genererad plan för prestandamätningar.",
        };
        for (var a = 0; a < 5; a++)
        {
            var area = new DevelopmentArea { PlanId = plan.Id, SortOrder = a + 1, Title = Areas[a * 3] };
            plan.DevelopmentAreas.Add(area);
            for (var g = 0; g < 3; g++)
            {
                var goal = new PlanGoal
                {
                    PlanId = plan.Id, DevelopmentAreaId = area.Id, SortOrder = g + 1,
                    Title = $"Mål {a + 1}.{g + 1}: fler ska ta del av {Objects[(a * 3 + g) % Objects.Length]}",
                };
                plan.Goals.Add(goal);
                if (g == 0)
                    plan.Goals.Add(new PlanGoal
                    {
                        PlanId = plan.Id, DevelopmentAreaId = area.Id, ParentId = goal.Id, SortOrder = 1,
                        Title = $"Delmål {a + 1}.1.1: i alla kommuner i {region.Name}",
                    });
            }
        }
        return plan;
    }

    private static AgreementContent Content(Random random, NationalScaleOptions options, Organization region, Organization municipality, List<Guid> goals)
    {
        var sectionCount = Math.Max(1, options.SectionsPerAgreement);
        var first = random.Next(Areas.Length);
        var items = Enumerable.Range(0, sectionCount).Select(s => new List<List<Commitment>> { new() }).ToList();
        for (var c = 0; c < options.CommitmentsPerAgreement; c++)
        {
            var section = items[c % sectionCount];
            // Every section gets a second item once it holds three commitments, as the documents group them.
            if (section[^1].Count >= 3) section.Add([]);
            var who = options.AllJoint ? [region.Code, municipality.Code]
                : (c % 3) switch { 0 => new[] { region.Code }, 1 => new[] { municipality.Code }, _ => new[] { region.Code, municipality.Code } };
            section[^1].Add(new Commitment
            {
                Id = Guid.CreateVersion7(),
                Parties = who,
                Text = Sentence(random, Subject(who, region.Code)),
                Indicator = c % 4 == 0 ? "Antal tillfällen per år" : null,
                Target = c % 4 == 0 ? random.Next(2, 12).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                GoalIds = goals.OrderBy(_ => random.Next()).Take(1 + c % 2).ToList(),
            });
        }
        return new AgreementContent
        {
            Kind = AgreementKinds.MunicipalAgreement,
            Title = $"Överenskommelse mellan {municipality.OfficialName ?? municipality.Name + " kommun"} och {region.Name} {options.StartYear}–{options.StartYear + 3}",
            Reference = $"TEST-{region.Code}/{options.StartYear}",
            Date = new DateOnly(options.StartYear - 1, 10, 1),
            Period = new Period(new DateOnly(options.StartYear, 1, 1), new DateOnly(options.StartYear + 3, 12, 31)),
            Parties = [new PartyRef(region.Code, region.Name, "region"), new PartyRef(municipality.Code, municipality.Name, "municipality")],
            Sections = items.Select((sectionItems, s) => new Section
            {
                Heading = Areas[(first + s) % Areas.Length],
                Items = sectionItems.Select((commitmentList, i) => new Item
                {
                    Style = ItemStyles.Paragraph,
                    Text = $"{municipality.Name} och {region.Name} vill att fler ska ta del av {Objects[(first + s + i) % Objects.Length]}.",
                    Commitments = commitmentList,
                }).ToList(),
            }).ToList(),
            Signatures =
            [
                new SignatureLine { Party = municipality.Code, Name = $"Ordförande, {municipality.Name}", Role = "Kommunstyrelsens ordförande" },
                new SignatureLine { Party = region.Code, Name = $"Ordförande, {region.Name}", Role = "Ordförande i kulturnämnden" },
            ],
        };
    }

    /// <summary>The next version: two commitments reworded, as a negotiation round does.</summary>
    private static AgreementContent Revise(Random random, AgreementContent content, int version)
    {
        var all = content.Sections.SelectMany(s => s.Items.SelectMany(i => i.Commitments)).ToList();
        if (all.Count == 0) return content;
        var regionCode = content.Parties[0].Code;
        var changed = new HashSet<Guid?> { all[random.Next(all.Count)].Id, all[(version * 7) % all.Count].Id };
        return content with
        {
            Sections = content.Sections.Select(s => s with
            {
                Items = s.Items.Select(i => i with
                {
                    Commitments = i.Commitments.Select(c => changed.Contains(c.Id) ? c with { Text = Sentence(random, Subject(c, regionCode)) } : c).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    private static string Subject(Commitment c, string regionCode) => Subject(c.Parties, regionCode);

    private static string Subject(IReadOnlyList<string> parties, string regionCode) =>
        parties.Count > 1 ? "Region och kommun" : parties[0] == regionCode ? "Regionen" : "Kommunen";

    private static string Sentence(Random random, string subject) =>
        $"{subject} {Actions[random.Next(Actions.Length)]} {Objects[random.Next(Objects.Length)]} {Frequencies[random.Next(Frequencies.Length)]}.";

    private static AgreementApproval Approval(AgreementVersion version, Organization party, DateTime at) => new()
    {
        AgreementId = version.AgreementId, Version = version.Number, OrganizationId = party.Id, UserId = $"bench-{party.Code}",
        UserName = $"Handläggare, {party.Name}", At = at,
    };
}
