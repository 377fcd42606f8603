using System.Text;
using System.Text.Json.Nodes;

namespace DataGouv.Generator.Tests.Fuzzing;

/// <summary>A mutated spec: its text, the extension it is fed with, and what was done to it (for the failure report).</summary>
internal sealed record FuzzCase(int Index, string Seed, string Text, string Extension, IReadOnlyList<string> Mutations);

/// <summary>
/// Deterministic mutations of a seed spec: the same seed spec, case index and run seed always give the same text.
/// Structural (a JSON tree, 1–3 mutations) most of the time, line-level on the original text sometimes, so YAML
/// syntax and the reader's own error paths are exercised as well.
/// </summary>
internal sealed partial class SpecMutator
{
    private static readonly string[] Hostile =
    {
        "\u2028", "\u2029", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\u202E", "\u200F", "\u200B", "\uFEFF", "\u0301", "*/", "/*", "\"\"\"", "{{", "}}",
        "{{ x }}", "\\", "\"", "'", "\n", "\r\n", "\r", "\t", "\0", "\u0085", "#", "#if X", "<!--", "</summary>", "<see cref=\"", "&amp;", "<", ">", "@", "`",
        "$", "{", "}", "😀", "Ω", "١٢٣", "\u0130", "ß", "null", "class", "//", "///", "\\u0022", "%", "?", ":", "- ", ": ", "&anchor", "*alias", "!!binary",
    };

    private static readonly string[] OddNames =
    {
        "class", "string", "object", "int", "bool", "void", "namespace", "System", "Task", "JsonElement", "ApiException", "Nullable", "List", "Dictionary",
        "HttpClient", "CancellationToken", "Uri", "Guid", "DateTimeOffset", "var", "value", "get", "set", "async", "await", "record", "global", "nameof", "__arglist",
        "123", "0", "1.0", "-1", "!!!", "-", ".", "$", "__", "_", "", " ", "a b", "a-b", "A", "a", "Consumer", "Corpus", "Api", "ApiClient", "IApiClient",
        "ApiClientOptions", "OpenEnum", "EnumList", "FilePart", "JsonSupport", "HttpSupport", "Equals", "ToString", "AdditionalProperties", "Item", "Value",
        "Ω", "٣", "😀", "\u202Eevil",
    };

    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly Random _random;

    public SpecMutator(int seed) => _random = new Random(seed);

    public FuzzCase Mutate(int index, string seedName, string text, bool yaml)
    {
        var log = new List<string>();
        if (_random.Next(8) == 0)
        {
            var mutated = MutateLines(text, log);
            return new FuzzCase(index, seedName, mutated, yaml ? ".yaml" : ".json", log);
        }
        JsonNode? root;
        try
        {
            root = SpecTree.Parse(text, yaml);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A seed the tree reader cannot take (a deliberately broken one) is mutated line by line.
            log.Add("seed not parsed (" + ex.GetType().Name + ")");
            return new FuzzCase(index, seedName, MutateLines(text, log), yaml ? ".yaml" : ".json", log);
        }
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            root = MutateTree(root, log);
        }
        var extension = _random.Next(3) == 0 ? ".yaml" : ".json";
        // Escaped non-BMP text ("\ud83d\udc4d") is what broke the reader: a case with emoji is escaped more often.
        var escape = _random.Next(_escapeWanted ? 2 : 4) == 0;
        var written = SpecTree.Write(root, escapeNonAscii: escape, indented: _random.Next(2) == 0);
        return new FuzzCase(index, seedName, written, extension, log);
    }

    private JsonNode? MutateTree(JsonNode? root, List<string> log)
    {
        if (root is not JsonObject doc) return root;
        switch (_random.Next(16))
        {
            case 10: SubtreeRef(doc, log); break;
            case 11: NonBmpText(doc, log); break;
            case 12: NullableEnumItems(doc, log); break;
            case 13: Int64Enum(doc, log); break;
            case 14: LongName(doc, log); break;
            case 15: RequiredDeprecated(doc, log); break;
            case 0: DeleteKey(doc, log); break;
            case 1: SwapType(doc, log); break;
            case 2: DangleRef(doc, log); break;
            case 3: InjectUnicode(doc, log); break;
            case 4: HugeString(doc, log); break;
            case 5: DeepNesting(doc, log); break;
            case 6: DuplicateOperationIds(doc, log); break;
            case 7: DropOperationIds(doc, log); break;
            case 8: RenameSchema(doc, log); break;
            default: RenameKey(doc, log); break;
        }
        return doc;
    }

    // ---- the mutations ----

    private void DeleteKey(JsonObject doc, List<string> log)
    {
        var objects = All(doc).Where(n => n.Node is JsonObject { Count: > 0 }).ToList();
        if (objects.Count == 0) return;
        var (node, path) = Pick(objects);
        var obj = (JsonObject)node!;
        var key = Pick(obj.Select(p => p.Key).ToList());
        obj.Remove(key);
        log.Add($"delete {path}/{key}");
    }

    private void SwapType(JsonObject doc, List<string> log)
    {
        var nodes = All(doc).Where(n => n.Parent is not null).ToList();
        if (nodes.Count == 0) return;
        var target = Pick(nodes);
        var current = Kind(target.Node);
        string kind;
        do kind = Pick(new[] { "string", "number", "object", "array", "null", "bool" }); while (kind == current);
        JsonNode? replacement = kind switch
        {
            "string" => JsonValue.Create(Pick(new[] { "", "x", "object", "string", "#/components/schemas/X", "3.0.0", "true" })),
            "number" => JsonNode.Parse(Pick(new[] { "0", "-1", "1.5", "1e308", "9223372036854775808", "3" })),
            "object" => Pick(new[] { new JsonObject(), new JsonObject { ["x"] = 1 }, new JsonObject { ["type"] = "string" } }),
            "array" => Pick(new[] { new JsonArray(), new JsonArray(1, "a", null), new JsonArray(new JsonObject()) }),
            "bool" => JsonValue.Create(_random.Next(2) == 0),
            _ => null,
        };
        Replace(target, replacement);
        log.Add($"swap {target.Path} {current}→{kind}");
    }

    private void DangleRef(JsonObject doc, List<string> log)
    {
        var refs = All(doc).Where(n => n.Node is JsonObject o && o.ContainsKey("$ref")).ToList();
        var schemas = Schemas(doc);
        var choice = _random.Next(4);
        if (choice == 0 && schemas is { Count: > 0 })
        {
            // A component that is only a $ref to itself.
            var name = Pick(schemas.Select(p => p.Key).ToList());
            schemas[name] = new JsonObject { ["$ref"] = SchemaPointer(doc, name) };
            log.Add($"self-ref component {name}");
            return;
        }
        if (refs.Count == 0) return;
        var (node, path) = Pick(refs);
        var obj = (JsonObject)node!;
        string target;
        if (choice == 1)
        {
            // Inside a component: point at the component that contains it.
            var parts = path.Split('/');
            var i = Array.FindIndex(parts, p => p is "schemas" or "definitions");
            target = i >= 0 && i + 1 < parts.Length ? SchemaPointer(doc, Unescape(parts[i + 1])) : SchemaPointer(doc, "Missing");
        }
        else
        {
            target = Pick(new[]
            {
                SchemaPointer(doc, "DoesNotExist"), "#/components/schemas/", "#/", "#", "", "#/paths", "#/components/responses/Nope",
                "other.yaml#/components/schemas/X", "http://example.invalid/x.json#/a", "#/components/schemas/a~1b", "#/components/schemas/%20",
                "#/definitions/X", "#/components/parameters/X", "#/components/schemas/" + Pick(OddNames),
            });
        }
        obj["$ref"] = target;
        log.Add($"ref {path} → '{target}'");
    }

    private void InjectUnicode(JsonObject doc, List<string> log)
    {
        var n = 1 + _random.Next(4);
        for (var k = 0; k < n; k++)
        {
            var fragment = Pick(Hostile);
            if (_random.Next(2) == 0)
            {
                var strings = All(doc).Where(x => x.Node is JsonValue v && v.TryGetValue<string>(out _)).ToList();
                if (strings.Count == 0) continue;
                var target = Pick(strings);
                var s = target.Node!.GetValue<string>();
                var at = _random.Next(s.Length + 1);
                Replace(target, JsonValue.Create(s.Insert(at, fragment)));
                log.Add($"inject {Show(fragment)} into value {target.Path}");
            }
            else
            {
                var objects = All(doc).Where(x => x.Node is JsonObject { Count: > 0 }).ToList();
                if (objects.Count == 0) continue;
                var (node, path) = Pick(objects);
                var obj = (JsonObject)node!;
                var key = Pick(obj.Select(p => p.Key).ToList());
                var renamed = key.Insert(_random.Next(key.Length + 1), fragment);
                if (!RenameIn(obj, key, renamed)) continue;
                log.Add($"inject {Show(fragment)} into key {path}/{key}");
            }
        }
    }

    private void HugeString(JsonObject doc, List<string> log)
    {
        // Over the reader's 65,536-character scalar limit half the time; under it otherwise, so that long names and
        // texts reach the translator and the emitters too.
        var length = _random.Next(2) == 0 ? 65_537 + _random.Next(40_000) : 300 + _random.Next(_random.Next(2) == 0 ? 1_000 : 60_000);
        var unit = Pick(new[] { "a", "Ab", "é", "😀", "x_", "*/", "\u2028", "{{", "0" });
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length) sb.Append(unit);
        var huge = sb.ToString();
        if (_random.Next(2) == 0)
        {
            var strings = All(doc).Where(x => x.Node is JsonValue v && v.TryGetValue<string>(out _)).ToList();
            if (strings.Count == 0) return;
            var target = Pick(strings);
            Replace(target, JsonValue.Create(huge));
            log.Add($"huge string ({huge.Length}) at {target.Path}");
        }
        else
        {
            var objects = All(doc).Where(x => x.Node is JsonObject { Count: > 0 }).ToList();
            var (node, path) = Pick(objects);
            var obj = (JsonObject)node!;
            var key = Pick(obj.Select(p => p.Key).ToList());
            if (RenameIn(obj, key, huge)) log.Add($"huge key ({huge.Length}) for {path}/{key}");
        }
    }

    private void DeepNesting(JsonObject doc, List<string> log)
    {
        // Over the reader's 64-level limit half the time; under it otherwise (deep schemas the translator must walk).
        var depth = _random.Next(2) == 0 ? 65 + _random.Next(200) : 10 + _random.Next(20);
        var style = _random.Next(4);
        JsonNode? leaf = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < depth; i++)
        {
            leaf = style switch
            {
                0 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["p" + i] = leaf } },
                1 => new JsonObject { ["type"] = "array", ["items"] = leaf },
                2 => new JsonObject { ["allOf"] = new JsonArray(leaf) },
                _ => new JsonArray(leaf),
            };
        }
        var schemas = Schemas(doc);
        if (schemas is not null && _random.Next(2) == 0)
        {
            var name = "Deep" + depth;
            schemas[name] = leaf;
            log.Add($"deep nesting ({depth}, style {style}) as component {name}");
            return;
        }
        var objects = All(doc).Where(x => x.Node is JsonObject && x.Parent is not null).ToList();
        if (objects.Count == 0) return;
        var target = Pick(objects);
        var obj = (JsonObject)target.Node!;
        var key = obj.Count > 0 && _random.Next(2) == 0 ? Pick(obj.Select(p => p.Key).ToList()) : "schema";
        obj[key] = leaf;
        log.Add($"deep nesting ({depth}, style {style}) at {target.Path}/{key}");
    }

    private void DuplicateOperationIds(JsonObject doc, List<string> log)
    {
        var operations = Operations(doc);
        if (operations.Count < 1) return;
        var id = _random.Next(3) switch
        {
            0 => operations.Select(o => o["operationId"]).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(s => s is not null) ?? "op",
            1 => Pick(OddNames),
            _ => "Dispose",
        };
        var n = Math.Max(1, _random.Next(operations.Count + 1));
        foreach (var op in operations.OrderBy(_ => _random.Next()).Take(n)) op["operationId"] = id;
        log.Add($"operationId '{Show(id)}' on {n} operations");
    }

    private void DropOperationIds(JsonObject doc, List<string> log)
    {
        var operations = Operations(doc);
        if (operations.Count == 0) return;
        var all = _random.Next(2) == 0;
        var n = 0;
        foreach (var op in operations)
        {
            if (all || _random.Next(2) == 0)
            {
                op.Remove("operationId");
                n++;
            }
        }
        log.Add($"dropped {n} operationIds");
    }

    private void RenameSchema(JsonObject doc, List<string> log)
    {
        var schemas = Schemas(doc);
        if (schemas is not { Count: > 0 }) return;
        var name = Pick(schemas.Select(p => p.Key).ToList());
        var renamed = Pick(OddNames);
        if (!RenameIn(schemas, name, renamed)) return;
        var rewrite = _random.Next(3) != 0;
        if (rewrite)
        {
            var from = SchemaPointer(doc, name);
            var to = SchemaPointer(doc, renamed.Replace("~", "~0").Replace("/", "~1"));
            foreach (var (node, _) in All(doc).Where(x => x.Node is JsonObject o && o.ContainsKey("$ref")).ToList())
            {
                var obj = (JsonObject)node!;
                if (obj["$ref"] is JsonValue v && v.TryGetValue<string>(out var s) && s == from) obj["$ref"] = to;
            }
        }
        log.Add($"schema '{name}' → '{Show(renamed)}'{(rewrite ? " (refs updated)" : "")}");
    }

    private void RenameKey(JsonObject doc, List<string> log)
    {
        var objects = All(doc).Where(x => x.Node is JsonObject { Count: > 0 } && x.Parent is not null).ToList();
        if (objects.Count == 0) return;
        var (node, path) = Pick(objects);
        var obj = (JsonObject)node!;
        var key = Pick(obj.Select(p => p.Key).ToList());
        var renamed = Pick(OddNames);
        if (RenameIn(obj, key, renamed)) log.Add($"key {path}/{key} → '{Show(renamed)}'");
    }

    private string MutateLines(string text, List<string> log)
    {
        var lines = text.Split('\n').ToList();
        var n = 1 + _random.Next(3);
        for (var k = 0; k < n && lines.Count > 0; k++)
        {
            var i = _random.Next(lines.Count);
            switch (_random.Next(4))
            {
                case 0:
                    lines.RemoveAt(i);
                    log.Add($"line {i + 1} deleted");
                    break;
                case 1:
                    lines.Insert(i, lines[i]);
                    log.Add($"line {i + 1} duplicated");
                    break;
                case 2:
                    var fragment = Pick(Hostile);
                    lines[i] = lines[i].Insert(_random.Next(lines[i].Length + 1), fragment);
                    log.Add($"line {i + 1}: inject {Show(fragment)}");
                    break;
                default:
                    lines[i] = new string(' ', _random.Next(6)) + lines[i].TrimStart();
                    log.Add($"line {i + 1} re-indented");
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    // ---- tree helpers ----

    private readonly record struct Located(JsonNode? Node, string Path, JsonNode? Parent, string? Key, int Index)
    {
        public void Deconstruct(out JsonNode? node, out string path)
        {
            node = Node;
            path = Path;
        }
    }

    private static List<Located> All(JsonNode root)
    {
        var result = new List<Located>();
        var stack = new Stack<Located>();
        stack.Push(new Located(root, "#", null, null, -1));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            result.Add(item);
            switch (item.Node)
            {
                case JsonObject obj:
                    foreach (var pair in obj) stack.Push(new Located(pair.Value, item.Path + "/" + Escape(pair.Key), obj, pair.Key, -1));
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) stack.Push(new Located(array[i], item.Path + "/" + i, array, null, i));
                    break;
            }
        }
        return result;
    }

    private static void Replace(Located target, JsonNode? replacement)
    {
        if (target.Parent is JsonObject obj) obj[target.Key!] = replacement;
        else if (target.Parent is JsonArray array) array[target.Index] = replacement;
    }

    /// <summary>Renames a key in place (order kept); false when the new name is taken.</summary>
    private static bool RenameIn(JsonObject obj, string key, string renamed)
    {
        if (key == renamed || obj.ContainsKey(renamed)) return false;
        var pairs = obj.ToList();
        obj.Clear();
        foreach (var pair in pairs) obj[pair.Key == key ? renamed : pair.Key] = pair.Value;
        return true;
    }

    private static JsonObject? Schemas(JsonObject doc) =>
        doc["definitions"] as JsonObject ?? (doc["components"] as JsonObject)?["schemas"] as JsonObject;

    private static string SchemaPointer(JsonObject doc, string name) =>
        (doc.ContainsKey("swagger") ? "#/definitions/" : "#/components/schemas/") + name;

    private static List<JsonObject> Operations(JsonObject doc)
    {
        var result = new List<JsonObject>();
        if (doc["paths"] is not JsonObject paths) return result;
        foreach (var path in paths)
        {
            if (path.Value is not JsonObject item) continue;
            foreach (var method in Methods)
            {
                if (item[method] is JsonObject op) result.Add(op);
            }
        }
        return result;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "bool",
        _ => "number",
    };

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    private static string Unescape(string key) => key.Replace("~1", "/").Replace("~0", "~");

    private static string Show(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 40 ? s.Substring(0, 40) + "…" : s)
        {
            if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("X4"));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
