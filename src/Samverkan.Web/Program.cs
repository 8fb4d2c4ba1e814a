using Samverkan.Data;
using Samverkan.Documents;
using Samverkan.Reminders;
using Samverkan.Web.Api;
using Samverkan.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSamverkanCore(builder.Configuration);
builder.Services.AddSamverkanDocuments();
builder.Services.AddSamverkanWeb();
builder.Services.AddSamverkanHardening(builder.Configuration);
builder.Services.AddOutboxSender(builder.Configuration);
builder.Services.AddFollowUpReminders();
builder.AddSamverkanTelemetry();

var app = builder.Build();
app.CheckEvidenceFolder();
await app.PrepareDatabaseAsync();

app.UseForwardedHeaders();
app.UseServerTiming();
app.UseSecurityHeaders();
// Outside Development no stack trace leaves the server: an exception becomes problem+json or the Swedish error page.
app.UseWhen(c => WebSetup.IsApi(c.Request), api => api.UseExceptionHandler(Hardening.ExceptionHandling(path: null)));
app.UseWhen(c => !WebSetup.IsApi(c.Request), pages => pages.UseExceptionHandler(Hardening.ExceptionHandling(path: "/fel/500")));
if (!app.Environment.IsDevelopment()) app.UseHsts();
// The API answers problem+json; people get a Swedish page.
app.UseWhen(c => WebSetup.IsApi(c.Request), api => api.UseStatusCodePages());
app.UseWhen(c => !WebSetup.IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/fel/{0}"));
app.UseStaticFiles();
app.UseSamverkanCookiePolicy();
app.UseRouting();
app.UseRequestLimits();
// Before authentication, so a client over its quota costs no token lookup.
app.UseRateLimiter();
app.UseAuthentication();
app.UseActor();
app.UseAuthorization();
app.UseAntiforgery();

// The route table, by business area.
app.MapSamverkanProbes();
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Samverkan API v1");
    o.RoutePrefix = "api-docs";
    o.DocumentTitle = "Samverkan API";
});
app.MapApiInfoApi();
app.MapOrganizationsApi();
app.MapPlansApi();
app.MapAgreementsApi();
app.MapAgreementDocumentsApi();
app.MapAgreementImportsApi();
app.MapAgreementTemplatesApi();
app.MapAgreementComparisonsApi();
app.MapFollowUpApi();
app.MapFollowUpReportsApi();
app.MapDialogueApi();
app.MapAuditApi();
app.MapRazorPages();
app.MapBenchmarkEndpoints();

app.Run();

public partial class Program;
