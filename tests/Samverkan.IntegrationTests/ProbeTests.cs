using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Tests.Support;

namespace Samverkan.IntegrationTests;

/// <summary>
/// <c>/healthz</c> says the process answers and asks nothing else; <c>/readyz</c> says the database answers and every
/// migration is applied. Each unready case runs on a host and database of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProbeTests(AppFixture app)
{
    private static WebApplicationFactory<Program> Host(IEnumerable<KeyValuePair<string, string?>> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.UseEnvironment("Production");
        });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ProbeAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task OnAMigratedDatabase_BothProbesAreHealthy()
    {
        var client = app.Anonymous();

        var (live, liveBody) = await ProbeAsync(client, "/healthz");
        var (ready, readyBody) = await ProbeAsync(client, "/readyz");

        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("Healthy", liveBody.GetProperty("status").GetString());
        Assert.Empty(liveBody.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(["database:Healthy", "migrations:Healthy"],
            readyBody.GetProperty("checks").EnumerateObject().Select(c => $"{c.Name}:{c.Value.GetProperty("status").GetString()}").Order());
    }

    [Fact]
    public async Task WithAPendingMigration_ReadyzAnswers503NamingIt_WhileHealthzStaysHealthy()
    {
        await using var database = await TestDatabase.CreateAsync();
        // As if the code were one migration ahead of the database: the newest applied migration is forgotten.
        await using (var services = database.BuildServices())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Samverkan.Data.SamverkanDb>();
            var newest = (await db.Database.GetAppliedMigrationsAsync()).Max(StringComparer.Ordinal)!;
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {newest}");
        }
        await using var host = Host(database.Settings);
        var client = host.CreateClient();

        var (ready, body) = await ProbeAsync(client, "/readyz");
        var (live, _) = await ProbeAsync(client, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        Assert.Equal("1 migrering(ar) väntar: kör samverkan migrate.", checks.GetProperty("migrations").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, live);
    }

    [Fact]
    public async Task WithTheDatabaseGone_ReadyzAnswers503SayingSo_WhileHealthzStaysHealthy()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"samverkan-missing-{Guid.NewGuid():N}", "none.db");
        await using var host = Host(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Samverkan"] = $"Data Source={missing}", ["Database:MigrateOnStart"] = "false",
            ["Evidence:Folder"] = Path.Combine(Path.GetTempPath(), $"samverkan-evidence-{Guid.NewGuid():N}"), ["FollowUp:Reminders:Enabled"] = "false",
        });
        var client = host.CreateClient();

        var (ready, body) = await ProbeAsync(client, "/readyz");
        var (live, _) = await ProbeAsync(client, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        var checks = body.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Databasen svarar inte.", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        Assert.Equal("Databasen svarar inte, så migreringarna kan inte kontrolleras.", checks.GetProperty("migrations").GetProperty("description").GetString());
        Assert.DoesNotContain(missing, body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.False(File.Exists(missing), "the probe created the database file");
    }
}
