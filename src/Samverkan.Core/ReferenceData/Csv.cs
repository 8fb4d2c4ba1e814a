using System.Text;

namespace Samverkan.ReferenceData;

/// <summary>A minimal RFC 4180 reader for the embedded reference files (quoted fields, commas inside quotes).</summary>
internal static class Csv
{
    public static IEnumerable<Dictionary<string, string>> ReadEmbedded(string fileName)
    {
        var name = $"Samverkan.ReferenceData.{fileName}";
        using var stream = typeof(Csv).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded reference file {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = ParseLine(reader.ReadLine() ?? "");
        string? line;
        var rows = new List<Dictionary<string, string>>();
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var fields = ParseLine(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) row[header[i]] = i < fields.Count ? fields[i] : "";
            rows.Add(row);
        }
        return rows;
    }

    public static List<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
