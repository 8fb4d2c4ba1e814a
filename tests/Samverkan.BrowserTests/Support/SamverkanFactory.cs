using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Samverkan.BrowserTests.Support;

/// <summary>The real web host on a test database; <see cref="BrowserFixture"/> puts it on Kestrel so a browser can reach it.</summary>
public sealed class SamverkanFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // Request logs from every page load would drown the test output; warnings still show.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
