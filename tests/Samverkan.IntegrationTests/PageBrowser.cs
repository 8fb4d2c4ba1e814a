using System.Net;
using System.Text.RegularExpressions;

namespace Samverkan.IntegrationTests;

// A browser without JavaScript over the app's HTTP client: signs in through the form, reads the forms a page
// renders and posts them back with their antiforgery token, as a keyboard user's browser would.

internal sealed record Page(string Url, HttpStatusCode Status, string Html, string? Location);

internal sealed class Browser(HttpClient client)
{
    public const string Password = "test-password-123";

    public static async Task<Browser> SignInAsync(AppFixture app, string email)
    {
        var browser = new Browser(app.Anonymous());
        var page = await browser.GetAsync("/logga-in");
        var result = await browser.SubmitAsync(page, f => f.Html.Contains("Input.Email"), new()
        {
            ["Input.Email"] = [email],
            ["Input.Password"] = [Password],
        }, expect: HttpStatusCode.Redirect);
        Assert.Equal("/", result.Location);
        return browser;
    }

    public async Task<Page> GetAsync(string url, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expect, $"GET {url}: expected {(int)expect}, got {(int)response.StatusCode}\n{Excerpt(html)}");
        return new Page(url, response.StatusCode, html, response.Headers.Location?.OriginalString);
    }

    /// <summary>Posts the chosen form with the values it renders, the given changes and the clicked button (name, value).</summary>
    public async Task<Page> SubmitAsync(Page page, Func<HtmlForm, bool> which, Dictionary<string, string[]> changes,
        (string Name, string Value)? button = null, HttpStatusCode? expect = HttpStatusCode.OK)
    {
        var forms = HtmlForm.All(page.Html).Where(which).ToList();
        Assert.True(forms.Count > 0, $"No such form on {page.Url}");
        var form = forms[0];
        var fields = form.Fields.Where(f => !changes.ContainsKey(f.Name)).ToList();
        foreach (var (name, values) in changes) fields.AddRange(values.Select(v => (name, v)));
        if (button is { } b) fields.Add((b.Name, b.Value));
        var action = string.IsNullOrEmpty(form.Action) ? page.Url : form.Action;
        return await PostAsync(action, fields, expect);
    }

    /// <summary>Posts fields to a URL with the antiforgery token taken from a page, for requests no form on the page offers.</summary>
    public Task<Page> PostFormAsync(string url, Page tokenFrom, Dictionary<string, string[]> fields, HttpStatusCode? expect = HttpStatusCode.OK)
    {
        var token = HtmlForm.All(tokenFrom.Html).SelectMany(f => f.Fields).First(f => f.Name == "__RequestVerificationToken");
        return PostAsync(url, fields.SelectMany(f => f.Value.Select(v => (f.Key, v))).Append(token).ToList(), expect);
    }

    /// <summary>Posts fields and one file as multipart/form-data, with the antiforgery token taken from a page; the status is the caller's to check.</summary>
    public async Task<Page> PostMultipartAsync(string url, Page tokenFrom, Dictionary<string, string[]> fields, (string Field, string Name, byte[] Bytes) file)
    {
        var token = HtmlForm.All(tokenFrom.Html).SelectMany(f => f.Fields).First(f => f.Name == "__RequestVerificationToken");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.SelectMany(f => f.Value.Select(v => (f.Key, v))).Append(token)) content.Add(new StringContent(value), name);
        content.Add(new ByteArrayContent(file.Bytes), file.Field, file.Name);
        var response = await client.PostAsync(url, content);
        return new Page(url, response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    /// <summary>Posts and checks the status; a null <paramref name="expect"/> leaves the status to the caller.</summary>
    private async Task<Page> PostAsync(string url, List<(string Name, string Value)> fields, HttpStatusCode? expect)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expect is null || response.StatusCode == expect, $"POST {url}: expected {(int?)expect}, got {(int)response.StatusCode}\n{Excerpt(html)}");
        return new Page(url, response.StatusCode, html, response.Headers.Location?.OriginalString);
    }

    public static string Excerpt(string html)
    {
        var errors = Regex.Match(html, "<div class=\"error-summary\".*?</ul>", RegexOptions.Singleline);
        return errors.Success ? errors.Value : html.Length > 2000 ? html[..2000] : html;
    }
}

