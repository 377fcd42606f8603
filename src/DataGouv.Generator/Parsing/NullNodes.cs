using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// A key with nothing after it in YAML ("tag:", "'404':", "application/json:") is a JSON null where the OpenAPI
/// reader expects an object, and the reader throws a NullReferenceException on it. In the maps and slots that hold
/// OpenAPI objects, such a null is read as an empty object, which is what the author meant: a property of any type,
/// a response without a body. Nulls elsewhere (example, default, enum values, extensions) are values and stay.
/// </summary>
internal static class NullNodes
{
    /// <summary>Maps whose values are OpenAPI objects.</summary>
    private static readonly HashSet<string> ObjectMaps = new(StringComparer.Ordinal)
    {
        "paths", "webhooks", "properties", "patternProperties", "$defs", "definitions", "schemas", "responses", "content", "headers",
        "links", "callbacks", "requestBodies", "securitySchemes", "securityDefinitions", "encoding", "dependentSchemas", "pathItems",
    };

    /// <summary>Keys whose value is one OpenAPI object.</summary>
    private static readonly HashSet<string> ObjectSlots = new(StringComparer.Ordinal)
    {
        "schema", "items", "not", "requestBody", "info", "components", "get", "put", "post", "delete", "options", "head", "patch", "trace",
    };

    /// <summary>JSON null, or the empty scalar YAML gives for a key with nothing after it.</summary>
    private static bool IsNothing(JsonNode? node) =>
        node is null || (node is JsonValue v && (v.GetValueKind() == System.Text.Json.JsonValueKind.Null || (v.TryGetValue<string>(out var s) && s.Length == 0)));

    public static void Replace(JsonObject root)
    {
        var stack = new Stack<(JsonNode Node, string? Key, int Depth)>();
        stack.Push((root, null, 0));
        while (stack.Count > 0)
        {
            var (node, key, depth) = stack.Pop();
            if (depth > SpecText.MaxDepth) continue;
            if (node is JsonObject obj)
            {
                List<string>? empty = null;
                foreach (var pair in obj)
                {
                    if (IsNothing(pair.Value))
                    {
                        var inMap = key is not null && ObjectMaps.Contains(key) && !pair.Key.StartsWith("x-", StringComparison.Ordinal);
                        if (inMap || ObjectSlots.Contains(pair.Key)) (empty ??= new List<string>()).Add(pair.Key);
                    }
                    else if (pair.Value is JsonObject or JsonArray)
                    {
                        stack.Push((pair.Value, pair.Key, depth + 1));
                    }
                }
                if (empty is not null)
                {
                    foreach (var name in empty) obj[name] = new JsonObject();
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    // A null entry in parameters, allOf, oneOf... is no object at all: drop it.
                    if (IsNothing(array[i]) && key is "parameters" or "allOf" or "oneOf" or "anyOf" or "prefixItems" or "security" or "servers" or "tags")
                    {
                        array.RemoveAt(i--);
                        continue;
                    }
                    if (array[i] is JsonObject or JsonArray) stack.Push((array[i]!, key, depth + 1));
                }
            }
        }
    }
}
