using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Samverkan.FollowUp;
using Samverkan.Notifications;
using Samverkan.Reminders;
using Samverkan.Tests.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.Reminders;

/// <summary>Reminders before a round's deadline, on a clock the tests move: who is reminded, when, and never twice.</summary>
public sealed class FollowUpReminderTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private Task<ReminderRun> RunAsync() => world.RunAsync(null, (SendFollowUpReminders send) => send.ExecuteAsync());

    /// <summary>(days before, party code) of every reminder recorded for the round, and the e-mail sent for them.</summary>
    private async Task<(List<string> Recorded, List<OutboxMessage> Mail)> RemindersAsync(Scenario s) =>
        await world.QueryAsync(async db =>
        {
            var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code);
            var recorded = (await db.Set<FollowUpReminder>().Where(r => r.RoundId == s.RoundId).ToListAsync())
                .Select(r => $"{r.DaysBefore}:{codes[r.OrganizationId]}:{(r.AgreementId == s.Agreement ? "smedjebacken" : "mora")}").Order(StringComparer.Ordinal).ToList();
            var mail = await db.Set<OutboxMessage>().Where(m => m.Kind == FollowUpNotifier.ReminderKind && m.Body.Contains($" {s.Year}–{s.Year + 1}"))
                .ToListAsync();
            return (recorded, mail);
        });

    private static List<string> Sorted(params string[] items) => items.Order(StringComparer.Ordinal).ToList();

    private void Today(Scenario s, int month, int day) => world.Clock.UtcNow = new DateTime(s.Year + 1, month, day, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task PartiesThatHaveNotSubmitted_AreRemindedOnce_OnEachReminderDay()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        Assert.True((await world.SubmitAsync(Smedjebacken, s)).IsSuccess);

        Today(s, 3, 16); // 15 days before the deadline (31 March): too early.
        await RunAsync();
        Assert.Empty((await RemindersAsync(s)).Recorded);

        Today(s, 3, 17);
        // The job runs with the host's culture; an English server must still write the month in Swedish.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try { await RunAsync(); }
        finally { CultureInfo.CurrentCulture = culture; }
        await RunAsync(); // the same day again, as after a restart
        var (recorded, mail) = await RemindersAsync(s);
        // The region holds commitments in both agreements; Smedjebacken has submitted, Mora has not.
        Assert.Equal(Sorted("14:20:mora", "14:20:smedjebacken", "14:2062:mora"), recorded);
        Assert.Equal(new[] { Mora, RegionAdmin, RegionAdmin, RegionOfficer, RegionOfficer }.Order(), mail.Select(m => m.To).Order());
        Assert.All(mail, m => Assert.Contains($"{s.Year + 1}-03-31", m.Body));
        Assert.All(mail, m => Assert.EndsWith($"ska vara inne 31 mars {s.Year + 1}", m.Subject));

        Today(s, 3, 20);
        await RunAsync();
        Assert.Equal(3, (await RemindersAsync(s)).Recorded.Count);

        // Returned to Smedjebacken: its answer is out again, so the day-3 reminder reaches it.
        var submission = await world.QueryAsync(db => db.Set<FollowUpSubmission>().FirstAsync(x => x.RoundId == s.RoundId && x.AgreementId == s.Agreement));
        Assert.True((await world.ReviewAsync(RegionOfficer, s, submission.Id, ReviewDecisions.Return, "Fyll i mer om lördagarna.")).IsSuccess);
        Today(s, 3, 28);
        await RunAsync();
        (recorded, _) = await RemindersAsync(s);
        Assert.Equal(Sorted("14:20:mora", "14:20:smedjebacken", "14:2062:mora", "3:20:mora", "3:20:smedjebacken", "3:2061:smedjebacken", "3:2062:mora"), recorded);

        Today(s, 4, 1); // after the deadline: no more reminders
        var run = await RunAsync();
        Assert.Equal(0, run.PartiesReminded);
    }

    [Fact]
    public async Task AServerThatWasDownOnDay14_SendsOnlyTheNearestReminder_AndAClosedRoundGetsNone()
    {
        var s = await world.ScenarioAsync();
        Today(s, 3, 29);
        var run = await RunAsync();
        Assert.Equal(4, run.PartiesReminded);
        Assert.All((await RemindersAsync(s)).Recorded, r => Assert.StartsWith("3:", r));

        var closed = await world.ScenarioAsync();
        Assert.True((await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(closed.RoundId))).IsSuccess);
        Today(closed, 3, 29);
        await RunAsync();
        Assert.Empty((await RemindersAsync(closed)).Recorded);
    }

    [Fact]
    public async Task TheHostedService_RunsAtStart_AndOnEveryTick_OfItsClock()
    {
        var s = await world.ScenarioAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(s.Year + 1, 3, 16, 6, 0, 0, TimeSpan.Zero));
        await using var services = world.Database.BuildServices(c => c.AddSingleton<TimeProvider>(clock));
        var options = new ReminderOptions([14, 3], TimeSpan.FromDays(1), Enabled: true);
        var service = new FollowUpReminderService(services.GetRequiredService<IServiceScopeFactory>(), options, clock,
            NullLogger<FollowUpReminderService>.Instance);
        var passes = System.Threading.Channels.Channel.CreateUnbounded<ReminderRun?>();
        service.PassCompleted += run => passes.Writer.TryWrite(run);

        await service.StartAsync(CancellationToken.None);
        try
        {
            var first = await passes.Reader.ReadAsync();
            Assert.Equal((new DateOnly(s.Year + 1, 3, 16), 0), (first!.Today, first.PartiesReminded));
            clock.Advance(TimeSpan.FromDays(1));
            var second = await passes.Reader.ReadAsync();
            Assert.Equal((new DateOnly(s.Year + 1, 3, 17), 4), (second!.Today, second.PartiesReminded));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
        Assert.Equal(4, (await RemindersAsync(s)).Recorded.Count);
    }

    [Fact]
    public void Options_ComeFromConfiguration_WithFourteenAndThreeDaysByDefault()
    {
        static ReminderOptions From(params (string Key, string Value)[] pairs) => ReminderOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(pairs.ToDictionary(p => p.Key, p => (string?)p.Value)).Build());
        Assert.Equal([14, 3], From().DaysBefore);
        Assert.Equal((TimeSpan.FromHours(1), true), (From().Interval, From().Enabled));
        var set = From(("FollowUp:Reminders:DaysBefore:0", "1"), ("FollowUp:Reminders:DaysBefore:1", "7"), ("FollowUp:Reminders:Enabled", "false"));
        Assert.Equal([7, 1], set.DaysBefore);
        Assert.False(set.Enabled);
        Assert.Throws<InvalidOperationException>(() => From(("FollowUp:Reminders:DaysBefore:0", "-2")));
    }
}
