using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Web.Infrastructure;

public static class WebSetup
{
    public const string SignInPath = "/logga-in";

    public static IServiceCollection AddSamverkanWeb(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(User), services).AddSignInManager().AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Samverkan";
                o.DefaultChallengeScheme = "Samverkan";
            })
            // API clients send a bearer token, browsers a cookie; one policy scheme picks per request.
            .AddPolicyScheme("Samverkan", "Cookie eller API-nyckel", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = "/logga-ut";
            o.AccessDeniedPath = "/atkomst-nekad";
            o.Cookie.Name = "samverkan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API never redirects to a sign-in page: it answers problem+json.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, 401, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, 403, () => ctx.Response.Redirect(ctx.RedirectUri));
        });
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "samverkan.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The security headers send X-Frame-Options: DENY on every response already.
            o.SuppressXFrameOptionsHeader = true;
        });

        // Swedish letters are written as they are, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Samverkan API";
            doc.Info.Version = "v1";
            doc.Info.Description = "Kultursamverkansmodellen som öppna data: regioner, kommuner, institutioner, kulturplaner och mål.";
            return Task.CompletedTask;
        }));
        services.AddRazorPages();
        services.AddSamverkanProbes();
        return services;
    }

    private static Task ApiOr(HttpContext context, int status, Action browser)
    {
        if (!IsApi(context.Request)) { browser(); return Task.CompletedTask; }
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status).ExecuteAsync(context);
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Resolves who acts once per request, for every use case and the audit log.</summary>
    public static IApplicationBuilder UseActor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var actors = context.RequestServices.GetRequiredService<ActorContext>();
        actors.Channel = IsApi(context.Request) ? "api" : "web";
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
            actors.Current = await context.RequestServices.GetRequiredService<ResolveActor>().ForUserAsync(userId, context.RequestAborted);
        await next(context);
    });

    /// <summary>
    /// Evidence files are uploaded by outsiders: they must never be reachable as static files. Refuses to start when the
    /// configured folder lies inside the web root.
    /// </summary>
    public static void CheckEvidenceFolder(this WebApplication app)
    {
        var folder = app.Services.GetRequiredService<FollowUp.EvidenceOptions>().Folder;
        var webRoot = app.Environment.WebRootPath;
        if (string.IsNullOrEmpty(webRoot)) return;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot)) + Path.DirectorySeparatorChar;
        if ((Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
            throw new InvalidOperationException($"Evidence:Folder ({folder}) lies inside the web root ({webRoot}); choose a folder outside it.");
    }

    /// <summary>Only the embedded SQLite default migrates and seeds itself; production runs <c>samverkan migrate</c>.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (!settings.MigratesOnStart(app.Configuration)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actors.Current = Actor.Operator("start");
        actors.Channel = "cli";
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync();
        if (app.Configuration.GetValue("Database:SeedDemo", true) && await migrator.SeedDemoAsync())
            app.Logger.LogInformation("Demodata för Region Dalarna har lagts in.");
    }
}
