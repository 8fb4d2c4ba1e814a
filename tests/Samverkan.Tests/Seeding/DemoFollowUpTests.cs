using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.FollowUp;

namespace Samverkan.Tests.Seeding;

/// <summary>The demo's follow-up: 2024 closed and accepted, 2025 open with answers at every stage and one returned.</summary>
public sealed class DemoFollowUpTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = seeded.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = await scope.ServiceProvider.GetRequiredService<ResolveActor>().ForUserAsync(userId);
        return await work(scope.ServiceProvider);
    }

    private Task<IReadOnlyList<FollowUpRoundSummary>> RoundsAsync() =>
        AsAsync("region-officer@demo.example", async sp => (await sp.GetRequiredService<ListFollowUpRounds>().ExecuteAsync("20")).Value);

    private Task<FollowUpRoundView> RoundAsync(int year) => AsAsync("region-officer@demo.example", async sp =>
        (await sp.GetRequiredService<GetFollowUpRound>().ExecuteAsync((await RoundsAsync()).Single(r => r.Year == year).Id)).Value);

    [Fact]
    public async Task Seed_Has2024ClosedWithEveryAnswerAccepted_And2025Open()
    {
        var rounds = await RoundsAsync();
        Assert.Equal([(2025, "open"), (2024, "closed")], rounds.Select(r => (r.Year, r.Status)));
        Assert.All(rounds, r => Assert.Equal("Dalarnas kultur- och bildningsplan 2023–2026", r.Plan.Title));

        var y2024 = await RoundAsync(2024);
        // Six signed municipal agreements and Dalateatern's assignment for 2024, each with the region and the other party answering.
        Assert.Equal(7, y2024.Agreements.Count);
        Assert.Equal(new SubmissionCounts(14, 0, 0, 0, 14), y2024.Submissions);
        Assert.All(y2024.Agreements.SelectMany(a => a.Submissions), p => Assert.Equal(p.Commitments, p.Entries));
        Assert.Equal(7, await seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>().Set<FollowUpRoundAgreement>()
            .CountAsync(r => r.RoundId == y2024.Id));
    }

    [Fact]
    public async Task Seed_2025HasAnswersAtEveryStage_AndExactlyOneReturned_MorasWithTheRegionsQuestions()
    {
        var y2025 = await RoundAsync(2025);
        var municipal = y2025.Agreements.ToDictionary(a => a.Parties.Single(p => p.Code != "20").Code,
            a => a.Submissions.Single(p => p.Party.Code != "20"));

        Assert.Equal(["2029", "2031", "2062", "2080", "2081", "2084"], municipal.Keys.Order());
        Assert.Equal(("draft", "accepted", "returned", "accepted", "submitted", "draft"),
            (municipal["2029"].Status, municipal["2031"].Status, municipal["2062"].Status, municipal["2080"].Status, municipal["2081"].Status, municipal["2084"].Status));
        Assert.True(municipal["2029"].Entries > 0 && municipal["2029"].Entries < municipal["2029"].Commitments);
        Assert.Equal(0, municipal["2084"].Entries);
        Assert.Equal(1, y2025.Submissions.Returned);
        Assert.StartsWith("Tack! Kan ni beskriva hur bokpåsarna", municipal["2062"].ReviewComment);

        // Mora's officer has a demo sign-in and can correct the returned answer.
        var agreementId = y2025.Agreements.Single(a => a.Parties.Any(p => p.Code == "2062")).AgreementId;
        var form = await AsAsync("mora@demo.example", async sp => (await sp.GetRequiredService<GetFollowUpForm>().ExecuteAsync(y2025.Id, agreementId, null)).Value);
        Assert.Equal(("returned", true), (form.Submission.Status, form.CanEdit));
        Assert.All(form.Commitments, c => Assert.False(string.IsNullOrWhiteSpace(c.Entry!.Narrative)));
    }

    [Fact]
    public async Task Seed_EveryEntryMatchesItsLatestRevision_AndRattviksReturnIsInItsHistory()
    {
        var db = seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        var entries = await db.Set<FollowUpEntry>().AsNoTracking().Include(e => e.Indicators).ToListAsync();
        var revisions = (await db.Set<FollowUpEntryRevision>().AsNoTracking().ToListAsync()).ToLookup(r => r.EntryId);
        Assert.True(entries.Count > 100, $"{entries.Count} entries");
        foreach (var entry in entries)
        {
            var latest = revisions[entry.Id].MaxBy(r => r.Version)!;
            Assert.Equal(entry.Version, latest.Version);
            Assert.Equal(FollowUpStore.Snapshot(entry, []) with { Indicators = [], Evidence = [] },
                FollowUpStore.ReadSnapshot(latest.After)! with { Indicators = [], Evidence = [] });
            Assert.Equal(entry.Indicators.Select(i => (i.Name, i.Value)), FollowUpStore.ReadSnapshot(latest.After)!.Indicators.Select(i => (i.Name, i.Value)));
            Assert.InRange(entry.Progress ?? 0, 0, 100);
            Assert.Contains(entry.Status, EntryStatuses.All);
        }
        Assert.Contains(entries, e => e.Indicators.Count > 0);

        var y2024 = await RoundAsync(2024);
        var rattvik = y2024.Agreements.Single(a => a.Parties.Any(p => p.Code == "2031"));
        var timeline = await AsAsync("region-officer@demo.example", async sp =>
        {
            var changed = entries.Single(e => e.RoundId == y2024.Id && e.AgreementId == rattvik.AgreementId && e.Version == 2);
            return (await sp.GetRequiredService<GetCommitmentTimeline>().ExecuteAsync(changed.CommitmentId)).Value;
        });
        Assert.Equal(["created", "submitted", "returned", "updated", "submitted", "accepted"],
            timeline.Events.Where(e => e.Year == 2024 && e.Party.Code == "2031").Select(e => e.Kind));
        Assert.Contains(timeline.Events, e => e.Year == 2025);
    }
}
