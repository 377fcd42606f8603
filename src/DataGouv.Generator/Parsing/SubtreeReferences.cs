using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Makes a <c>$ref</c> into a subtree (<c>#/components/schemas/Node/properties/child</c>, <c>#/paths/…/schema</c>,
/// <c>#/components/schemas/A/$defs/B</c>) mean that subtree. The OpenAPI reader resolves such a pointer to nothing,
/// or in older versions to the whole component, which made the generator recurse without end. Each targeted subtree
/// becomes a schema component of its own (named from its pointer) and is replaced in place by a <c>$ref</c> to it, so
/// the schema is one generated type wherever it is used, and a subtree that refers to itself is a named recursive
/// type, not an endless inline one. Works on the JSON tree before the reader sees it; every walk is bounded.
/// </summary>
internal static class SubtreeReferences
{
    /// <summary>Keys whose value is a schema.</summary>
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal)
    {
        "schema", "items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "contentSchema",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems", "itemSchema",
    };

    /// <summary>Keys whose value maps names to schemas.</summary>
    private static readonly HashSet<string> SchemaMapKeys = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "dependentSchemas" };

    /// <summary>Keys whose value is a list of schemas.</summary>
    private static readonly HashSet<string> SchemaListKeys = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>Pointer segments left out of a hoisted component's name: they say where, not what.</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "components", "schemas", "definitions", "properties", "items", "allOf", "anyOf", "oneOf", "additionalProperties", "$defs",
        "content", "schema", "paths", "responses", "requestBody", "parameters", "application/json",
    };

    /// <summary>Rewrites <paramref name="root"/> in place; returns how many subtrees became components.</summary>
    public static int Hoist(JsonObject root, bool swagger2)
    {
        var holders = new List<(JsonObject Holder, string[] Pointer)>();
        Walk(root, swagger2, holders);
        if (holders.Count == 0) return 0;

        var schemas = SchemaComponents(root, swagger2);
        var prefix = swagger2 ? "#/definitions/" : "#/components/schemas/";
        // Name every target first and point every $ref at its new component before any subtree is copied: a subtree
        // that refers to itself must carry the new $ref into its copy.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new List<(JsonObject Target, string Name, int Depth)>();
        foreach (var pointer in holders.Select(h => h.Pointer).Distinct(PointerComparer.Instance))
        {
            // Only a schema can become a schema component: "#/paths" or "#/info" stay unresolved (DG0004).
            if (!IsSchemaPosition(pointer, swagger2) || Resolve(root, pointer) is not JsonObject target || target.Parent is null) continue;
            var name = UniqueName(schemas, names.Values, Name(pointer));
            names[Key(pointer)] = name;
            targets.Add((target, name, pointer.Length));
        }
        foreach (var (holder, pointer) in holders)
        {
            if (names.TryGetValue(Key(pointer), out var name)) holder["$ref"] = prefix + Escape(name);
        }
        // Deepest first: a subtree inside another targeted subtree is replaced by its $ref before the parent is copied.
        foreach (var (target, name, _) in targets.OrderByDescending(t => t.Depth))
        {
            var copy = target.DeepClone();
            Replace(target, new JsonObject { ["$ref"] = prefix + Escape(name) });
            schemas[name] = copy;
        }
        return targets.Count;
    }

    /// <summary>Finds every schema-position <c>$ref</c> whose pointer goes deeper than a component; iterative, depth-bounded.</summary>
    private static void Walk(JsonObject root, bool swagger2, List<(JsonObject, string[])> holders)
    {
        var stack = new Stack<(JsonNode Node, string[] Path)>();
        stack.Push((root, Array.Empty<string>()));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (path.Length > SpecText.MaxDepth) continue;
            if (node is JsonObject obj)
            {
                if (obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue value && value.TryGetValue<string>(out var reference)
                    && reference.StartsWith("#/", StringComparison.Ordinal) && IsSchemaPosition(path, swagger2))
                {
                    var pointer = Split(reference);
                    if (!IsComponentReference(pointer)) holders.Add((obj, pointer));
                }
                foreach (var pair in obj)
                {
                    if (pair.Value is JsonObject or JsonArray) stack.Push((pair.Value!, Append(path, pair.Key)));
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray) stack.Push((array[i]!, Append(path, i.ToString(CultureInfo.InvariantCulture))));
                }
            }
        }
    }

    private static bool IsSchemaPosition(string[] path, bool swagger2)
    {
        if (path.Length == 0) return false;
        var last = path[path.Length - 1];
        if (SchemaKeys.Contains(last)) return true;
        if (path.Length < 2) return false;
        var parent = path[path.Length - 2];
        if (SchemaMapKeys.Contains(parent)) return true;
        if (SchemaListKeys.Contains(parent) && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return true;
        // A component that is itself a $ref.
        if (swagger2) return path.Length == 2 && parent == "definitions";
        return path.Length == 3 && path[0] == "components" && parent == "schemas";
    }

    /// <summary>#/components/&lt;kind&gt;/&lt;name&gt; (3.x) or #/definitions|parameters|responses/&lt;name&gt; (2.0): the reader resolves those.</summary>
    private static bool IsComponentReference(string[] pointer) =>
        (pointer.Length == 3 && pointer[0] == "components")
        || (pointer.Length == 2 && pointer[0] is "definitions" or "parameters" or "responses" or "securityDefinitions");

    private static JsonObject SchemaComponents(JsonObject root, bool swagger2)
    {
        if (swagger2)
        {
            if (root["definitions"] is not JsonObject definitions) root["definitions"] = definitions = new JsonObject();
            return definitions;
        }
        if (root["components"] is not JsonObject components) root["components"] = components = new JsonObject();
        if (components["schemas"] is not JsonObject schemas) components["schemas"] = schemas = new JsonObject();
        return schemas;
    }

    internal static JsonNode? Resolve(JsonNode root, string[] pointer)
    {
        var node = root;
        foreach (var segment in pointer)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count ? array[i] : null,
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    internal static void Replace(JsonNode target, JsonNode replacement)
    {
        switch (target.Parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    /// <summary>"Node/properties/child" → "Node_child"; "paths/~1pets/get/responses/200/…/schema" → "pets_get_200".</summary>
    internal static string Name(string[] pointer)
    {
        var parts = pointer.Where(s => !Structural.Contains(s) && s.Length > 0).Select(s => s.Trim('/').Replace('/', '_')).Where(s => s.Length > 0).ToList();
        return parts.Count == 0 ? "Subtree" : string.Join("_", parts);
    }

    internal static string UniqueName(JsonObject schemas, IEnumerable<string> taken, string name)
    {
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        if (!schemas.ContainsKey(name) && !used.Contains(name)) return name;
        for (var i = 2; ; i++)
        {
            var candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (!schemas.ContainsKey(candidate) && !used.Contains(candidate)) return candidate;
        }
    }

    internal static string[] Split(string reference) =>
        reference.Substring(2).Split('/').Select(s => Uri.UnescapeDataString(s).Replace("~1", "/").Replace("~0", "~")).ToArray();

    internal static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    internal static string Key(string[] pointer) => string.Join("\u0000", pointer);

    internal static string[] Append(string[] path, string segment)
    {
        var next = new string[path.Length + 1];
        path.CopyTo(next, 0);
        next[path.Length] = segment;
        return next;
    }

    private sealed class PointerComparer : IEqualityComparer<string[]>
    {
        public static readonly PointerComparer Instance = new();
        public bool Equals(string[]? x, string[]? y) => x!.SequenceEqual(y!, StringComparer.Ordinal);
        public int GetHashCode(string[] obj) => Key(obj).GetHashCode();
    }
}
