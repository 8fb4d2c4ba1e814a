using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samverkan.Common;

namespace Samverkan.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces, metrics and logs, sent where <c>Telemetry:Exporter</c> says: <c>none</c> (the default: nothing
/// is registered, so development and tests pay nothing), <c>otlp</c> (a collector; <c>Telemetry:Otlp:Endpoint</c> and
/// <c>:Protocol</c>, or the standard OTEL_EXPORTER_OTLP_* variables) or <c>console</c> (to standard output, for a look
/// without a collector). The console log itself is configured under <c>Logging:Console</c> (JSON outside Development).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "samverkan";

    /// <summary>Probes are asked every few seconds by the orchestrator; their spans would drown the rest.</summary>
    private static readonly string[] Unsampled = ["/healthz", "/readyz"];

    public static IHostApplicationBuilder AddSamverkanTelemetry(this IHostApplicationBuilder builder)
    {
        var exporter = (builder.Configuration["Telemetry:Exporter"] ?? "").Trim().ToLowerInvariant();
        if (exporter is "" or "none") return builder;
        if (exporter is not ("otlp" or "console"))
            throw new InvalidOperationException($"Telemetry:Exporter is '{builder.Configuration["Telemetry:Exporter"]}'; use none, otlp or console.");

        var version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: version, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !Unsampled.Any(p => http.Request.Path.StartsWithSegments(p)))
                // Npgsql has its own ActivitySource and Meter: database calls on PostgreSQL get spans without the EF Core
                // instrumentation, which is still a beta.
                .AddSource(SamverkanTracing.SourceName, "Npgsql"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                // .NET's own runtime meter (GC, thread pool, exceptions); the runtime instrumentation package only turns this on.
                .AddMeter(SamverkanMetrics.MeterName, "System.Runtime", "Npgsql"))
            .WithLogging(_ => { }, o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });

        if (exporter == "console")
        {
            otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter()).WithLogging(l => l.AddConsoleExporter());
            return builder;
        }
        var endpoint = builder.Configuration["Telemetry:Otlp:Endpoint"];
        var protocol = (builder.Configuration["Telemetry:Otlp:Protocol"] ?? "").Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT and _PROTOCOL itself (default: gRPC to localhost:4317).
            otel.UseOtlpExporter();
            return builder;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InvalidOperationException($"Telemetry:Otlp:Endpoint '{endpoint}' is not an absolute URL.");
        otel.UseOtlpExporter(protocol switch
        {
            "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"Telemetry:Otlp:Protocol is '{protocol}'; use grpc or http/protobuf."),
        }, uri);
        return builder;
    }
}
