using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverkan.Agreements;
using Samverkan.Notifications;
using Samverkan.Web.Infrastructure;
using static Samverkan.IntegrationTests.PageChecks;

namespace Samverkan.IntegrationTests;

/// <summary>
/// The agreement pages through HTTP as a browser without JavaScript uses them: signed in with the cookie
/// through the sign-in form, every form posted with the fields it renders and its antiforgery token.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementPagesTests(AppFixture app)
{
    [Fact]
    public async Task Lifecycle_ThroughThePages_FromCreateToSignedAndPublic()
    {
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var municipality = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        var title = "Sidtest: överenskommelse mellan Smedjebackens kommun och Region Dalarna 2031–2034";

        // Create: a draft with the two standard headings, then straight to the editor.
        var id = await CreateAsync(region, title);
        var editor = await region.GetAsync($"/overenskommelser/{id}/redigera");
        Assert.Contains("value=\"Bakgrund\"", editor.Html);
        Assert.Contains("value=\"Områden för överenskommelsen\"", editor.Html);
        AssertAccessibleBasics(editor.Html);

        // Structural commands redraw the form and keep what was typed.
        editor = await region.SubmitAsync(editor, EditorForm, new() { ["Input.Note"] = ["Första texten"] }, ("command", "add-item:1"));
        Assert.Contains("Input.Sections[1].Items[0].Text", editor.Html);
        editor = await region.SubmitAsync(editor, EditorForm, new()
        {
            ["Input.Sections[1].Items[0].Text"] = ["Alla invånare ska kunna möta professionell scenkonst nära där de bor."],
            ["Input.Sections[1].Items[0].Style"] = ["bullet"],
        }, ("command", "add-commitment:1:0"));
        Assert.Contains("Alla invånare ska kunna möta professionell scenkonst nära där de bor.", editor.Html);
        Assert.Contains("Input.Sections[1].Items[0].Commitments[0].Text", editor.Html);
        editor = await region.SubmitAsync(editor, EditorForm, new()
        {
            ["Input.Sections[1].Items[0].Commitments[0].Text"] = ["Region och kommun följer tillsammans upp publiken varje år."],
            ["Input.Sections[1].Items[0].Commitments[0].Parties"] = ["20", "2061"],
            ["Input.Sections[1].Items[0].Commitments[0].Indicator"] = ["Publik per år"],
            ["Input.Sections[1].Items[0].Commitments[0].Target"] = ["1 000"],
        }, ("command", "add-commitment:1:0"));
        Assert.Contains("Region och kommun följer tillsammans upp publiken varje år.", editor.Html);
        var saved = await region.SubmitAsync(editor, EditorForm, new()
        {
            ["Input.Sections[1].Items[0].Commitments[1].Text"] = ["Regionen ordnar två regionala träffar om Skapande skola varje år."],
            ["Input.Sections[1].Items[0].Commitments[1].Parties"] = ["20"],
            ["Input.Signatures[0].Name"] = ["Regionens ordförande"],
            ["Input.Signatures[0].Role"] = ["Ordförande kultur- och bildningsnämnden"],
            ["Input.Signatures[0].Place"] = ["Falun"],
            ["Input.Signatures[1].Name"] = ["Kommunens ordförande"],
            ["Input.Signatures[1].Place"] = ["Smedjebacken"],
        }, ("command", "save"), expect: HttpStatusCode.Redirect);
        Assert.Equal($"/overenskommelser/{id}", saved.Location);
        var detail = await region.GetAsync($"/overenskommelser/{id}");
        Assert.Contains("Version 2 är sparad.", detail.Html);
        Assert.Contains("Gemensamt", detail.Html);
        Assert.Contains("Publik per år", detail.Html);
        Assert.Contains("Regionen ordnar två regionala träffar om Skapande skola varje år.", detail.Html);
        AssertAccessibleBasics(detail.Html);

        // Commitment ids are hidden fields: they survive an edit through the page.
        var idsBefore = await CommitmentIdsAsync(id);
        Assert.Equal(2, idsBefore.Count);
        editor = await region.GetAsync($"/overenskommelser/{id}/redigera");
        await region.SubmitAsync(editor, EditorForm, new()
        {
            ["Input.Sections[1].Items[0].Commitments[1].Text"] = ["Regionen ordnar tre regionala träffar om Skapande skola och konstnärlig gestaltning varje år."],
        }, ("command", "save"), expect: HttpStatusCode.Redirect);
        Assert.Equal(idsBefore, await CommitmentIdsAsync(id));

        // Stale: both open version 3; the region saves first; the municipality's save is refused, its text kept.
        var regionEditor = await region.GetAsync($"/overenskommelser/{id}/redigera");
        var municipalityEditor = await municipality.GetAsync($"/overenskommelser/{id}/redigera");
        regionEditor = await region.SubmitAsync(regionEditor, EditorForm, new(), ("command", "add-item:0"));
        await region.SubmitAsync(regionEditor, EditorForm, new()
        {
            ["Input.Sections[0].Items[0].Text"] = ["Överenskommelsen utgår från den regionala kulturplanen."],
        }, ("command", "save"), expect: HttpStatusCode.Redirect);
        var before = await app.WrittenStateAsync();
        var stale = await municipality.SubmitAsync(municipalityEditor, EditorForm, new()
        {
            ["Input.Title"] = ["Kommunens egen titel som inte får försvinna"],
        }, ("command", "save"));
        Assert.Contains("har sparats i version 4", stale.Html);
        Assert.Contains("Kommunens egen titel som inte får försvinna", stale.Html);
        Assert.Contains("Hämta senaste versionen", stale.Html);
        Assert.Contains(Regex.Matches(stale.Html, "<ins>(.*?)</ins>"), m => m.Groups[1].Value.Contains("regionala kulturplanen"));
        Assert.Contains("name=\"Input.BaseVersion\" value=\"3\"", stale.Html);
        Assert.Equal(before, await app.WrittenStateAsync());
        AssertAccessibleBasics(stale.Html);

        // The public sees nothing of a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/offentligt/overenskommelser/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/overenskommelser/{id}")).StatusCode);

        // To negotiation.
        detail = await region.GetAsync($"/overenskommelser/{id}");
        await region.SubmitAsync(detail, HandlerForm("Status", "negotiation"), new(), expect: HttpStatusCode.Redirect);
        detail = await region.GetAsync($"/overenskommelser/{id}");
        Assert.Contains("status-negotiation", detail.Html);
        Assert.Contains("skickad till förhandling", detail.Html);

        // The municipality comments on an item and proposes new wording for a commitment.
        var negotiation = await municipality.GetAsync($"/overenskommelser/{id}/forhandling?del={Uri.EscapeDataString("sections[1].items[0]")}");
        AssertAccessibleBasics(negotiation.Html);
        await municipality.SubmitAsync(negotiation, HandlerForm("Comment"), new() { ["Comment.Text"] = ["Kan vi nämna dans?"] }, expect: HttpStatusCode.Redirect);
        negotiation = await municipality.GetAsync($"/overenskommelser/{id}/forhandling?del={Uri.EscapeDataString("sections[1].items[0].commitments[1]")}");
        Assert.Contains("Regionen ordnar tre regionala träffar", Between(negotiation.Html, "id=\"Proposal_ProposedText\"", "</textarea>"));
        await municipality.SubmitAsync(negotiation, HandlerForm("Propose"), new()
        {
            ["Proposal.ProposedText"] = ["Regionen ordnar fyra regionala träffar om Skapande skola varje år."],
            ["Proposal.Reason"] = ["Fler kommuner vill delta."],
        }, expect: HttpStatusCode.Redirect);

        // The region sees both among the other side's open points and accepts the proposal: a new version.
        negotiation = await region.GetAsync($"/overenskommelser/{id}/forhandling");
        var counterpart = Between(negotiation.Html, "Motpartens öppna punkter", "</aside>");
        Assert.Contains("Kan vi nämna dans?", counterpart);
        Assert.Contains("Förslag som väntar på svar (1)", counterpart);
        await region.SubmitAsync(negotiation, HandlerForm("Answer"), new(), ("accept", "true"), expect: HttpStatusCode.Redirect);
        detail = await region.GetAsync($"/overenskommelser/{id}");
        Assert.Contains("Regionen ordnar fyra regionala träffar om Skapande skola varje år.", detail.Html);
        Assert.Contains("Version 5", detail.Html);

        // Both approve version 5: agreed.
        await region.SubmitAsync(detail, HandlerForm("Approve"), new(), expect: HttpStatusCode.Redirect);
        detail = await municipality.GetAsync($"/overenskommelser/{id}");
        Assert.Contains("Godkänd av Region Dalarna", detail.Html);
        await municipality.SubmitAsync(detail, HandlerForm("Approve"), new(), expect: HttpStatusCode.Redirect);
        detail = await municipality.GetAsync($"/overenskommelser/{id}");
        Assert.Contains("status-agreed", detail.Html);

        // Signing needs the confirmation; then the region signs electronically with the prefilled signatory line.
        var sign = await region.GetAsync($"/overenskommelser/{id}/underskrift");
        AssertAccessibleBasics(sign.Html);
        Assert.Contains("value=\"Regionens ordförande\"", sign.Html);
        Assert.Matches("[0-9a-f]{64}", sign.Html);
        var refused = await region.SubmitAsync(sign, f => f.Html.Contains("Input.Confirm"), new());
        Assert.Contains("Kryssa i att du har läst versionen", refused.Html);
        await region.SubmitAsync(sign, f => f.Html.Contains("Input.Confirm"), new() { ["Input.Confirm"] = ["true"] }, expect: HttpStatusCode.Redirect);

        // The municipality's officer records the paper signature.
        sign = await municipality.GetAsync($"/overenskommelser/{id}/underskrift?satt=paper");
        Assert.Matches("id=\"method-paper\"[^>]*checked", sign.Html);
        await municipality.SubmitAsync(sign, f => f.Html.Contains("Input.Confirm"), new() { ["Input.Confirm"] = ["true"], ["Input.Date"] = ["2031-01-10"] },
            expect: HttpStatusCode.Redirect);
        detail = await municipality.GetAsync($"/overenskommelser/{id}");
        Assert.Contains("Alla parter har skrivit under version 5", detail.Html);
        Assert.Contains("status-signed", detail.Html);

        // The receipt: both approvals and signatures, both methods, and the hash checks out.
        var receipt = await region.GetAsync($"/overenskommelser/{id}/kvitto");
        AssertAccessibleBasics(receipt.Html);
        Assert.Contains("Kontrollsumman stämmer.", receipt.Html);
        Assert.DoesNotContain("stämmer INTE", receipt.Html);
        Assert.Contains("Elektroniskt", receipt.Html);
        Assert.Contains("På papper", receipt.Html);
        Assert.Contains($"/api/v1/agreements/{id}/receipt", receipt.Html);

        // Public now: the page, the receipt (without IP addresses) and the lists.
        var anonymous = new Browser(app.Anonymous());
        var pub = await anonymous.GetAsync($"/offentligt/overenskommelser/{id}");
        AssertAccessibleBasics(pub.Html);
        Assert.Contains("Regionen ordnar fyra regionala träffar", pub.Html);
        Assert.Contains($"/api/v1/public/agreements/{id}", pub.Html);
        Assert.Matches("[0-9a-f]{64}", pub.Html);
        var publicReceipt = await anonymous.GetAsync($"/overenskommelser/{id}/kvitto");
        Assert.Contains("Kontrollsumman stämmer.", publicReceipt.Html);
        Assert.DoesNotContain("IP-adress", publicReceipt.Html);
        Assert.Contains(title, (await anonymous.GetAsync("/offentligt/overenskommelser?region=20&ar=2032")).Html);
        Assert.Contains(title, (await anonymous.GetAsync("/overenskommelser?region=20&ar=2032")).Html);
        Assert.DoesNotContain(title, (await anonymous.GetAsync("/offentligt/overenskommelser?region=20&ar=2024")).Html);

        // Versions and the word diff between the first and the signed version.
        var versions = await region.GetAsync($"/overenskommelser/{id}/versioner");
        AssertAccessibleBasics(versions.Html);
        Assert.Contains("Första texten", versions.Html);
        Assert.Contains("Undertecknad", versions.Html);
        var diff = await region.GetAsync($"/overenskommelser/{id}/jamfor?fran=2&till=5");
        AssertAccessibleBasics(diff.Html);
        Assert.Contains("<ins>", diff.Html);
        Assert.Contains("<del>", diff.Html);
        Assert.Matches(@"\d+ ord tillagda, \d+ borttagna", diff.Html);
        Assert.Contains(Regex.Matches(diff.Html, "<ins>(.*?)</ins>"), m => m.Groups[1].Value.Contains("fyra"));
        Assert.Contains(Regex.Matches(diff.Html, "<del>(.*?)</del>"), m => m.Groups[1].Value.Contains("två"));

        // An amendment reopens a draft while the signed version stays public.
        detail = await region.GetAsync($"/overenskommelser/{id}");
        var amended = await region.SubmitAsync(detail, HandlerForm("Amend"), new(), expect: HttpStatusCode.Redirect);
        Assert.Equal($"/overenskommelser/{id}/redigera", amended.Location);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/offentligt/overenskommelser/{id}")).StatusCode);
    }

    [Fact]
    public async Task Pages_RefuseWhatTheUseCasesRefuse()
    {
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var id = await CreateAsync(region, "Sidtest: behörigheter");

        // Anonymous: drafts do not exist, work pages ask for sign-in.
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/overenskommelser/{id}")).StatusCode);
        var editor = await anonymous.GetAsync($"/overenskommelser/{id}/redigera");
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.Contains("/logga-in?ReturnUrl=", editor.Headers.Location?.OriginalString);

        // Another municipality: the draft is not there for it.
        var mora = await Browser.SignInAsync(app, AppFixture.Mora);
        await mora.GetAsync($"/overenskommelser/{id}", HttpStatusCode.NotFound);
        await mora.GetAsync($"/overenskommelser/{id}/redigera", HttpStatusCode.NotFound);

        // A municipality officer may not start agreements on the region's behalf.
        var smedjebacken = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        await smedjebacken.GetAsync("/overenskommelser/ny", HttpStatusCode.Forbidden);

        // Withdrawing asks for a confirmation first.
        var detail = await region.GetAsync($"/overenskommelser/{id}");
        var refused = await region.SubmitAsync(detail, HandlerForm("Withdraw"), new());
        Assert.Contains("Kryssa i att du vill återkalla", refused.Html);
        await region.SubmitAsync(detail, HandlerForm("Withdraw"), new() { ["confirm"] = ["true"] }, expect: HttpStatusCode.Redirect);
        Assert.Contains("status-withdrawn", (await region.GetAsync($"/overenskommelser/{id}")).Html);

        // Approving a draft is a conflict shown as a form error, not an exception page.
        var id2 = await CreateAsync(region, "Sidtest: godkänna utkast");
        detail = await region.GetAsync($"/overenskommelser/{id2}");
        Assert.DoesNotContain("handler=Approve", detail.Html);
        var conflict = await region.PostFormAsync($"/overenskommelser/{id2}?handler=Approve", detail, new() { ["version"] = ["1"] });
        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains("Bara en överenskommelse under förhandling kan godkännas.", conflict.Html);
        Assert.Contains("error-summary", conflict.Html);

        // Creating without a municipality is a form error linked to the field.
        var create = await region.GetAsync("/overenskommelser/ny");
        var invalid = await region.SubmitAsync(create, f => f.Html.Contains("Input.MunicipalityCode"), new() { ["Input.MunicipalityCode"] = [""] });
        Assert.Contains("href=\"#Input_MunicipalityCode\"", invalid.Html);
        var badYear = await region.SubmitAsync(create, f => f.Html.Contains("Input.MunicipalityCode"), new() { ["Input.FromYear"] = ["tjugo"] });
        Assert.Contains("Ange årtalet med fyra siffror", badYear.Html);
        Assert.DoesNotContain("is not valid", badYear.Html);
    }

    [Fact]
    public async Task Editor_AddsMovesAndRemovesRows_AndDropsRowsLeftEmpty()
    {
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var id = await CreateAsync(region, "Sidtest: redigerarens knappar");
        var editor = await region.GetAsync($"/overenskommelser/{id}/redigera");
        editor = await region.SubmitAsync(editor, EditorForm, new(), ("command", "add-item:0"));
        editor = await region.SubmitAsync(editor, EditorForm, new() { ["Input.Sections[0].Items[0].Text"] = ["Första stycket."] }, ("command", "add-item:0"));
        editor = await region.SubmitAsync(editor, EditorForm, new() { ["Input.Sections[0].Items[1].Text"] = ["Andra stycket."] }, ("command", "move-item-up:0:1"));
        Assert.Contains("är flyttat upp", editor.Html);
        Assert.True(editor.Html.IndexOf("Andra stycket.", StringComparison.Ordinal) < editor.Html.IndexOf("Första stycket.", StringComparison.Ordinal));
        editor = await region.SubmitAsync(editor, EditorForm, new(), ("command", "move-section-up:1"));
        Assert.True(editor.Html.IndexOf("value=\"Områden för överenskommelsen\"", StringComparison.Ordinal) < editor.Html.IndexOf("value=\"Bakgrund\"", StringComparison.Ordinal));
        editor = await region.SubmitAsync(editor, EditorForm, new(), ("command", "remove-section:0"));
        Assert.DoesNotContain("value=\"Områden för överenskommelsen\"", editor.Html);
        // Subsections nest to any depth and bind by index like the rest.
        editor = await region.SubmitAsync(editor, EditorForm, new(), ("command", "add-subsection:0"));
        editor = await region.SubmitAsync(editor, EditorForm, new() { ["Input.Sections[0].Sections[0].Heading"] = ["Grundläggande värden"] }, ("command", "add-item:0.0"));
        Assert.Contains("Avsnitt 1.1, stycke 1", editor.Html);
        editor = await region.SubmitAsync(editor, EditorForm, new() { ["Input.Sections[0].Sections[0].Items[0].Text"] = ["Ett värde."] }, ("command", "add-section"));
        // A section, an item and a commitment added and never filled in are not saved (and are no error).
        editor = await region.SubmitAsync(editor, EditorForm, new(), ("command", "add-commitment:0:0"));
        await region.SubmitAsync(editor, EditorForm, new(), ("command", "save"), expect: HttpStatusCode.Redirect);
        var saved = await app.QueryAsync(db => db.Set<AgreementVersion>().Where(v => v.AgreementId == id).OrderByDescending(v => v.Number).Select(v => v.ContentJson).FirstAsync());
        var content = AgreementJson.Deserialize(saved)!;
        Assert.Equal(["Bakgrund"], content.Sections.Select(s => s.Heading));
        Assert.Equal(["Andra stycket.", "Första stycket."], content.Sections[0].Items.Select(i => i.Text));
        Assert.Empty(content.Sections[0].Items.SelectMany(i => i.Commitments));
        Assert.Equal("Grundläggande värden", content.Sections[0].Sections.Single().Heading);
        Assert.Equal("Ett värde.", content.Sections[0].Sections[0].Items.Single().Text);
    }

    [Fact]
    public async Task OutboxPage_DoesNotExistOutsideDevelopment()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/utveckling/utkorg")).StatusCode);
    }

    [Fact]
    public async Task OutboxSender_SendsDueMessages_AndRecordsFailuresWithBackoff()
    {
        var marker = Guid.NewGuid().ToString("N");
        var ok = new OutboxMessage { Kind = "comment", To = $"ok-{marker}@test.example", Subject = "Hej", Body = "Text", CreatedAt = DateTime.UtcNow, RelatedId = marker };
        var bad = new OutboxMessage { Kind = "comment", To = $"fail-{marker}@test.example", Subject = "Hej", Body = "Text", CreatedAt = DateTime.UtcNow, RelatedId = marker };
        await app.QueryAsync(async db => { db.AddRange(ok, bad); return await db.SaveChangesAsync(); });

        var transport = new FakeTransport();
        var settings = new SmtpSettings();
        OutboxSender sender = null!;
        await app.AsOperatorAsync(sp =>
        {
            sender = new OutboxSender(sp.GetRequiredService<IServiceScopeFactory>(), transport, new FixedOptions(settings), TimeProvider.System,
                NullLogger<OutboxSender>.Instance);
            return Task.CompletedTask;
        });

        // Without Smtp:Host nothing is sent.
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Empty(transport.Sent);

        // Other tests have queued mail too; rounds go oldest first, so run until these two have had their turn.
        settings.Host = "mail.test.example";
        for (var round = 0; round < 200 && !(transport.Sent.Contains(ok.To) && transport.Failed.Contains(bad.To)); round++)
            await sender.SendDueAsync(CancellationToken.None);
        Assert.Contains(ok.To, transport.Sent);
        var rows = await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RelatedId == marker).ToListAsync());
        var sent = rows.Single(m => m.Id == ok.Id);
        var failed = rows.Single(m => m.Id == bad.Id);
        Assert.NotNull(sent.SentAt);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("mailbox unavailable", failed.LastError);

        // The failed one waits for its backoff instead of being retried on the next tick; the sent one is not sent again.
        transport.Sent.Clear();
        await sender.SendDueAsync(CancellationToken.None);
        Assert.DoesNotContain(ok.To, transport.Sent);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == bad.Id).Select(m => m.Attempts).SingleAsync()));
        Assert.True(OutboxSender.Backoff(2) > OutboxSender.Backoff(1));
    }

    // ---- Steps -------------------------------------------------------------------------------------------

    private static async Task<Guid> CreateAsync(Browser browser, string title)
    {
        var form = await browser.GetAsync("/overenskommelser/ny");
        AssertAccessibleBasics(form.Html);
        var created = await browser.SubmitAsync(form, f => f.Html.Contains("Input.MunicipalityCode"), new()
        {
            ["Input.MunicipalityCode"] = ["2061"],
            ["Input.Title"] = [title],
            ["Input.FromYear"] = ["2031"],
            ["Input.ToYear"] = ["2034"],
        }, expect: HttpStatusCode.Redirect);
        var match = Regex.Match(created.Location ?? "", "^/overenskommelser/([0-9a-f-]{36})/redigera$");
        Assert.True(match.Success, created.Location);
        return Guid.Parse(match.Groups[1].Value);
    }

    private Task<List<Guid>> CommitmentIdsAsync(Guid id) => app.QueryAsync(async db =>
    {
        var current = await db.Set<Agreement>().Where(a => a.Id == id).Select(a => a.CurrentVersion).SingleAsync();
        return await db.Set<CommitmentRecord>().Where(c => c.AgreementId == id && c.Version == current).OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
    });

    private static bool EditorForm(HtmlForm form) => form.Attributes.GetValueOrDefault("id") == "agreement-form";

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? html[from..] : html[from..to];
    }

    private sealed class FakeTransport : IMailTransport
    {
        public List<string> Sent { get; } = [];
        public List<string> Failed { get; } = [];

        public Task SendAsync(OutboxMessage message, SmtpSettings settings, CancellationToken ct)
        {
            if (message.To.StartsWith("fail-", StringComparison.Ordinal))
            {
                Failed.Add(message.To);
                throw new System.Net.Mail.SmtpException(System.Net.Mail.SmtpStatusCode.MailboxUnavailable, "mailbox unavailable");
            }
            Sent.Add(message.To);
            return Task.CompletedTask;
        }
    }

    private sealed class FixedOptions(SmtpSettings value) : IOptionsMonitor<SmtpSettings>
    {
        public SmtpSettings CurrentValue => value;
        public SmtpSettings Get(string? name) => value;
        public IDisposable? OnChange(Action<SmtpSettings, string?> listener) => null;
    }
}
