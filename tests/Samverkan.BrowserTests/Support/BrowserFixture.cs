using System.Net;
using Samverkan.Tests.Support;

namespace Samverkan.BrowserTests.Support;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// One app and one chromium for the whole run: starting either takes a second or two, a new browser
/// context per test takes milliseconds and still isolates cookies and storage.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestDatabase Database { get; private set; } = null!;
    public SamverkanFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(seedDemo: true);
        Data = await TestData.CreateAsync(Database);
        (Factory, BaseUrl) = StartApp(Database);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Starts the web host on Kestrel at a free port on 127.0.0.1 and returns it with its address.</summary>
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

    /// <summary>A fresh browser context (own cookies) with a Swedish locale and a desktop-sized window.</summary>
    public async Task<BrowserSession> NewSessionAsync(Uri? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (baseUrl ?? BaseUrl).ToString(),
            Locale = "sv-SE",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        // Short timeouts: everything is local, so a missing element means a failure, not a slow network.
        context.SetDefaultTimeout(10_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
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
