using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SharpYaml.Serialization;

namespace DataGouv.Generator.Tests.Fuzzing;

/// <summary>
/// Spec text ↔ <see cref="JsonNode"/> for the fuzzer: JSON is parsed by System.Text.Json, YAML by SharpYaml's
/// representation model (plain scalars typed as YAML 1.2 core does). Written back as JSON text (valid YAML too), by a
/// hand-written writer that leaves hostile characters raw (lone surrogates, U+2028) instead of escaping or refusing them.
/// </summary>
internal static partial class SpecTree
{
    public static JsonNode? Parse(string text, bool yaml)
    {
        if (!yaml)
        {
            var root = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });
            // JsonObject builds its dictionary lazily: a duplicate key (a seed that is broken on purpose) would throw
            // later, mid-mutation. Touch every object now so that such a seed fails here and is mutated line by line.
            Materialize(root, 0);
            return root;
        }
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode);
    }

    private static void Materialize(JsonNode? node, int depth)
    {
        if (depth > 4096) return;
        if (node is JsonObject obj) foreach (var pair in obj) Materialize(pair.Value, depth + 1);
        else if (node is JsonArray array) foreach (var item in array) Materialize(item, depth + 1);
    }

    private static JsonNode? FromYaml(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var pair in map.Children)
                {
                    var key = pair.Key is YamlScalarNode k ? k.Value ?? "" : pair.Key.ToString() ?? "";
                    obj[key] = FromYaml(pair.Value);
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children) array.Add(FromYaml(item));
                return array;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                if (scalar.Style != SharpYaml.ScalarStyle.Plain) return JsonValue.Create(value);
                if (value is "" or "~" or "null" or "Null" or "NULL") return null;
                if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
                if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
                // Keep the number's own text (1.0 stays 1.0) by parsing it as JSON.
                if (JsonNumber().IsMatch(value)) return JsonNode.Parse(value);
                return JsonValue.Create(value);
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,15})(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    /// <summary>JSON text; <paramref name="escapeNonAscii"/> writes everything above U+007E as \uXXXX.</summary>
    public static string Write(JsonNode? node, bool escapeNonAscii, bool indented)
    {
        var sb = new StringBuilder();
        Write(sb, node, escapeNonAscii, indented, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, bool ascii, bool indented, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var pair in obj)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    NewLine(sb, indented, depth + 1);
                    WriteString(sb, pair.Key, ascii);
                    sb.Append(indented ? ": " : ":");
                    Write(sb, pair.Value, ascii, indented, depth + 1);
                }
                if (!first) NewLine(sb, indented, depth);
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    NewLine(sb, indented, depth + 1);
                    Write(sb, array[i], ascii, indented, depth + 1);
                }
                if (array.Count > 0) NewLine(sb, indented, depth);
                sb.Append(']');
                break;
            case JsonValue value:
                if (value.TryGetValue<string>(out var s)) WriteString(sb, s, ascii);
                else if (value.TryGetValue<bool>(out var b)) sb.Append(b ? "true" : "false");
                else sb.Append(value.ToJsonString());
                break;
        }
    }

    private static void NewLine(StringBuilder sb, bool indented, int depth)
    {
        if (!indented) return;
        sb.Append('\n');
        // Deeply nested documents stay readable without megabytes of blanks.
        sb.Append(' ', Math.Min(depth, 40) * 2);
    }

    private static void WriteString(StringBuilder sb, string s, bool ascii)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (ascii && c > 0x7E)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
