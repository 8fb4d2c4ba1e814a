using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Samverkan.Web.Infrastructure;

/// <summary>Request body limits in bytes (configuration section <c>Limits</c>).</summary>
public sealed class RequestLimits
{
    /// <summary>Ordinary forms and JSON. Agreements are the largest such bodies and stay far below this.</summary>
    public long RequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Endpoints marked <see cref="AcceptsUploadAttribute"/>: document import.</summary>
    public long UploadBytes { get; set; } = 25 * 1024 * 1024;
}

/// <summary>Marks a page or endpoint that takes a file, so it gets <see cref="RequestLimits.UploadBytes"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsUploadAttribute : Attribute;

/// <summary>One fixed-window rate limit (configuration sections <c>RateLimits:SignIn</c> and <c>RateLimits:Api</c>).</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}

/// <summary>
/// What the app does for every response regardless of page or endpoint: security headers, body limits and
/// rate limits. The values are in docs/security.md with the tests that show them.
/// </summary>
public static class Hardening
{
    /// <summary>No inline script or style anywhere: every script and stylesheet is a file under wwwroot.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public static IServiceCollection AddSamverkanHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Limits").Get<RequestLimits>() ?? new RequestLimits();
        services.AddSingleton(limits);
        // Kestrel's own ceiling is the largest body any endpoint takes; the middleware below lowers it per endpoint.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = limits.UploadBytes;
            // No "Server: Kestrel": the version of what runs is nobody's business outside.
            o.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = limits.UploadBytes);

        // Behind a reverse proxy on the same host (loopback is trusted by default) the client's address and scheme
        // come from X-Forwarded-For/-Proto, so rate limits see the real client and cookies know HTTPS.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders =
            Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);

        var signIn = Limit(configuration, "SignIn", permits: 20, seconds: 60);
        var api = Limit(configuration, "Api", permits: 600, seconds: 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Password guessing: sign-in attempts per client address, whatever account they try.
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(WebSetup.SignInPath, StringComparison.OrdinalIgnoreCase))
                    return Window("sign-in:" + context.Connection.RemoteIpAddress, signIn);
                // API clients: a quota per token (a hash of it, so the limiter holds no usable secret).
                var authorization = context.Request.Headers.Authorization.ToString();
                if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    return Window("token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization))), api);
                return RateLimitPartition.GetNoLimiter("none");
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A person gets the Swedish error page (status code pages re-execute the empty 429); programs get problem+json.
                if (!WebSetup.IsApi(context.Request) && AcceptsHtml(context.Request)) return;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = "För många förfrågningar på kort tid. Vänta en stund och försök igen.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimit Limit(IConfiguration configuration, string name, int permits, int seconds)
    {
        var limit = configuration.GetSection($"RateLimits:{name}").Get<RateLimit>() ?? new RateLimit();
        if (limit.PermitLimit <= 0) limit.PermitLimit = permits;
        if (limit.WindowSeconds <= 0) limit.WindowSeconds = seconds;
        return limit;
    }

    private static RateLimitPartition<string> Window(string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Security headers on every response, pages, API and static files alike.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A response may set a stricter policy of its own (evidence downloads add sandbox); keep it.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // Lets an operator find the log lines of a request someone reports (the same id is in every problem+json).
            headers["X-Request-Id"] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Refuses a body larger than the endpoint allows before it is read: at once by Content-Length, and through
    /// the server's body-size feature for chunked bodies (Kestrel enforces it while reading).
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The error page re-executed for a 413 must not be refused again for the same body.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        var limits = context.RequestServices.GetRequiredService<RequestLimits>();
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadAttribute>() is null ? limits.RequestBodyBytes : limits.UploadBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            // Pages get the Swedish error page from status code pages; the API gets problem+json there too.
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        await next(context);
    });

    /// <summary>
    /// A body over the server's limit surfaces as <see cref="BadHttpRequestException"/> with its own status (413);
    /// everything else is a bug and answers 500 with no detail beyond the request id.
    /// </summary>
    public static ExceptionHandlerOptions ExceptionHandling(string? path) => new()
    {
        ExceptionHandlingPath = path,
        StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode
            // A NUL in text is the caller's input, on every database alike (Data/NulGuard.cs).
            : Data.NulInTextException.In(e) is not null ? StatusCodes.Status400BadRequest
            : StatusCodes.Status500InternalServerError,
        // Bad input is not a server fault: no error log line, no exception telemetry for it.
        SuppressDiagnosticsCallback = c => Data.NulInTextException.In(c.Exception) is not null,
    };

    /// <summary>Secure when the request is HTTPS, never readable from script, and not sent on cross-site posts.</summary>
    public static IApplicationBuilder UseSamverkanCookiePolicy(this IApplicationBuilder app) => app.UseCookiePolicy(new CookiePolicyOptions
    {
        HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always,
        Secure = CookieSecurePolicy.SameAsRequest,
        MinimumSameSitePolicy = SameSiteMode.Lax,
    });
}
