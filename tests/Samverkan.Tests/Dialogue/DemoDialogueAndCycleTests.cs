using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Dialogue;
using Samverkan.Tests.Seeding;
using Samverkan.YearlyCycle;

namespace Samverkan.Tests.Dialogue;

/// <summary>The demo's dialogue meetings, and the yearly cycle (årshjul) read from the demo data.</summary>
public sealed class DemoDialogueAndCycleTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    private async Task<T> RunAsync<TUseCase, T>(string? email, Func<TUseCase, Task<T>> call) where TUseCase : notnull
    {
        await using var scope = seeded.Services.CreateAsyncScope();
        if (email is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync();
            scope.ServiceProvider.GetRequiredService<ActorContext>().Current = await scope.ServiceProvider.GetRequiredService<ResolveActor>().ForUserAsync(id);
        }
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    private const string RegionOfficer = "region-officer@demo.example";

    private Task<IReadOnlyList<DialogueMeetingSummary>> MeetingsAsync(string? who, int year) =>
        RunAsync(who, async (ListDialogueMeetings list) => (await list.ExecuteAsync("20", year)).Value);

    [Fact]
    public async Task Demo_HasApprovedDialoguesFor2024And2025_OneRegionalForum_AndADraftOnlyTheRegionSees()
    {
        var y2024 = await MeetingsAsync(null, 2024);
        var y2025 = await MeetingsAsync(null, 2025);
        Assert.Equal(["2062", "2061", "2080"], y2024.Select(m => m.Municipality!.Code));
        Assert.Equal([DialogueKinds.MunicipalDialogue, DialogueKinds.MunicipalDialogue, DialogueKinds.RegionalForum], y2025.Select(m => m.Kind));
        Assert.Single(y2024.Concat(y2025), m => m.Kind == DialogueKinds.RegionalForum);
        Assert.All(y2024.Concat(y2025), m => Assert.Equal(MinutesStatuses.Approved, m.Status));
        Assert.Equal(2, y2025.Single(m => m.Municipality?.Code == "2062").Revision);

        var staff = await MeetingsAsync(RegionOfficer, 2025);
        var draft = Assert.Single(staff, m => m.Status == MinutesStatuses.Draft);
        Assert.Equal("2029", draft.Municipality!.Code);

        foreach (var summary in y2024.Concat(y2025))
        {
            var m = (await RunAsync(null, (GetDialogueMeeting get) => get.ExecuteAsync(summary.Id))).Value;
            Assert.NotEmpty(m.People);
            Assert.All(m.Agenda, a => Assert.False(string.IsNullOrWhiteSpace(a.Notes)));
            Assert.NotEmpty(m.Decisions);
        }
        var mora = (await RunAsync(null, (GetDialogueMeeting get) => get.ExecuteAsync(y2024[0].Id))).Value;
        Assert.All(mora.Decisions, d => Assert.NotEmpty(d.Commitments));
        Assert.All(mora.Decisions.SelectMany(d => d.Commitments), c => Assert.Contains("Mora", c.AgreementTitle));
    }

    [Fact]
    public async Task Cycle2025_ListsTheDialoguesAndTheStateReports_MonthByMonth()
    {
        var cycle = (await RunAsync(null, (GetYearlyCycle get) => get.ExecuteAsync("20", 2025))).Value;
        Assert.Equal(12, cycle.Months.Count);
        Assert.Equal("Januari", cycle.Months[0].Name);
        var all = cycle.Months.SelectMany(m => m.Milestones).ToList();
        Assert.Equal(all.OrderBy(m => m.Date).Select(m => m.Date), all.Select(m => m.Date));
        Assert.Equal(all.Count, cycle.Milestones);

        var april = cycle.Months[3].Milestones.Where(m => m.Kind == MilestoneKinds.Dialogue).Select(m => m.Title).ToList();
        Assert.Equal(["Kulturdialog Region Dalarna och Mora kommun 2025", "Kulturdialog Region Dalarna och Smedjebackens kommun 2025"], april);
        var forum = Assert.Single(cycle.Months[9].Milestones, m => m.Kind == MilestoneKinds.Dialogue);
        Assert.Equal(("Regional kulturdialog 2025", new DateOnly(2025, 10, 2)), (forum.Title, forum.Date));
        Assert.StartsWith("/dialog/", forum.Link);

        var state = all.Where(m => m.Kind == MilestoneKinds.State).ToList();
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31)], state.Select(m => m.Date));
        Assert.All(state, m => Assert.True(m.Assumed));
        // Leksand's minutes are a draft: only the region sees that meeting.
        Assert.DoesNotContain(all, m => m.Title.Contains("Leksand"));
        var staff = (await RunAsync(RegionOfficer, (GetYearlyCycle get) => get.ExecuteAsync("20", 2025))).Value;
        var leksand = Assert.Single(staff.Months[4].Milestones, m => m.Title.Contains("Leksand"));
        Assert.Contains("utkast", leksand.Detail);
    }

    [Fact]
    public async Task Cycle_ShowsThePlanPeriodAndTheAgreementsThatStartAndEnd()
    {
        var start = (await RunAsync(null, (GetYearlyCycle get) => get.ExecuteAsync("20", 2023))).Value.Months[0].Milestones;
        Assert.Contains(start, m => m.Kind == MilestoneKinds.Plan && m.Title.StartsWith("Planperioden börjar") && m.Date == new DateOnly(2023, 1, 1));
        var agreements = Assert.Single(start, m => m.Kind == MilestoneKinds.Agreement && m.Title == "Överenskommelser börjar gälla");
        // Only signed agreements are public: Leksand, Rättvik, Mora, Falun, Borlänge and Avesta.
        Assert.Equal(6, agreements.Items.Count);
        Assert.All(agreements.Items, i => Assert.StartsWith("/offentligt/overenskommelser/", i.Link));

        var end = (await RunAsync(null, (GetYearlyCycle get) => get.ExecuteAsync("20", 2026))).Value.Months[11].Milestones;
        Assert.Contains(end, m => m.Kind == MilestoneKinds.Plan && m.Title.StartsWith("Planperioden slutar") && m.Date == new DateOnly(2026, 12, 31));
        Assert.Contains(end, m => m.Title == "Överenskommelser upphör att gälla" && m.Items.Count == 6);
    }

    [Fact]
    public async Task Cycle_NeedsAKnownRegionAndAYear()
    {
        Assert.Equal("cycle.year-required", (await RunAsync(null, (GetYearlyCycle get) => get.ExecuteAsync("20", null))).Error!.Code);
        Assert.Equal("cycle.year-invalid", (await RunAsync(null, (GetYearlyCycle get) => get.ExecuteAsync("20", 1700))).Error!.Code);
        Assert.Equal("region.not-found", (await RunAsync(null, (GetYearlyCycle get) => get.ExecuteAsync("99", 2025))).Error!.Code);
    }

    [Fact]
    public void StateReportDates_CanBeConfigured_AndABadDateStopsTheStart()
    {
        static YearlyCycleOptions From(params (string Key, string Value)[] pairs) => YearlyCycleOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(pairs.ToDictionary(p => p.Key, p => (string?)p.Value)).Build());
        Assert.Equal(YearlyCycleOptions.Defaults, From().StateReports);
        var set = From(("YearlyCycle:StateReports:0:Title", "Redovisning"), ("YearlyCycle:StateReports:0:Month", "4"), ("YearlyCycle:StateReports:0:Day", "15"));
        Assert.Equal(new StateMilestone("Redovisning", 4, 15, null, false), Assert.Single(set.StateReports));
        Assert.Throws<InvalidOperationException>(() => From(("YearlyCycle:StateReports:0:Title", "X"), ("YearlyCycle:StateReports:0:Month", "2"),
            ("YearlyCycle:StateReports:0:Day", "30")));
    }
}
