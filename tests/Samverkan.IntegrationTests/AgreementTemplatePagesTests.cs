using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using static Samverkan.IntegrationTests.PageChecks;

namespace Samverkan.IntegrationTests;

/// <summary>
/// The template pages and an agreement's departures from its template, through HTTP as a browser without JavaScript
/// uses them. Each test has a plan period of its own (2051 onwards), apart from the API tests' periods.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementTemplatePagesTests(AppFixture app)
{
    [Fact]
    public async Task Templates_CreateEditAndDraftForAll_ThenTheDraftShowsWhereItDeparts()
    {
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var list = await region.GetAsync("/overenskommelser/mallar");
        AssertAccessibleBasics(list.Html);
        Assert.Contains("href=\"/overenskommelser/mallar/ny\"", list.Html);

        // Create: plan, years and the default title pattern; then straight to the editor.
        var create = await region.GetAsync("/overenskommelser/mallar/ny");
        AssertAccessibleBasics(create.Html);
        var created = await region.SubmitAsync(create, NewForm, new()
        {
            ["Input.PlanId"] = [""], ["Input.FromYear"] = ["2051"], ["Input.ToYear"] = ["2054"], ["Input.Title"] = [""],
        }, expect: HttpStatusCode.Redirect);
        var match = Regex.Match(created.Location ?? "", "^/overenskommelser/mallar/([0-9a-f-]{36})/redigera$");
        Assert.True(match.Success, created.Location);
        var id = Guid.Parse(match.Groups[1].Value);

        // The editor: the agreement editor's fields, with the placeholder parties to commit.
        var editor = await region.GetAsync($"/overenskommelser/mallar/{id}/redigera");
        AssertAccessibleBasics(editor.Html);
        Assert.Contains($"value=\"{AgreementTemplates.DefaultTitle}\"", editor.Html);
        Assert.Contains("value=\"Bakgrund\"", editor.Html);
        editor = await region.SubmitAsync(editor, TemplateForm, new(), ("command", "add-item:1"));
        editor = await region.SubmitAsync(editor, TemplateForm, new()
        {
            ["Input.Sections[1].Items[0].Text"] = ["Scenkonsten ska nå alla som bor i {kommun}."],
        }, ("command", "add-commitment:1:0"));
        Assert.Contains("Åtagande 1 i avsnitt 2, stycke 1 är tillagt", editor.Html);
        Assert.Contains("Scenkonsten ska nå alla som bor i {kommun}.", editor.Html);
        Assert.Matches("<input type=\"checkbox\"[^>]*value=\"municipality\"", editor.Html);
        Assert.Contains(">Kommunen</label>", editor.Html);
        Assert.Contains(">Region Dalarna</label>", editor.Html);
        var saved = await region.SubmitAsync(editor, TemplateForm, new()
        {
            ["Input.Sections[1].Items[0].Commitments[0].Text"] = ["{kommun} tar emot minst två föreställningar om året."],
            ["Input.Sections[1].Items[0].Commitments[0].Parties"] = ["municipality"],
            ["Input.Signatures[0].Name"] = ["Regionens ordförande"],
            // The municipality's signatory is named by role only: each draft fills in the name.
            ["Input.Signatures[1].Role"] = ["Kommunstyrelsens ordförande"],
        }, ("command", "save"), expect: HttpStatusCode.Redirect);
        Assert.Equal($"/overenskommelser/mallar/{id}", saved.Location);
        var detail = await region.GetAsync($"/overenskommelser/mallar/{id}");
        AssertAccessibleBasics(detail.Html);
        Assert.Contains("Mallen är sparad som version 2.", detail.Html);
        Assert.Contains("{kommun} tar emot minst två föreställningar om året.", detail.Html);
        var content = await TemplateContentAsync(id);
        Assert.Equal(["municipality"], content.Sections[1].Items[0].Commitments[0].Parties);
        Assert.Contains(content.Signatures, s => s.Party == "municipality" && s.Name == "" && s.Role == "Kommunstyrelsens ordförande");

        // One action drafts every municipality's agreement and says what it made.
        var ran = await region.SubmitAsync(detail, HandlerForm("Drafts"), new(), expect: HttpStatusCode.Redirect);
        Assert.Equal($"/overenskommelser/mallar/{id}#resultat", ran.Location);
        detail = await region.GetAsync($"/overenskommelser/mallar/{id}");
        AssertAccessibleBasics(detail.Html);
        Assert.Contains("15 utkast är skapade.", detail.Html);
        Assert.Contains("Skapade utkast (15)", detail.Html);
        Assert.Contains("Hoppade över (0)", detail.Html);
        var drafts = await AgreementTemplateTests.DraftsAsync(app, id.ToString());
        Assert.Equal(15, drafts.Count);
        Assert.Contains($"<a href=\"/overenskommelser/{drafts["2061"]}\">Smedjebackens kommun</a>", detail.Html);
        // Shown once: the result does not come back on the next visit.
        Assert.DoesNotContain("Skapade utkast", (await region.GetAsync($"/overenskommelser/mallar/{id}")).Html);

        // A second run skips them all and names them.
        await region.SubmitAsync(detail, HandlerForm("Drafts"), new(), expect: HttpStatusCode.Redirect);
        detail = await region.GetAsync($"/overenskommelser/mallar/{id}");
        Assert.Contains("Inga nya utkast: alla 15 kommuner har redan ett utkast från mallen.", detail.Html);
        Assert.Contains("Hoppade över (15)", detail.Html);
        Assert.Contains("<li>Smedjebackens kommun</li>", detail.Html);
        Assert.Equal(15, (await AgreementTemplateTests.DraftsAsync(app, id.ToString())).Count);

        // Smedjebacken's draft is reworded in one section and gets a section of its own.
        var draft = drafts["2061"];
        var draftEditor = await region.GetAsync($"/overenskommelser/{draft}/redigera");
        Assert.Contains("Scenkonsten ska nå alla som bor i Smedjebackens kommun.", draftEditor.Html);
        draftEditor = await region.SubmitAsync(draftEditor, AgreementForm, new()
        {
            ["Input.Sections[1].Items[0].Text"] = ["Scenkonsten och dansen ska nå alla som bor i Smedjebackens kommun."],
        }, ("command", "add-section"));
        await region.SubmitAsync(draftEditor, AgreementForm, new() { ["Input.Sections[2].Heading"] = ["Film i Smedjebacken"] }, ("command", "save"),
            expect: HttpStatusCode.Redirect);

        // The agreement's page says, per section, how it stands against the template; the nav leads to the word diff.
        var agreement = await region.GetAsync($"/overenskommelser/{draft}");
        AssertAccessibleBasics(agreement.Html);
        Assert.Contains("Jämfört med mallen", agreement.Html);
        Assert.Matches(@"<strong>1 som i mallen, 1 ändrat, 1 tillagt\s+och 0 borttagna</strong>", agreement.Html);
        Assert.Matches("Bakgrund</span>: <span class=\"departure-state\">som i mallen", agreement.Html);
        Assert.Matches("Områden för överenskommelsen</span>: <span class=\"departure-state\">ändrat", agreement.Html);
        Assert.Matches("Film i Smedjebacken</span>: <span class=\"departure-state\">tillagt, finns inte i mallen", agreement.Html);
        Assert.Contains($"href=\"/overenskommelser/{draft}/mall\">Avvikelser från mallen</a>", agreement.Html);
        var departures = await region.GetAsync($"/overenskommelser/{draft}/mall");
        AssertAccessibleBasics(departures.Html);
        Assert.Contains($"href=\"/overenskommelser/{draft}/mall\" aria-current=\"page\"", departures.Html);
        Assert.Contains(Regex.Matches(departures.Html, "<ins>(.*?)</ins>"), m => m.Groups[1].Value.Contains("och dansen"));
        Assert.Contains(Regex.Matches(departures.Html, "<ins>(.*?)</ins>"), m => m.Groups[1].Value.Contains("Film i Smedjebacken"));
        Assert.Contains("Avsnittet är ordagrant som i mallen.", departures.Html);
        Assert.Contains($"href=\"/overenskommelser/mallar/{id}\"", departures.Html);

        // The municipality, a party, sees the departures too; the public sees nothing of a draft.
        var smedjebacken = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        Assert.Contains("Jämfört med mallen", (await smedjebacken.GetAsync($"/overenskommelser/{draft}")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/overenskommelser/{draft}/mall")).StatusCode);
    }

    [Fact]
    public async Task TemplateEditor_WhenSomeoneSavedInBetween_KeepsTheTypedText_AndCanSaveItOnTop()
    {
        var id = Guid.Parse(await AgreementTemplateTests.CreateTemplateAsync(app, AgreementTemplateTests.Template(2055)));
        var officer = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var admin = await Browser.SignInAsync(app, AppFixture.RegionAdmin);
        var officerEditor = await officer.GetAsync($"/overenskommelser/mallar/{id}/redigera");
        var adminEditor = await admin.GetAsync($"/overenskommelser/mallar/{id}/redigera");

        await admin.SubmitAsync(adminEditor, TemplateForm, new()
        {
            ["Input.Sections[1].Items[0].Text"] = ["Biblioteken är öppna och avgiftsfria mötesplatser."],
        }, ("command", "save"), expect: HttpStatusCode.Redirect);
        var stale = await officer.SubmitAsync(officerEditor, TemplateForm, new()
        {
            ["Input.Sections[0].Heading"] = ["Värden som inte får försvinna"],
        }, ("command", "save"));
        Assert.Contains("Mallen har sparats i version 2 sedan du började", stale.Html);
        Assert.Contains("value=\"Värden som inte får försvinna\"", stale.Html);
        Assert.Contains("name=\"Input.BaseVersion\" value=\"1\"", stale.Html);
        Assert.Contains("Spara min text ovanpå version 2", stale.Html);
        Assert.Contains(Regex.Matches(stale.Html, "<ins>(.*?)</ins>"), m => m.Groups[1].Value.Contains("avgiftsfria"));
        AssertAccessibleBasics(stale.Html);
        Assert.Equal(2, await TemplateVersionAsync(id));

        // Saving on top: the officer's text wins, as version 3.
        await officer.SubmitAsync(stale, TemplateForm, new(), ("command", "overwrite:2"), expect: HttpStatusCode.Redirect);
        Assert.Equal(3, await TemplateVersionAsync(id));
        var content = await TemplateContentAsync(id);
        Assert.Equal("Värden som inte får försvinna", content.Sections[0].Heading);
        Assert.Equal("Biblioteken är öppna mötesplatser.", content.Sections[1].Items[0].Text);
    }

    [Fact]
    public async Task TemplatePages_RefuseMunicipalityOfficers_AndShowFormErrors_WithoutWriting()
    {
        var id = Guid.Parse(await AgreementTemplateTests.CreateTemplateAsync(app, AgreementTemplateTests.Template(2059)));

        // A municipality officer of the county reads the templates but neither writes nor drafts.
        var smedjebacken = await Browser.SignInAsync(app, AppFixture.Smedjebacken);
        var list = await smedjebacken.GetAsync("/overenskommelser/mallar");
        Assert.Contains($"href=\"/overenskommelser/mallar/{id}\"", list.Html);
        Assert.DoesNotContain("href=\"/overenskommelser/mallar/ny\"", list.Html);
        var detail = await smedjebacken.GetAsync($"/overenskommelser/mallar/{id}");
        Assert.DoesNotContain("Skapa utkast för alla kommuner", detail.Html);
        await smedjebacken.GetAsync("/overenskommelser/mallar/ny", HttpStatusCode.Forbidden);
        await smedjebacken.GetAsync($"/overenskommelser/mallar/{id}/redigera", HttpStatusCode.Forbidden);
        await smedjebacken.PostFormAsync($"/overenskommelser/mallar/{id}?handler=Drafts", detail, new(), HttpStatusCode.Forbidden);
        await smedjebacken.PostFormAsync($"/overenskommelser/mallar/{id}/redigera", detail, new()
        {
            ["command"] = ["save"], ["Input.BaseVersion"] = ["1"], ["Input.Title"] = ["Kommunens egen mall"],
        }, HttpStatusCode.Forbidden);
        Assert.Empty(await AgreementTemplateTests.DraftsAsync(app, id.ToString()));
        Assert.Equal(1, await TemplateVersionAsync(id));

        // Another county's officer does not find it; the anonymous are asked to sign in.
        var gavleborg = await Browser.SignInAsync(app, AppFixture.Gavleborg);
        await gavleborg.GetAsync($"/overenskommelser/mallar/{id}", HttpStatusCode.NotFound);
        var anonymous = await app.Anonymous().GetAsync("/overenskommelser/mallar");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/logga-in?ReturnUrl=", anonymous.Headers.Location?.OriginalString);

        // Drafting is a POST that needs the form's antiforgery token.
        var region = await Browser.SignInAsync(app, AppFixture.RegionOfficer);
        var regionDetail = await region.GetAsync($"/overenskommelser/mallar/{id}");
        await region.SubmitAsync(regionDetail, HandlerForm("Drafts"), new() { ["__RequestVerificationToken"] = [""] }, expect: HttpStatusCode.BadRequest);
        Assert.Empty(await AgreementTemplateTests.DraftsAsync(app, id.ToString()));

        // Bad input is a form error linked to its field, and nothing is written.
        var templatesBefore = await app.QueryAsync(db => db.Set<AgreementTemplate>().CountAsync());
        var create = await region.GetAsync("/overenskommelser/mallar/ny");
        var badYear = await region.SubmitAsync(create, NewForm, new() { ["Input.PlanId"] = [""], ["Input.FromYear"] = ["tjugo"], ["Input.ToYear"] = ["2062"] });
        Assert.Contains("Ange årtalet med fyra siffror", badYear.Html);
        Assert.Contains("href=\"#Input_FromYear\"", badYear.Html);
        var noPeriod = await region.SubmitAsync(create, NewForm, new() { ["Input.PlanId"] = [""], ["Input.FromYear"] = [""], ["Input.ToYear"] = [""] });
        Assert.Contains("Ange periodens första och sista år, eller välj en plan.", noPeriod.Html);
        Assert.Equal(templatesBefore, await app.QueryAsync(db => db.Set<AgreementTemplate>().CountAsync()));

        var editor = await region.GetAsync($"/overenskommelser/mallar/{id}/redigera");
        var unknownPlaceholder = await region.SubmitAsync(editor, TemplateForm, new()
        {
            ["Input.Sections[1].Items[0].Text"] = ["Biblioteken i {kommunen} är öppna."],
        }, ("command", "save"));
        Assert.Contains("Okänd platshållare {kommunen}.", unknownPlaceholder.Html);
        Assert.Contains("href=\"#Input_Sections\"", unknownPlaceholder.Html);
        Assert.Contains("Biblioteken i {kommunen} är öppna.", unknownPlaceholder.Html);
        AssertAccessibleBasics(unknownPlaceholder.Html);
        var emptyCommitment = await region.SubmitAsync(editor, TemplateForm, new()
        {
            ["Input.Sections[1].Items[0].Commitments[0].Text"] = [""],
        }, ("command", "save"));
        Assert.Contains("Ett åtagande saknar text.", emptyCommitment.Html);
        var halfPeriod = await region.SubmitAsync(editor, TemplateForm, new() { ["Input.PeriodTo"] = [""] }, ("command", "save"));
        Assert.Contains("Ange både periodens första och sista dag, eller ingen av dem.", halfPeriod.Html);
        var badDate = await region.SubmitAsync(editor, TemplateForm, new() { ["Input.PeriodFrom"] = ["första januari"] }, ("command", "save"));
        Assert.Contains("Ange datumet som ÅÅÅÅ-MM-DD", badDate.Html);
        Assert.Equal(1, await TemplateVersionAsync(id));
    }

    private static bool NewForm(HtmlForm form) => form.Html.Contains("Input.FromYear");

    private static bool TemplateForm(HtmlForm form) => form.Attributes.GetValueOrDefault("id") == "template-form";

    private static bool AgreementForm(HtmlForm form) => form.Attributes.GetValueOrDefault("id") == "agreement-form";

    private Task<int> TemplateVersionAsync(Guid id) =>
        app.QueryAsync(db => db.Set<AgreementTemplate>().Where(t => t.Id == id).Select(t => t.Version).SingleAsync());

    private async Task<AgreementContent> TemplateContentAsync(Guid id) =>
        AgreementJson.Deserialize(await app.QueryAsync(db => db.Set<AgreementTemplate>().Where(t => t.Id == id).Select(t => t.ContentJson).SingleAsync()))!;
}
