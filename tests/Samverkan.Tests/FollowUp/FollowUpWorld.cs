using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Agreements;
using Samverkan.Audit;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Documents;
using Samverkan.FollowUp;
using Samverkan.Notifications;
using Samverkan.Plans;
using Samverkan.Seeding;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.FollowUp;

/// <summary>
/// A database of its own with Region Dalarna's staff, officers of Smedjebacken and Mora and a few others, on a clock
/// the tests set. Each <see cref="ScenarioAsync"/> adds a plan of its own years with two signed agreements (20–2061 and
/// 20–2062) and a round, so the tests of a class do not see each other's rounds.
/// </summary>
public sealed class FollowUpWorld : IAsyncLifetime
{
    public const string RegionOfficer = "officer-20@fu.example";
    public const string RegionAdmin = "admin-20@fu.example";
    public const string RegionViewer = "viewer-20@fu.example";
    public const string Smedjebacken = "officer-2061@fu.example";
    public const string SmedjebackenViewer = "viewer-2061@fu.example";
    public const string Mora = "officer-2062@fu.example";
    public const string Gavleborg = "officer-21@fu.example";

    private int _nextYear = 2040;
    private readonly Dictionary<string, string> _userIds = [];

    public TestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    internal SettableClock Clock { get; } = new(new DateTime(2039, 6, 1, 9, 0, 0, DateTimeKind.Utc));

