using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Tests.Support;

namespace Samverkan.IntegrationTests;

/// <summary>
/// The real app over HTTP on a real database of its own (SQLite, or PostgreSQL when
/// SAMVERKAN_TEST_PROVIDER=Postgres), with a few accounts and their API tokens.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;
    private readonly Dictionary<string, string> _tokens = [];

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The app's own services, e.g. its route table.</summary>
    public IServiceProvider Services => _factory.Services;

    public const string RegionOfficer = "officer-20@test.example";
    public const string RegionAdmin = "admin-20@test.example";
    public const string Smedjebacken = "officer-2061@test.example";
    public const string Mora = "officer-2062@test.example";
    public const string Gavleborg = "officer-21@test.example";
    public const string Viewer = "viewer-20@test.example";
    public const string Mora2062 = Mora;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(seedDemo: true);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in Database.Settings) b.UseSetting(key, value);
            // The shared app serves hundreds of API calls per token in seconds; HardeningTests checks the limits on its own hosts.
            b.UseSetting("RateLimits:Api:PermitLimit", "1000000");
            // The page tests and the authorization matrix sign in hundreds of times from one address.
            b.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");
            b.UseEnvironment("Testing");
        });
        await AsOperatorAsync(async sp =>
        {
            var add = sp.GetRequiredService<AddUser>();
            var tokens = sp.GetRequiredService<CreateApiToken>();
            foreach (var (email, org, role) in new[]
                     {
                         (RegionOfficer, "20", Roles.RegionOfficer), (RegionAdmin, "20", Roles.RegionAdmin),
                         (Smedjebacken, "2061", Roles.MunicipalityOfficer), (Mora, "2062", Roles.MunicipalityOfficer),
                         (Gavleborg, "21", Roles.RegionOfficer), (Viewer, "20", Roles.Viewer),
                     })
            {
                var added = await add.ExecuteAsync(new AddUserCommand(email, $"Test {email}", org, role, "test-password-123"));
                Assert.True(added.IsSuccess, added.Error?.Message);
                _tokens[email] = (await tokens.ExecuteAsync(email)).Value.Token;
            }
        });
    }

    public HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient As(string email)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[email]);
        return client;
    }

    public async Task AsOperatorAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actors.Current = Actor.Operator("test");
        actors.Channel = "cli";
        await work(scope.ServiceProvider);
    }

    public async Task<T> QueryAsync<T>(Func<SamverkanDb, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SamverkanDb>());
    }

    /// <summary>A fingerprint of everything written: row counts of the audit log and the tables a refused write could touch.</summary>
    public Task<string> WrittenStateAsync() => QueryAsync(async db =>
        $"audit={await db.AuditLog.CountAsync()} plans={await db.Plans.CountAsync()} goals={await db.PlanGoals.CountAsync()} " +
        $"areas={await db.DevelopmentAreas.CountAsync()} mgoals={await db.MunicipalGoals.CountAsync()} users={await db.Users.CountAsync()} " +
        $"planversions={string.Join(",", await db.Plans.OrderBy(p => p.Id).Select(p => p.Version).ToListAsync())} " +
        $"mgoaltexts={string.Join("|", await db.MunicipalGoals.OrderBy(g => g.Id).Select(g => g.Text).ToListAsync())} " +
        $"agreements={await db.Set<Samverkan.Agreements.Agreement>().CountAsync()} versions={await db.Set<Samverkan.Agreements.AgreementVersion>().CountAsync()} " +
        $"approvals={await db.Set<Samverkan.Agreements.AgreementApproval>().CountAsync()} signatures={await db.Set<Samverkan.Agreements.AgreementSignature>().CountAsync()} " +
        $"statuses={string.Join(",", await db.Set<Samverkan.Agreements.Agreement>().OrderBy(a => a.Id).Select(a => a.Status + a.CurrentVersion).ToListAsync())}");

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

public static class HttpAssertions
{
    public static async Task<System.Text.Json.JsonElement> ProblemAsync(this HttpResponseMessage response, int status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("instance").GetString()));
        var actualCode = json.GetProperty("code").GetString();
        if (code is not null) Assert.Equal(code, actualCode);
        return json;
    }

    public static async Task<System.Text.Json.JsonElement> JsonAsync(this HttpResponseMessage response, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
