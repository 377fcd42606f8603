using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Swagger 2.0 <c>type: file</c> (a formData upload or a file response) becomes <c>type: string, format: binary</c>,
/// its OpenAPI 3 meaning. The reader turns it into a plain string and the upload would be lost.
/// </summary>
internal static class Swagger2Files
{
    public static void Rewrite(JsonObject root)
    {
        var stack = new Stack<(JsonNode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > SpecText.MaxDepth) continue;
            if (node is JsonObject obj)
            {
                if (obj.TryGetPropertyValue("type", out var type) && type is JsonValue value && value.TryGetValue<string>(out var name) && name == "file")
                {
                    obj["type"] = "string";
                    obj["format"] = "binary";
                }
                foreach (var pair in obj)
                {
                    if (pair.Value is JsonObject or JsonArray) stack.Push((pair.Value!, depth + 1));
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is JsonObject or JsonArray) stack.Push((item!, depth + 1));
                }
            }
        }
    }
}
