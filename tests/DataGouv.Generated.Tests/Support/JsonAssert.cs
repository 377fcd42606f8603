using System.Globalization;
using System.Text.Json;

namespace DataGouv.Generated.Tests.Support;

/// <summary>
/// JSON equivalence: objects compare as unordered key sets, arrays in order, numbers by value, and strings that parse
/// as ISO 8601 date-times compare as the same instant with the same offset (".123000+00:00" equals ".123+00:00").
/// </summary>
public static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = FindDifference(e.RootElement, a.RootElement, "$");
        if (difference is not null)
            Assert.Fail($"JSON differs at {difference}.\nExpected: {expected}\nActual:   {actual}");
    }

    /// <returns>null when equivalent, else the path and a description of the first difference.</returns>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            // true/false are different kinds but the same "boolean" type: report the value.
            return $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var e = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var a = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var key in e.Keys.Where(k => !a.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
                    return $"{path}.{key}: missing in actual";
                foreach (var key in a.Keys.Where(k => !e.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
                    return $"{path}.{key}: unexpected in actual ({Describe(a[key])})";
                foreach (var (key, value) in e)
                {
                    var d = FindDifference(value, a[key], $"{path}.{key}");
                    if (d is not null) return d;
                }
                return null;
            }
            case JsonValueKind.Array:
            {
                var e = expected.EnumerateArray().ToList();
                var a = actual.EnumerateArray().ToList();
                if (e.Count != a.Count) return $"{path}: expected {e.Count} items, got {a.Count}";
                for (var i = 0; i < e.Count; i++)
                {
                    var d = FindDifference(e[i], a[i], $"{path}[{i}]");
                    if (d is not null) return d;
                }
                return null;
            }
            case JsonValueKind.String:
            {
                var es = expected.GetString()!;
                var @as = actual.GetString()!;
                if (string.Equals(es, @as, StringComparison.Ordinal)) return null;
                if (TryParseDate(es, out var ed) && TryParseDate(@as, out var ad) && ed == ad && ed.Offset == ad.Offset) return null;
                return $"{path}: expected \"{es}\", got \"{@as}\"";
            }
            case JsonValueKind.Number:
            {
                if (expected.TryGetInt64(out var el) && actual.TryGetInt64(out var al)) return el == al ? null : $"{path}: expected {el}, got {al}";
                if (expected.TryGetDecimal(out var em) && actual.TryGetDecimal(out var am)) return em == am ? null : $"{path}: expected {em}, got {am}";
                return expected.GetDouble() == actual.GetDouble() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            }
            default: // true, false, null
                return null;
        }
    }

    /// <summary>Only full ISO 8601 date-times with a time part and an offset (or Z) count as dates.</summary>
    private static bool TryParseDate(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[10] != 'T') return false;
        var hasOffset = text.EndsWith('Z') || text[^6] is '+' or '-';
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        _ => e.ValueKind + " " + Truncate(e.GetRawText()),
    };

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
