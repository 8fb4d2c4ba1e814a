using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Samverkan.Common;

namespace Samverkan.Reminders;

/// <summary>
/// Runs <see cref="SendFollowUpReminders"/> at start and then every <see cref="ReminderOptions.Interval"/>, on the
/// injected clock (so tests move time instead of waiting for it). Idle when <c>FollowUp:Reminders:Enabled</c> is false.
/// </summary>
public sealed class FollowUpReminderService(IServiceScopeFactory scopes, ReminderOptions options, TimeProvider clock, ILogger<FollowUpReminderService> log)
    : BackgroundService
{
    /// <summary>Raised after every pass, also a failed one (then with null); for tests and diagnostics.</summary>
    public event Action<ReminderRun?>? PassCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            PassCompleted?.Invoke(await RunOnceAsync(stoppingToken));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<ReminderRun?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
            // The audit log names the job as the writer of the reminders it records.
            actors.Current = Actor.Operator("påminnelser");
            actors.Channel = "job";
            var run = await scope.ServiceProvider.GetRequiredService<SendFollowUpReminders>().ExecuteAsync(ct);
            if (run.PartiesReminded > 0)
                log.LogInformation("Påminnelser om uppföljning: {Parties} parter i {Rounds} omgångar ({Today}).", run.PartiesReminded, run.Rounds, run.Today);
            return run;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed pass is tried again at the next tick; the unique reminder rows keep a retry from reminding twice.
            log.LogError(e, "Påminnelserna om uppföljning kunde inte skickas.");
            return null;
        }
    }
}

public static class ReminderServices
{
    /// <summary>The reminder job, for the web host (the CLI does not run background work).</summary>
    public static IServiceCollection AddFollowUpReminders(this IServiceCollection services)
    {
        services.AddSingleton<FollowUpReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpReminderService>());
        return services;
    }
}