    /// <summary>Moves the clock on, so events that follow each other also differ in time.</summary>
    public void Tick() => Clock.UtcNow = Clock.UtcNow.AddMinutes(1);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Services = Database.BuildServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            // The Excel format of the follow-up form comes with the documents services, as in the web and CLI hosts.
            s.AddSamverkanDocuments();
        });
        foreach (var (email, org, role) in new[]
                 {
                     (RegionOfficer, "20", Roles.RegionOfficer), (RegionAdmin, "20", Roles.RegionAdmin), (RegionViewer, "20", Roles.Viewer),
                     (Smedjebacken, "2061", Roles.MunicipalityOfficer), (SmedjebackenViewer, "2061", Roles.Viewer),
                     (Mora, "2062", Roles.MunicipalityOfficer), (Gavleborg, "21", Roles.RegionOfficer),
                 })
        {
            var added = await RunAsync(null, (AddUser add) => add.ExecuteAsync(new AddUserCommand(email, $"Test {email}", org, role, "test-password-123")),
                operator_: true);
            _userIds[email] = added.Value.Id;
        }
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Runs one use case as the given account (null: anonymous) in a scope of its own, as one request would.</summary>
    public async Task<TResult> RunAsync<TUseCase, TResult>(string? email, Func<TUseCase, Task<TResult>> call, bool operator_ = false) where TUseCase : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actors.Channel = "api";
        if (operator_) actors.Current = Actor.Operator("test");
        else if (email is not null) actors.Current = await scope.ServiceProvider.GetRequiredService<ResolveActor>().ForUserAsync(_userIds[email]);
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<T> QueryAsync<T>(Func<SamverkanDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamverkanDb>());
    }

    /// <summary>A fingerprint of everything a follow-up write could touch, to show that a refusal wrote nothing.</summary>
    public Task<string> WrittenAsync() => QueryAsync(async db =>
        string.Join(" ",
            $"audit={await db.AuditLog.CountAsync()}",
            $"outbox={await db.Set<OutboxMessage>().CountAsync()}",
            $"rounds={string.Join(",", await db.Set<FollowUpRound>().OrderBy(r => r.Id).Select(r => r.Status + r.Version).ToListAsync())}",
            $"frozen={await db.Set<FollowUpRoundAgreement>().CountAsync()}",
            $"entries={string.Join(",", await db.Set<FollowUpEntry>().OrderBy(e => e.Id).Select(e => e.Version).ToListAsync())}",
            $"indicators={await db.Set<FollowUpIndicatorValue>().CountAsync()}",
            $"revisions={await db.Set<FollowUpEntryRevision>().CountAsync()}",
            $"submissions={string.Join(",", await db.Set<FollowUpSubmission>().OrderBy(s => s.Id).Select(s => s.Status + s.Version).ToListAsync())}",
            $"events={await db.Set<FollowUpSubmissionEvent>().CountAsync()}",
            $"evidence={string.Join(",", await db.Set<EvidenceFile>().OrderBy(f => f.Id).Select(f => f.RemovedAt == null).ToListAsync())}",
            $"files={(Directory.Exists(Database.EvidenceFolder) ? Directory.GetFiles(Database.EvidenceFolder).Length : 0)}"));

    /// <summary>Asserts that the refusal gives the code (and field) and leaves every table and the evidence folder as they were.</summary>
    public async Task<Error> RefusedAsync<T>(Func<Task<Result<T>>> attempt, string code, string? field = null)
    {
        var before = await WrittenAsync();
        var result = await attempt();
        Assert.False(result.IsSuccess, $"Expected {code}, but it succeeded.");
        Assert.Equal(code, result.Error!.Code);
        if (field is not null) Assert.Equal(field, result.Error.Field);
        Assert.Equal(before, await WrittenAsync());
        return result.Error;
    }

    public sealed record Scenario(
        int Year, Guid PlanId, Guid RoundId, Guid Agreement, Guid MoraAgreement,
        Guid RegionCommitment, Guid MunicipalCommitment, Guid SecondMunicipalCommitment, Guid JointCommitment, Guid MoraCommitment);

    /// <summary>
    /// A plan for two years of its own, two signed agreements for them, and (unless told not to) a round for the first
    /// year. <paramref name="goals"/>, given the new plan's id, adds goals to it and names the goals each of the four
    /// commitments links to (in both agreements).
    /// </summary>
    public async Task<Scenario> ScenarioAsync(bool openRound = true, Func<Guid, Task<Guid[][]>>? goals = null)
    {
        var year = Interlocked.Add(ref _nextYear, 2);
        Clock.UtcNow = new DateTime(year, 2, 1, 8, 0, 0, DateTimeKind.Utc);
        var planId = (await RunAsync(RegionOfficer, (CreatePlan create) => create.ExecuteAsync(
            new CreatePlanCommand("20", $"Kulturplan {year}–{year + 1}", year, year + 1, Status: "adopted")))).Value;
        var links = goals is null ? null : await goals(planId);
        var smedjebacken = await SignedAgreementAsync(planId, year, "2061", Smedjebacken, links);
        var mora = await SignedAgreementAsync(planId, year, "2062", Mora, links);
        Clock.UtcNow = new DateTime(year + 1, 1, 15, 8, 0, 0, DateTimeKind.Utc);
        var roundId = Guid.Empty;
        if (openRound)
            roundId = (await RunAsync(RegionOfficer, (OpenFollowUpRound open) => open.ExecuteAsync(
                new OpenFollowUpRoundCommand(planId, year, new DateOnly(year + 1, 3, 31), "Svara senast sista mars.")))).Value.Id;
        var c = smedjebacken.Commitments;
        return new Scenario(year, planId, roundId, smedjebacken.Id, mora.Id, c[0], c[1], c[2], c[3], mora.Commitments[1]);
    }

    /// <summary>Created, negotiated, approved and signed through the use cases; commitments: region, municipality, municipality, joint.</summary>
    public async Task<(Guid Id, List<Guid> Commitments)> SignedAgreementAsync(Guid planId, int year, string municipality, string officer, Guid[][]? goals = null)
    {
        List<Guid> GoalsOf(int commitment) => goals is null ? [] : [.. goals[commitment]];
        var content = new AgreementContent
        {
            Title = $"Överenskommelse {municipality} {year}–{year + 1}",
            Period = new Period(new DateOnly(year, 1, 1), new DateOnly(year + 1, 12, 31)),
            Sections =
            [
                new Section
                {
                    Heading = "Barn och unga",
                    Items =
                    [
                        new Item
                        {
                            Text = "Alla barn ska få möta professionell kultur.",
                            Commitments =
                            [
                                new Commitment { Parties = ["20"], Text = "Regionen ordnar två turnéer för skolorna.", Indicator = "Turnéer", Target = "2", GoalIds = GoalsOf(0) },
                                new Commitment { Parties = [municipality], Text = "Kommunen söker bidrag till Skapande skola.", Indicator = "Ansökan", Target = "Varje år", GoalIds = GoalsOf(1) },
                                new Commitment { Parties = [municipality], Text = "Kommunen håller biblioteket öppet på lördagar.", GoalIds = GoalsOf(2) },
                                new Commitment { Parties = ["20", municipality], Text = "Region och kommun prövar kultur i äldreomsorgen.", GoalIds = GoalsOf(3) },
                            ],
                        },
                    ],
                },
            ],
        };
        var (id, created) = (await RunAsync(RegionOfficer, (CreateAgreement create) =>
            create.ExecuteAsync(new CreateAgreementCommand(content, ["20", municipality], planId)))).Value;
        Assert.True((await RunAsync(RegionOfficer, (ChangeAgreementStatus change) => change.ExecuteAsync(id, AgreementStatuses.Negotiation))).IsSuccess);
        foreach (var who in new[] { RegionOfficer, officer })
            Assert.True((await RunAsync(who, (ApproveAgreement approve) => approve.ExecuteAsync(id, 1, RequestInfo.None))).IsSuccess);
        foreach (var who in new[] { RegionOfficer, officer })
        {
            var signed = await RunAsync(who, (SignAgreement sign) => sign.ExecuteAsync(new SignAgreementCommand(id, 1, $"Signatär {who}", "Ordförande", "Falun", null),
                RequestInfo.None));
            Assert.True(signed.IsSuccess, signed.Error?.Message);
        }
        return (id, AgreementRules.Commitments(created.Sections).Select(c => c.Id!.Value).ToList());
    }

    public Task<Result<EntryView>> SaveAsync(string? who, Scenario s, Guid commitment, string status = EntryStatuses.Ongoing, int? progress = 50,
        string? narrative = "Arbetet pågår.", IReadOnlyList<IndicatorValueInput>? indicators = null, int? version = null, string? party = null, Guid? roundId = null) =>
        RunAsync(who, (SaveFollowUpEntry save) => save.ExecuteAsync(
            new SaveFollowUpEntryCommand(roundId ?? s.RoundId, commitment, status, progress, narrative, indicators, version, PartyCode: party)));

    /// <summary>Smedjebacken answers all three of its commitments (the two of its own and the joint one).</summary>
    public async Task AnswerAllAsync(Scenario s)
    {
        foreach (var c in new[] { s.MunicipalCommitment, s.SecondMunicipalCommitment, s.JointCommitment })
            Assert.True((await SaveAsync(Smedjebacken, s, c)).IsSuccess);
    }

    public Task<Result<SubmissionView>> SubmitAsync(string who, Scenario s, Guid? agreement = null, string? party = null) =>
        RunAsync(who, (SubmitFollowUp submit) => submit.ExecuteAsync(s.RoundId, agreement ?? s.Agreement, party));

    public Task<Result<SubmissionView>> ReviewAsync(string who, Scenario s, Guid submissionId, string decision, string? comment = null) =>
        RunAsync(who, (ReviewFollowUpSubmission review) => review.ExecuteAsync(s.RoundId, submissionId, decision, comment));

    public Task<Result<FollowUpFormView>> FormAsync(string? who, Scenario s, string? party = null, Guid? agreement = null) =>
        RunAsync(who, (GetFollowUpForm get) => get.ExecuteAsync(s.RoundId, agreement ?? s.Agreement, party));
}
