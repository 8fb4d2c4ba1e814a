using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Samverkan.Web.Infrastructure;

namespace Samverkan.IntegrationTests;

/// <summary>
/// HTTP hardening: security headers, no inline script or style, antiforgery on every form, cookie flags,
/// body limits, rate limits, no stack traces and a request id in every problem and log line (docs/security.md).
/// Limits are tested on hosts of their own with small values, on the shared database.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class HardeningTests(AppFixture app)
{
    private const string Password = "test-password-123";

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => Host(null, settings);

    private WebApplicationFactory<Program> Host(Action<IWebHostBuilder>? configure, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in app.Database.Settings) b.UseSetting(key, value);
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.UseEnvironment("Production");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoints>());
            configure?.Invoke(b);
        });

    private static HttpClient Client(WebApplicationFactory<Program> host, string scheme = "http") =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://localhost") });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        return AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, string email, string password, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/logga-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
            }),
        };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return client.SendAsync(request);
    }

    // ---- Headers ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("/")]
    [InlineData("/planer")]
    [InlineData("/api/v1/api-info")]
    [InlineData("/css/site.css")]
    [InlineData("/finns-inte")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        var response = await app.Anonymous().GetAsync(url);

        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
            string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.False(string.IsNullOrEmpty(string.Join(",", response.Headers.GetValues("X-Request-Id"))));
    }

    [Fact]
    public async Task NoPage_HasInlineScriptOrStyle_AndEveryPostFormCarriesAnAntiforgeryToken()
    {
        // Every page reachable by links from the start page, as a signed-in region admin (who sees the most forms).
        var client = app.As(AppFixture.RegionAdmin);
        var queue = new Queue<string>(["/", "/logga-in", "/importera", "/fel/404"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var checkedPages = 0;
        var forms = 0;
        while (queue.Count > 0 && checkedPages < 120)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            checkedPages++;
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{url} has no CSP");
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.Empty(EventHandlerAttribute().Matches(html).Select(m => $"{url}: {m.Value}"));
            Assert.Empty(StyleAttribute().Matches(html).Select(m => $"{url}: {m.Value}"));
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            foreach (Match form in PostForm().Matches(html))
            {
                forms++;
                Assert.True(form.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal), $"A post form on {url} has no antiforgery token: {form.Value[..Math.Min(200, form.Value.Length)]}");
            }
            foreach (Match link in Link().Matches(html))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (href.StartsWith("/api", StringComparison.Ordinal) || href.StartsWith("/openapi", StringComparison.Ordinal) || href.Contains("format=")) continue;
                if (seen.Add(href)) queue.Enqueue(href);
            }
        }
        // Not vacuous: the crawl reached the plan, agreement and organization pages and their forms.
        Assert.True(checkedPages >= 20, $"only {checkedPages} pages checked");
        Assert.True(forms >= 3, $"only {forms} post forms seen");
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("<[a-z][^>]*\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    // ---- Antiforgery and cookies -----------------------------------------------------------------------------

    [Fact]
    public async Task PostingAFormWithoutItsAntiforgeryToken_IsRefused()
    {
        var response = await app.Anonymous().PostAsync("/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppFixture.Viewer, ["Input.Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("samverkan.auth", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public async Task Cookies_AreHttpOnlyAndSameSite_AndSecureOverHttps(string scheme, bool secure)
    {
        await using var host = Host();
        var client = Client(host, scheme);
        var page = await client.GetAsync("/logga-in");
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("samverkan.af", StringComparison.Ordinal));
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;

        var signedIn = await SignInAsync(client, WebUtility.HtmlDecode(token), AppFixture.Viewer, Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("samverkan.auth", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, auth })
        {
            var flags = cookie.ToLowerInvariant();
            Assert.Contains("httponly", flags);
            Assert.Contains("samesite=", flags);
            Assert.Equal(secure, flags.Contains("; secure"));
        }
        Assert.Contains("samesite=lax", auth.ToLowerInvariant());
        Assert.Contains("samesite=strict", antiforgery.ToLowerInvariant());
    }

    [Fact]
    public async Task OutsideDevelopment_HttpsResponses_CarryHsts()
    {
        await using var host = Host();
        // HSTS is never sent for localhost, so the request names a real host.
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://samverkan.example") });

        var response = await client.GetAsync("/");

        Assert.StartsWith("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    // ---- Rate limits ---------------------------------------------------------------------------------------

    [Fact]
    public async Task SignIn_AfterTheAllowedNumberOfAttempts_Answers429_AsProblemJsonOrASwedishPage()
    {
        await using var host = Host(("RateLimits:SignIn:PermitLimit", "3"), ("RateLimits:SignIn:WindowSeconds", "3600"));
        var client = Client(host);
        var token = await AntiforgeryTokenAsync(client, "/logga-in");
        for (var i = 0; i < 3; i++)
        {
            // An account of its own here, so the failures count towards no other test's lockout.
            var wrong = await SignInAsync(client, token, AppFixture.Gavleborg, "fel-lösenord");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Fel e-postadress eller lösenord.", await wrong.Content.ReadAsStringAsync());
        }

        var refused = await SignInAsync(client, token, AppFixture.Viewer, Password);

        var problem = await refused.ProblemAsync(429, "request.rate-limited");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
        Assert.Equal("För många förfrågningar", problem.GetProperty("title").GetString());
        Assert.True(refused.Headers.RetryAfter is not null, "no Retry-After");
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("samverkan.auth", StringComparison.Ordinal));

        var person = await SignInAsync(client, token, AppFixture.Viewer, Password, accept: "text/html");

        Assert.Equal(HttpStatusCode.TooManyRequests, person.StatusCode);
        Assert.Contains("För många försök", await person.Content.ReadAsStringAsync());
        // Reading the sign-in page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/logga-in")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_OverItsQuota_Gets429ProblemJson_WhileAnotherTokenGoesOn()
    {
        await using var host = Host(("RateLimits:Api:PermitLimit", "5"), ("RateLimits:Api:WindowSeconds", "3600"));
        var busy = Client(host);
        busy.DefaultRequestHeaders.Authorization = app.As(AppFixture.Smedjebacken).DefaultRequestHeaders.Authorization;
        var other = Client(host);
        other.DefaultRequestHeaders.Authorization = app.As(AppFixture.Mora).DefaultRequestHeaders.Authorization;
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/plans?region=20")).StatusCode);

        var refused = await busy.GetAsync("/api/v1/plans?region=20");

        await refused.ProblemAsync(429, "request.rate-limited");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/plans?region=20")).StatusCode);
        // Anonymous reading of open data is not metered per token.
        Assert.Equal(HttpStatusCode.OK, (await Client(host).GetAsync("/api/v1/plans?region=20")).StatusCode);
    }

    // ---- Body limits ---------------------------------------------------------------------------------------

    [Fact]
    public async Task ABodyOverTheLimit_Gets413_BeforeAnythingIsRead_AndUploadsHaveTheirOwnLimit()
    {
        await using var host = Host(("Limits:RequestBodyBytes", "4096"), ("Limits:UploadBytes", "65536"));
        var client = Client(host);
        client.DefaultRequestHeaders.Authorization = app.As(AppFixture.RegionOfficer).DefaultRequestHeaders.Authorization;
        var before = await app.WrittenStateAsync();
        var big = $"{{\"regionCode\":\"20\",\"title\":\"{new string('x', 8000)}\",\"startYear\":2027,\"endYear\":2030}}";

        var json = await client.PostAsync("/api/v1/plans", new StringContent(big, Encoding.UTF8, "application/json"));

        var problem = await json.ProblemAsync(413, "request.too-large");
        Assert.Equal("För stor begäran", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
        Assert.Equal(before, await app.WrittenStateAsync());

        var form = await Client(host).PostAsync("/logga-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = new('a', 8000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);

        // An 8 KB document is over the ordinary limit but well within the upload limit: it is read (and found wanting), not refused.
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(new string('å', 4000))), "file", "dokument.txt" } };
        var read = await client.PostAsync("/api/v1/agreement-imports", upload);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, read.StatusCode);

        var tooBig = new MultipartFormDataContent { { new ByteArrayContent(new byte[70_000]), "file", "stor.txt" } };
        await (await client.PostAsync("/api/v1/agreement-imports", tooBig)).ProblemAsync(413, "request.too-large");
    }

    // ---- Errors and request ids ----------------------------------------------------------------------------

    [Fact]
    public async Task AnUnexpectedError_ShowsNoStackTraceOrMessage_OnlyARequestId()
    {
        await using var host = Host();
        var client = Client(host);

        var api = await client.GetAsync("/api/v1/test-fel");
        var page = await client.GetAsync("/test-fel");

        var problem = await api.ProblemAsync(500, "server.error");
        var requestId = problem.GetProperty("requestId").GetString();
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.Equal(requestId, string.Join(",", api.Headers.GetValues("X-Request-Id")));
        var apiBody = await api.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hemlig detalj", apiBody);
        Assert.DoesNotContain("InvalidOperationException", apiBody);
        Assert.DoesNotContain(" at ", apiBody);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Något gick fel", html);
        Assert.Contains(string.Join(",", page.Headers.GetValues("X-Request-Id")), html);
        Assert.DoesNotContain("hemlig detalj", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    [Fact]
    public async Task LogLinesOfARequest_CarryItsRequestId_AndTheConsoleWritesIt()
    {
        var captured = new CapturingLoggerProvider();
        await using var host = Host(b => b.ConfigureLogging(l => l.AddProvider(captured)));
        var response = await Client(host).GetAsync("/api/v1/test-fel");
        var requestId = (await response.ProblemAsync(500)).GetProperty("requestId").GetString();

        // The exception handler logs the failure; that line must name the request.
        Assert.Contains(captured.Lines, line => line.Level == LogLevel.Error && line.RequestId == requestId);
        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes,
            "the console log would drop the request id");
    }

    private sealed record LogLine(LogLevel Level, string? RequestId);

    /// <summary>Keeps each log line with the RequestId from its scopes (the host opens one scope per request).</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public System.Collections.Concurrent.ConcurrentQueue<LogLine> Lines { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? requestId = null;
                owner._scopes.ForEachScope((scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                        foreach (var (key, value) in values)
                            if (key == "RequestId") requestId = value?.ToString();
                }, (object?)null);
                owner.Lines.Enqueue(new LogLine(logLevel, requestId));
            }
        }
    }
}

/// <summary>Two endpoints that fail the way a bug does, after the app's own pipeline.</summary>
internal sealed class ThrowingEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        next(builder);
        builder.Map("/api/v1/test-fel", a => a.Run(_ => throw new InvalidOperationException("hemlig detalj i API:t")));
        builder.Map("/test-fel", a => a.Run(_ => throw new InvalidOperationException("hemlig detalj på sidan")));
    };
}
