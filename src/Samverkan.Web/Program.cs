using Samverkan.Data;
using Samverkan.Documents;
using Samverkan.Reminders;
using Samverkan.Web.Api;
using Samverkan.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSamverkanCore(builder.Configuration);
builder.Services.AddSamverkanDocuments();
builder.Services.AddSamverkanWeb();
builder.Services.AddOutboxSender(builder.Configuration);
builder.Services.AddFollowUpReminders();

var app = builder.Build();
app.CheckEvidenceFolder();
await app.PrepareDatabaseAsync();

app.UseServerTiming();
app.UseExceptionHandler();
// The API answers problem+json; people get a Swedish page.
app.UseWhen(c => WebSetup.IsApi(c.Request), api => api.UseStatusCodePages());
app.UseWhen(c => !WebSetup.IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/fel/{0}"));
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseActor();
app.UseAuthorization();
app.UseAntiforgery();

// The route table, by business area.
app.MapHealthChecks("/healthz", new() { Predicate = c => c.Tags.Contains("live") });
app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") });
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
app.MapDialogueApi();
app.MapAuditApi();
app.MapRazorPages();
app.MapBenchmarkEndpoints();

app.Run();

public partial class Program;
