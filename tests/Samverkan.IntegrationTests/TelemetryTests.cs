using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Samverkan.IntegrationTests;

/// <summary>
/// Logs, traces and metrics as an operator outside Development gets them: JSON console lines that carry the request's
/// trace id and request id (the same two ids its problem+json names), and, with Telemetry:Exporter=otlp, spans,
/// metrics and logs arriving at a collector (a fake one on 127.0.0.1).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TelemetryTests(AppFixture app)
{
    private WebApplicationFactory<Program> Host(string environment, Action<IWebHostBuilder>? configure, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in app.Database.Settings) b.UseSetting(key, value);
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.UseEnvironment(environment);
            // A failing endpoint, so a request writes an error log line.
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoints>());
            configure?.Invoke(b);
        });

    private static (string RequestId, string TraceId) Ids(JsonElement problem) =>
        (problem.GetProperty("requestId").GetString()!, problem.GetProperty("traceId").GetString()!);

    [Fact]
    public async Task OutsideDevelopment_ConsoleLinesAreJson_CarryingTheTraceIdAndRequestIdOfTheProblem()
    {
        var captured = new FormattingLoggerProvider();
        await using var host = Host("Production", b => b.ConfigureLogging(l => l.AddProvider(captured)),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Information"));
        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        captured.Formatter = host.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == options.FormatterName);

        var response = await host.CreateClient().GetAsync("/api/v1/test-fel");

        var (requestId, traceId) = Ids(await response.ProblemAsync(500, "server.error"));
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        var lines = captured.Lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => Scopes(l).Any(s => s.TryGetProperty("RequestPath", out var p) && p.GetString() == "/api/v1/test-fel")).ToList();
        // "Request starting", the exception handler's error and "Request finished", at least.
        Assert.True(lines.Count >= 3, $"only {lines.Count} lines of the request:\n{string.Join("\n", captured.Lines)}");
        Assert.Contains(lines, l => l.GetProperty("LogLevel").GetString() == "Error");
        foreach (var line in lines)
        {
            Assert.EndsWith("Z", line.GetProperty("Timestamp").GetString());
            Assert.Contains(Scopes(line), s => s.TryGetProperty("TraceId", out var t) && t.GetString() == traceId);
            Assert.Contains(Scopes(line), s => s.TryGetProperty("RequestId", out var r) && r.GetString() == requestId);
        }
        Assert.Equal(requestId, string.Join(",", response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task InDevelopment_ConsoleLinesStayReadableText()
    {
        await using var host = Host("Development", null);

        Assert.Equal(ConsoleFormatterNames.Simple, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task WithTheOtlpExporter_TheCollectorGetsSpansMetricsAndLogs_AndTheSpansCarryTheProblemsTraceId()
    {
        await using var collector = await FakeCollector.StartAsync();
        var spans = new List<Activity>();
        await using var host = Host("Production", b => b.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))),
            ("Telemetry:Exporter", "otlp"), ("Telemetry:Otlp:Endpoint", collector.Address), ("Telemetry:Otlp:Protocol", "http/protobuf"));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = app.As(AppFixture.RegionOfficer).DefaultRequestHeaders.Authorization;

        var notFound = Ids(await (await client.GetAsync($"/api/v1/plans/{Guid.NewGuid()}")).ProblemAsync(404));
        var failed = Ids(await (await client.GetAsync("/api/v1/test-fel")).ProblemAsync(500));
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("ÖVERENSKOMMELSE\n\nÖverenskommelse mellan Region Dalarna och Smedjebackens kommun 2027–2030\n")), "file", "avtal.txt" },
        };
        var imported = await client.PostAsync("/api/v1/agreement-imports", upload);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        // Every signal sent now, rather than at the exporters' own pace; a generous deadline, the machine may be busy.
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(30_000), "traces not flushed");
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000), "metrics not flushed");
        Assert.True(host.Services.GetRequiredService<LoggerProvider>().ForceFlush(30_000), "logs not flushed");

        var server = spans.Single(s => s.Kind == ActivityKind.Server && s.TraceId.ToHexString() == notFound.TraceId);
        Assert.Equal("/api/v1/plans/{id:guid}", server.GetTagItem("http.route"));
        Assert.Equal(404, server.GetTagItem("http.response.status_code"));
        var import = spans.Single(s => s.Source.Name == Samverkan.Common.SamverkanTracing.SourceName);
        Assert.Equal("import agreement document", import.DisplayName);
        Assert.Equal("txt", import.GetTagItem("document.type"));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.SpanId == import.ParentSpanId && (string?)s.GetTagItem("http.route") == "/api/v1/agreement-imports");
        Assert.DoesNotContain(spans, s => s.DisplayName.Contains("readyz", StringComparison.Ordinal));

        // OTLP is protobuf: trace ids travel as their 16 bytes, names as UTF-8.
        Assert.True(collector.Received("/v1/traces", Convert.FromHexString(notFound.TraceId)), collector.Summary());
        Assert.True(collector.Received("/v1/logs", Convert.FromHexString(failed.TraceId)), collector.Summary());
        Assert.True(collector.Received("/v1/metrics", "samverkan.document_imports"u8.ToArray()), collector.Summary());
        Assert.True(collector.Received("/v1/metrics", "http.server.request.duration"u8.ToArray()), collector.Summary());
    }

    [Fact]
    public async Task AnUnknownExporter_StopsTheStart_NamingTheSetting()
    {
        await using var host = Host("Production", null, ("Telemetry:Exporter", "zipkin"));

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Telemetry:Exporter is 'zipkin'", error.ToString());
    }

    private static IEnumerable<JsonElement> Scopes(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes) ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object) : [];

    /// <summary>Formats every log entry with the console formatter the app chose, exactly as the console would print it.</summary>
    private sealed class FormattingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConsoleFormatter? Formatter { get; set; }
        public ConcurrentQueue<string> Lines { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(FormattingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (owner.Formatter is not { } console) return;
                using var writer = new StringWriter();
                console.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, writer);
                foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) owner.Lines.Enqueue(line);
            }
        }
    }

    /// <summary>An OTLP/HTTP endpoint on a free port of 127.0.0.1 that keeps what it is sent.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

        private FakeCollector(WebApplication app) => _app = app;

        public string Address => _app.Urls.First();

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._received.Enqueue((context.Request.Path, body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return collector;
        }

        public bool Received(string path, byte[] needle) =>
            _received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(needle) >= 0);

        public string Summary() => "received: " + string.Join(", ", _received.Select(r => $"{r.Path} ({r.Body.Length} bytes)"));

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
