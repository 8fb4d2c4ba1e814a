using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Cli;
using Samverkan.Data;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Cli;

/// <summary>One migrated database for the class; tests run one at a time and use their own e-mail addresses.</summary>
public sealed class CliDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>The CLI run in-process, as <c>./samverkan</c> runs it, against a real database.</summary>
public sealed class CliTests(CliDatabase fixture) : IClassFixture<CliDatabase>
{
    private TestDatabase Database => fixture.Database;

    private sealed record Run(int ExitCode, string Out, string Err);

    private static async Task<Run> RunWithAsync(IReadOnlyDictionary<string, string?>? settings, string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(stdin), stdout, stderr, settings);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    private Task<Run> RunAsync(params string[] args) => RunWithAsync(Database.Settings, "", args);

    private Task<Run> AddUserAsync(string email, string organization = "20", string role = "region-officer", params string[] extra) =>
        RunWithAsync(Database.Settings, "", ["users", "add", "--email", email, "--name", "Anna Åström", "--organization", organization, "--role", role, .. extra]);

    private async Task<(int Users, int Audit)> CountWritesAsync()
    {
        await using var services = Database.BuildServices();
        var db = services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();
        return (await db.Users.CountAsync(), await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task Help_ListsTheCommands_AndExitsZero()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("samverkan", run.Out);
        foreach (var command in new[] { "migrate", "seed", "users", "tokens", "follow-up" }) Assert.Contains(command, run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public async Task Help_OfASubcommand_ListsItsOptions_WithoutTouchingTheDatabase()
    {
        // No settings at all: help must not need configuration or a database.
        var run = await RunWithAsync(null, "", "users", "add", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--password-stdin", run.Out);
        Assert.Contains("region-admin", run.Out);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo_WithTheMessageOnStderr()
    {
        var run = await RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Err);
        Assert.Contains("samverkan --help", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task MissingRequiredOption_ExitsTwo()
    {
        var run = await RunAsync("users", "add", "--email", "x@example.se");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--role", run.Err);
        Assert.Contains("samverkan users add --help", run.Err);
    }

    [Fact]
    public async Task MalformedValue_ExitsTwo()
    {
        var run = await RunAsync("tokens", "revoke", "--id", "inte-ett-id");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("inte-ett-id", run.Err);
    }

    [Fact]
    public async Task UsersAdd_CreatesTheUser_PrintsIdAndGeneratedPassword_AndATokenCanBeIssuedAndRevoked()
    {
        var added = await AddUserAsync("kulturstrateg@example.se", "20", "region-admin", "--title", "Kulturstrateg");

        Assert.Equal(0, added.ExitCode);
        Assert.Equal("", added.Err);
        await using var services = Database.BuildServices();
        using var scope = services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync("kulturstrateg@example.se");
        Assert.NotNull(user);
        Assert.Equal("Kulturstrateg", user.Title);
        Assert.Contains(user.Id, added.Out);
        var passwordLine = added.Out.Split('\n').Single(l => l.StartsWith("Lösenord", StringComparison.Ordinal));
        var generated = passwordLine[(passwordLine.LastIndexOf(' ') + 1)..].Trim();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<User>>().CheckPasswordAsync(user, generated));

        var token = await RunAsync("tokens", "create", "--email", "kulturstrateg@example.se", "--name", "Ekonomisystemet");

        Assert.Equal(0, token.ExitCode);
        var line = Assert.Single(token.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("svk_", line);
        Assert.Contains("bara", token.Err);
        var validator = scope.ServiceProvider.GetRequiredService<ApiTokenValidator>();
        Assert.Equal(user.Id, (await validator.FindUserAsync(line.Trim()))?.Id);

        var tokenId = await scope.ServiceProvider.GetRequiredService<SamverkanDb>().ApiTokens
            .Where(t => t.UserId == user.Id).Select(t => t.Id).SingleAsync();
        var revoked = await RunAsync("tokens", "revoke", "--id", tokenId.ToString());

        Assert.Equal(0, revoked.ExitCode);
        Assert.Null(await validator.FindUserAsync(line.Trim()));
    }

    [Fact]
    public async Task UsersAdd_WithPasswordStdin_SetsThatPassword_AndPrintsNoPassword()
    {
        var run = await RunWithAsync(Database.Settings, "Räksmörgås-2026\n",
            "users", "add", "--email", "bo.ek@example.se", "--name", "Bo Ek", "--organization", "2080",
            "--role", "municipality-officer", "--password-stdin");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Lösenord", run.Out);
        Assert.DoesNotContain("Räksmörgås", run.Out + run.Err);
        await using var services = Database.BuildServices();
        var users = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync("bo.ek@example.se");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "Räksmörgås-2026"));
    }

    [Fact]
    public async Task UsersAdd_WithPasswordStdin_AndEmptyInput_ExitsTwo()
    {
        var before = await CountWritesAsync();

        var run = await RunWithAsync(Database.Settings, "",
            "users", "add", "--email", "tom@example.se", "--name", "Tom", "--organization", "20", "--role", "viewer", "--password-stdin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("user.password-missing", run.Err);
        Assert.Equal(before, await CountWritesAsync());
    }

    [Fact]
    public async Task UsersAdd_WithMalformedEmail_ExitsTwo_AndWritesNothing()
    {
        var before = await CountWritesAsync();

        var run = await AddUserAsync("inte-en-adress");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("samverkan: ", run.Err);
        Assert.Contains("(user.email-invalid)", run.Err);
        Assert.Equal("", run.Out);
        Assert.Equal(before, await CountWritesAsync());
    }

    [Fact]
    public async Task UsersAdd_ForUnknownOrganization_ExitsOne_AndWritesNothing()
    {
        var before = await CountWritesAsync();

        var run = await AddUserAsync("okand.org@example.se", organization: "9999");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(organization.not-found)", run.Err);
        Assert.Equal(before, await CountWritesAsync());
    }

    [Fact]
    public async Task UsersAdd_Twice_ExitsOne_WithDuplicate()
    {
        Assert.Equal(0, (await AddUserAsync("dubbel@example.se")).ExitCode);

        var again = await AddUserAsync("dubbel@example.se");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("(user.duplicate)", again.Err);
    }

    [Fact]
    public async Task UsersAdd_WithUnknownRole_ExitsTwo()
    {
        var run = await AddUserAsync("roll@example.se", role: "chef");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("(user.role-invalid)", run.Err);
    }

    [Fact]
    public async Task TokensCreate_ForUnknownEmail_ExitsOne_AndPrintsNothingOnStdout()
    {
        var run = await RunAsync("tokens", "create", "--email", "ingen@example.se");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("(user.not-found)", run.Err);
    }

    [Fact]
    public async Task SeedDemo_OnMigratedDatabase_ExitsZero()
    {
        var run = await RunAsync("seed", "--demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Demodata", run.Out);
    }

    [Fact]
    public async Task Seed_WithoutDemo_ExitsTwo_AndExplainsTheFlag()
    {
        var run = await RunAsync("seed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--demo", run.Err);
    }

    [Fact]
    public async Task SeedNationalScale_IsHiddenFromHelp_FillsOnce_AndRejectsABadScale()
    {
        var help = await RunAsync("seed", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--demo", help.Out);
        Assert.DoesNotContain("--national-scale", help.Out);

        var bad = await RunAsync("seed", "--national-scale", "--scale", "2");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("(seed.scale-invalid)", bad.Err);

        var first = await RunAsync("seed", "--national-scale", "--scale", "0.02");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("6 överenskommelser, 60 versioner", first.Out);
        var again = await RunAsync("seed", "--national-scale", "--scale", "0.02");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("finns redan", again.Out);
    }

    [Fact]
    public async Task Migrate_OnMigratedDatabase_ExitsZero_AndChangesNothing()
    {
        var before = await CountWritesAsync();

        var run = await RunAsync("migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Inga nya migreringar.", run.Out);
        Assert.Contains("Databasen är uppdaterad.", run.Out);
        Assert.Equal(before, await CountWritesAsync());
    }

    [Fact]
    public async Task SeedThenMigrateThenSeed_OnANewDatabase_RefusesFirst_ThenWorks()
    {
        // A new SQLite file on either test provider: EF would create a missing PostgreSQL database
        // itself, and this test must leave nothing behind on a shared server.
        var path = Path.Combine(Path.GetTempPath(), $"samverkan-cli-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Samverkan"] = $"Data Source={path}",
        };
        try
        {
            var early = await RunWithAsync(settings, "", "seed", "--demo");
            Assert.Equal(1, early.ExitCode);
            Assert.Contains("samverkan migrate", early.Err);

            var migrate = await RunWithAsync(settings, "", "migrate");
            Assert.Equal(0, migrate.ExitCode);
            Assert.Contains("_Initial", migrate.Out);
            Assert.Contains("Databasen är uppdaterad.", migrate.Out);

            Assert.Equal(0, (await RunWithAsync(settings, "", "seed", "--demo")).ExitCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsOne_WithAOneLineMessage()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            // Port 1 refuses at once, so the test does not wait for a timeout.
            ["ConnectionStrings:Samverkan"] = "Host=127.0.0.1;Port=1;Database=saknas;Username=x;Password=x;Timeout=3",
        };

        var run = await RunWithAsync(settings, "", "migrate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("databasen gick inte att använda", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public async Task UnknownProvider_ExitsOne_WithAConfigurationMessage()
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" };

        var run = await RunWithAsync(settings, "", "migrate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Oracle", run.Err);
    }
}
