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
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migrering(ar) väntar: kör samverkan migrate.");
    }
}
