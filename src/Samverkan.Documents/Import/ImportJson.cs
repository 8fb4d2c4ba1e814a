using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.Agreements;

namespace Samverkan.Documents.Import;

/// <summary>
/// The importer's answer as one JSON object: the canonical agreement JSON plus <c>municipalGoals</c> and
/// <c>warnings</c> (and, for review screens, where each field came from). The CLI and the API print the same.
/// </summary>
public static class ImportJson
{
    public static JsonObject ToJson(ImportResult result, bool withSources)
    {
        var json = JsonSerializer.SerializeToNode(result.Agreement, AgreementJson.Options)!.AsObject();
        json["municipalGoals"] = new JsonArray(result.MunicipalGoals.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());
        json["warnings"] = new JsonArray(result.Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
        if (result.Letterhead is not null) json["letterhead"] = JsonSerializer.SerializeToNode(result.Letterhead, AgreementJson.Options);
        if (withSources)
        {
            var sources = new JsonObject();
            foreach (var (path, span) in result.Sources) sources[path] = new JsonObject { ["start"] = span.Start, ["length"] = span.Length };
            json["sources"] = sources;
            json["sourceText"] = result.SourceText;
            json["format"] = result.Format;
        }
        return json;
    }

    public static string Print(ImportResult result, bool withSources) =>
        ToJson(result, withSources).ToJsonString(new JsonSerializerOptions(AgreementJson.Options) { WriteIndented = true });
}
