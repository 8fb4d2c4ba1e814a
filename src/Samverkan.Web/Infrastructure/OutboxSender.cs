using System.Collections.Concurrent;
using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Data;
using Samverkan.Notifications;

namespace Samverkan.Web.Infrastructure;

/// <summary>The <c>Smtp</c> section. An empty <see cref="Host"/> means: queue mail, send none (development and tests).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Hands one message to a mail server. The SMTP one is the default; tests put in their own.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, SmtpSettings settings, CancellationToken ct);
}

public sealed class SmtpMailTransport : IMailTransport
{
    // SmtpClient is enough for plain-text notices to one relay; it needs no extra dependency.
    public async Task SendAsync(OutboxMessage message, SmtpSettings settings, CancellationToken ct)
    {
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(settings.User))
            client.Credentials = new NetworkCredential(settings.User, settings.Password);
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.From ?? $"samverkan@{settings.Host}", "Samverkan"),
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To, message.ToName));
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>
/// Sends queued <see cref="OutboxMessage"/>s every ten seconds, oldest first, in batches. Registered always;
/// idle (no database reads) while <c>Smtp:Host</c> is empty, and picks the setting up without a restart.
/// A failed message is retried with growing pauses and given up after <see cref="MaxAttempts"/>; it stays
/// in the outbox with its last error.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IMailTransport transport, IOptionsMonitor<SmtpSettings> settings, TimeProvider clock, ILogger<OutboxSender> log)
    : BackgroundService
{
    public const int BatchSize = 20;
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    // The outbox table has no "next attempt" column, so the pause after a failure is kept here; after a
    // restart every failed message is simply tried once more, which is harmless.
    private readonly ConcurrentDictionary<Guid, DateTime> _notBefore = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CurrentValue.IsConfigured)
            log.LogInformation("Smtp:Host är inte satt: e-post köas i utkorgen men skickas inte.");
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the sender for good; the next tick tries again.
                log.LogError(e, "Utkorgen kunde inte läsas.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: sends what is due and returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var smtp = settings.CurrentValue;
        if (!smtp.IsConfigured) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(BatchSize * 5)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var message in candidates.Where(m => !_notBefore.TryGetValue(m.Id, out var t) || t <= now).Take(BatchSize))
        {
            // Claim this attempt first: of two hosts sharing a database only one wins the update, so a
            // message is not sent twice at once. The bookkeeping goes around the change tracker on purpose:
            // delivery state is not a change of record, and an audit row per attempt would drown the log.
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == message.Id && m.SentAt == null && m.Attempts == message.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, message.Attempts + 1), ct);
            if (claimed == 0) continue;
            try
            {
                await transport.SendAsync(message, smtp, ct);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                _notBefore.TryRemove(message.Id, out _);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var error = $"{e.GetType().Name}: {e.Message}";
                if (error.Length > 2000) error = error[..2000];
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, error), CancellationToken.None);
                _notBefore[message.Id] = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
                log.LogWarning("E-post {Id} till {To} kunde inte skickas (försök {Attempts} av {Max}): {Error}",
                    message.Id, message.To, attempts, MaxAttempts, error);
            }
        }
        return sent;
    }

    /// <summary>30 s, 1 min, 2 min … at most an hour: a mail server that is down for a while is not hammered.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public static class OutboxSetup
{
    public static IServiceCollection AddOutboxSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
