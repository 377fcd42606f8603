using System.Text.Json;
using System.Text.RegularExpressions;

namespace DataGouv.Generated.Tests.Support;

/// <summary>
/// Picks sub-objects out of a payload with a tiny path syntax: "" is the root, "[*]" every item, "[0]" one item,
/// "name" a property; e.g. "[*].resources[*].checksum". Null and missing values are skipped.
/// </summary>
public static partial class JsonPathSelector
{
    public static IEnumerable<JsonElement> Select(JsonElement root, string path)
    {
        IEnumerable<JsonElement> current = [root];
        foreach (Match m in Segment().Matches(path))
        {
            if (m.Groups["name"].Success)
            {
                var name = m.Groups["name"].Value;
                current = current.SelectMany(e =>
                    e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? new[] { v } : []);
            }
            else if (m.Groups["all"].Success)
            {
                current = current.SelectMany(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : []);
            }
            else
            {
                var index = int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                current = current.SelectMany(e =>
                    e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > index ? new[] { e[index] } : []);
            }
        }
        return current.Where(e => e.ValueKind != JsonValueKind.Null);
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<all>\*)\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
