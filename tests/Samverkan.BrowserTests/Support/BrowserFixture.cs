using System.Net;
using Samverkan.Tests.Support;

namespace Samverkan.BrowserTests.Support;

/// <summary>
/// Several collections, so xunit runs them side by side on the two cores; all share one app and one browser
/// through <see cref="BrowserFixture"/>. Tests make their own data, so they do not see each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

[CollectionDefinition(Name)]
public sealed class PlanEditingCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser, plan editing";
}

[CollectionDefinition(Name)]
public sealed class AgreementCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser, agreements";
}

/// <summary>
/// One app and one chromium for the whole run: starting either takes a second or two, a new browser
/// context per test takes milliseconds and still isolates cookies and storage. xunit 2 has no assembly
/// fixtures, so each collection's fixture borrows the one shared instance and the last to finish disposes it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SharedApp? _shared;
    private static int _users;

    private SharedApp App => _shared ?? throw new InvalidOperationException("The fixture is not initialized.");
    public TestDatabase Database => App.Database;
    public IBrowser Browser => App.Browser;
    public Uri BaseUrl => App.BaseUrl;
    public TestData Data => App.Data;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_users++ == 0) _shared = await SharedApp.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh browser context (own cookies) with a Swedish locale and a desktop-sized window.</summary>
    public async Task<BrowserSession> NewSessionAsync(Uri? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (baseUrl ?? BaseUrl).ToString(),
            Locale = "sv-SE",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        // Everything is local, so an action that waits this long has failed; no network to blame.
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Starts the web host on Kestrel at a free port on 127.0.0.1 and returns it with its address.</summary>
    public static (SamverkanFactory Factory, Uri BaseUrl) StartApp(TestDatabase database) => SharedApp.StartApp(database);
}

internal sealed class SharedApp : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private SamverkanFactory? _factory;

    public TestDatabase Database { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;

    public static async Task<SharedApp> StartAsync()
    {
        // Assertions wait up to 10 s: the cores are shared, and a busy machine should slow the run, not fail it.
        SetDefaultExpectTimeout(10_000);
        var app = new SharedApp();
        try
        {
            app.Database = await TestDatabase.CreateAsync(seedDemo: true);
            app.Data = await TestData.CreateAsync(app.Database);
            (app._factory, app.BaseUrl) = StartApp(app.Database);
            app._playwright = await Playwright.CreateAsync();
            app.Browser = await LaunchChromiumAsync(app._playwright);
            return app;
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed; without this the database file stays in /tmp.
            await app.DisposeAsync();
            throw;
        }
    }

    public static (SamverkanFactory Factory, Uri BaseUrl) StartApp(TestDatabase database)
    {
        var factory = new SamverkanFactory(database.Settings);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return (factory, factory.ClientOptions.BaseAddress);
    }

    /// <summary>
    /// Debian's chromium, never a downloaded one; the flags keep it from reaching the network on its own
    /// (updates, sync, QUIC probes), which would be slow or hang on a machine without internet.
    /// </summary>
    private static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (Data is not null) await Data.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}

public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