/// <summary>Just enough of an HTML form reader for this app's own, well-formed markup.</summary>
internal sealed record HtmlForm(IReadOnlyDictionary<string, string> Attributes, string Html, string Action, IReadOnlyList<(string Name, string Value)> Fields)
{
    public static IEnumerable<HtmlForm> All(string html)
    {
        foreach (Match form in Regex.Matches(html, "<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline))
        {
            var attributes = ParseAttributes(form.Groups[1].Value);
            var inner = form.Groups[2].Value;
            var fields = new List<(string, string)>();
            foreach (Match m in Regex.Matches(inner, "<input\\b([^>]*)>|<textarea\\b([^>]*)>(.*?)</textarea>|<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline))
            {
                if (m.Groups[1].Success)
                {
                    var a = ParseAttributes(m.Groups[1].Value);
                    if (!a.TryGetValue("name", out var name)) continue;
                    var type = a.GetValueOrDefault("type") ?? "text";
                    if (type is "submit" or "button" or "image" or "reset" or "file") continue;
                    if (type is "checkbox" or "radio" && !a.ContainsKey("checked")) continue;
                    fields.Add((name, a.GetValueOrDefault("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                }
                else if (m.Groups[2].Success)
                {
                    var a = ParseAttributes(m.Groups[2].Value);
                    // Browsers drop one newline right after <textarea>.
                    var text = WebUtility.HtmlDecode(m.Groups[3].Value);
                    if (text.StartsWith("\r\n", StringComparison.Ordinal)) text = text[2..];
                    else if (text.StartsWith('\n')) text = text[1..];
                    if (a.TryGetValue("name", out var name)) fields.Add((name, text));
                }
                else
                {
                    var a = ParseAttributes(m.Groups[4].Value);
                    if (!a.TryGetValue("name", out var name)) continue;
                    var options = Regex.Matches(m.Groups[5].Value, "<option\\b([^>]*)>(.*?)</option>", RegexOptions.Singleline)
                        .Select(o => (Attributes: ParseAttributes(o.Groups[1].Value), Text: WebUtility.HtmlDecode(o.Groups[2].Value))).ToList();
                    var chosen = options.FirstOrDefault(o => o.Attributes.ContainsKey("selected"));
                    if (chosen.Attributes is null && options.Count > 0) chosen = options[0];
                    if (chosen.Attributes is not null) fields.Add((name, chosen.Attributes.GetValueOrDefault("value") ?? chosen.Text));
                }
            }
            yield return new HtmlForm(attributes, inner, attributes.GetValueOrDefault("action") ?? "", fields);
        }
    }

    public static Dictionary<string, string> ParseAttributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Regex.Matches(text, "([^\\s=/>]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?"))
            result[a.Groups[1].Value] = WebUtility.HtmlDecode(a.Groups[2].Success ? a.Groups[2].Value : a.Groups[3].Success ? a.Groups[3].Value : a.Groups[4].Value);
        return result;
    }
}

/// <summary>Checks on server-rendered HTML that the page tests share.</summary>
internal static class PageChecks
{
    public static Func<HtmlForm, bool> HandlerForm(string handler, string? to = null) => form =>
        form.Action.Contains($"handler={handler}", StringComparison.Ordinal) && (to is null || form.Html.Contains($"value=\"{to}\""));

    /// <summary>What the browser tests will check in depth: one h1, a label for every field, captions and scoped headers in tables.</summary>
    public static void AssertAccessibleBasics(string html)
    {
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Contains("<main", html);
        foreach (Match field in Regex.Matches(html, "<(input|select|textarea)\\b([^>]*)>"))
        {
            var attributes = HtmlForm.ParseAttributes(field.Groups[2].Value);
            if (attributes.GetValueOrDefault("type") is "hidden" or "submit" or "button") continue;
            Assert.True(attributes.TryGetValue("id", out var fieldId), $"A field without id: {field.Value}");
            Assert.True(html.Contains($"for=\"{fieldId}\"") || attributes.ContainsKey("aria-label"), $"No label for {fieldId}");
        }
        foreach (Match table in Regex.Matches(html, "<table\\b.*?</table>", RegexOptions.Singleline))
        {
            Assert.Contains("<caption", table.Value);
            Assert.DoesNotMatch("<th(?=[\\s>])(?![^>]*scope=)[^>]*>", table.Value);
        }
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), "Duplicate ids: " + string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key)));
    }
}
