using System.Text.Json.Nodes;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// A deliberately flat version of flask-restx's X-Fields mask: "id,first_name,organizations{name}" keeps the
/// top-level keys id, first_name and organizations (sub-masks in braces are not applied; the whole value is kept).
/// Applied to the object, or to each object of an array. Enough for tests that check the header is sent and honoured.
/// </summary>
internal static class FieldMask
{
    private static readonly System.Text.Json.JsonSerializerOptions SerializerOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Apply(string? mask, byte[] json)
    {
        if (string.IsNullOrWhiteSpace(mask)) return json;
        var keep = Parse(mask);
        if (keep.Count == 0 || keep.Contains("*")) return json;

        var node = JsonNode.Parse(json);
        switch (node)
        {
            case JsonObject obj:
                Filter(obj, keep);
                break;
            case JsonArray array:
                foreach (var item in array)
                    if (item is JsonObject o) Filter(o, keep);
                break;
            default:
                return json;
        }
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(SerializerOptions));
    }

    /// <summary>Top-level names only: everything between braces is skipped.</summary>
    internal static HashSet<string> Parse(string mask)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        var current = new System.Text.StringBuilder();
        foreach (var c in mask.Trim().TrimStart('{').TrimEnd('}'))
        {
            if (c == '{') { depth++; continue; }
            if (c == '}') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            if (c == ',') { Flush(); continue; }
            current.Append(c);
        }
        Flush();
        return names;

        void Flush()
        {
            var name = current.ToString().Trim();
            if (name.Length > 0) names.Add(name);
            current.Clear();
        }
    }

    private static void Filter(JsonObject obj, HashSet<string> keep)
    {
        foreach (var key in obj.Select(p => p.Key).ToList())
            if (!keep.Contains(key)) obj.Remove(key);
    }
}
