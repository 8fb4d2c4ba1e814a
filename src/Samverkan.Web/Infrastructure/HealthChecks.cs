using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.Data;

namespace Samverkan.Web.Infrastructure;

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(SamverkanDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Databasen svarar inte.");
}

/// <summary>Every migration is applied: a production instance is not ready until <c>samverkan migrate</c> has run.</summary>
public sealed class MigrationsHealthCheck(SamverkanDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Without a database EF would count every migration as pending, which sends the operator the wrong way.
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Databasen svarar inte, så migreringarna kan inte kontrolleras.");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migrering(ar) väntar: kör samverkan migrate.");
    }
}

/// <summary>
/// <c>/healthz</c> (liveness) asks nothing of the database: a restart does not bring a database back, and an
/// orchestrator that restarted every instance while the database was down would only add to the outage.
/// <c>/readyz</c> (readiness) asks that the database answers and that every migration is applied.
/// </summary>
public static class Probes
{
    public const string Ready = "ready";

    /// <summary>A probe that waits longer than this counts as failed; a hung connection attempt must not hold the orchestrator.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IHealthChecksBuilder AddSamverkanProbes(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: Timeout)
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready], timeout: Timeout);

    public static void MapSamverkanProbes(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    /// <summary>
    /// The status of each check as JSON, with our own descriptions but never an exception's message (a failed
    /// connection's message can name hosts and users).
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
