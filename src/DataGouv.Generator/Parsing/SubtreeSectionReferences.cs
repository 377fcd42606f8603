using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// The <see cref="SubtreeReferences"/> of responses, request bodies and parameters: a <c>$ref</c> from one operation's
/// response to another operation's (<c>#/paths/~1pets/get/responses/200</c>) means that response, but the reader only
/// resolves <c>#/components/responses/X</c> (it reads the pointer as a component named "200" and finds nothing). The
/// target becomes a component of its own (named from its pointer: <c>pets_get_200</c>), and both the target and every
/// reference to it point there, so it is one shared component (one type, see <see cref="SharedComponents"/>) instead
/// of a response without a body. Works on the JSON tree before the reader sees it; every walk is bounded.
/// </summary>
internal static class SubtreeSectionReferences
{
    /// <summary>Rewrites <paramref name="root"/> in place; returns how many subtrees became components.</summary>
    public static int Hoist(JsonObject root, bool swagger2)
    {
        var holders = new List<(JsonObject Holder, string Section, string[] Pointer)>();
        Walk(root, swagger2, holders);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var targets = new List<(JsonObject Target, JsonObject Into, string Name)>();
        foreach (var (_, section, pointer) in holders)
        {
            var key = SubtreeReferences.Key(pointer);
            // Only a target in the same kind of position (a response for a response) can stand in for it.
            if (names.ContainsKey(key) || Section(pointer, swagger2) != section) continue;
            // A target that is itself a $ref (a chain, or a loop back to the holder) is left to the reader: hoisting it
            // could make a component that refers to itself.
            if (SubtreeReferences.Resolve(root, pointer) is not JsonObject target || target.Parent is null || target.ContainsKey("$ref")) continue;
            var into = Components(root, section, swagger2);
            var name = SubtreeReferences.UniqueName(into, targets.Where(t => t.Into == into).Select(t => t.Name), SubtreeReferences.Name(pointer));
            names[key] = name;
            targets.Add((target, into, name));
        }
        foreach (var (holder, section, pointer) in holders)
        {
            if (names.TryGetValue(SubtreeReferences.Key(pointer), out var name)) holder["$ref"] = Prefix(section, swagger2) + SubtreeReferences.Escape(name);
        }
        foreach (var (target, into, name) in targets)
        {
            var section = SectionOf(into, root, swagger2);
            var copy = target.DeepClone();
            SubtreeReferences.Replace(target, new JsonObject { ["$ref"] = Prefix(section, swagger2) + SubtreeReferences.Escape(name) });
            into[name] = copy;
        }
        return targets.Count;
    }

    /// <summary>Every response, request body or parameter <c>$ref</c> under <c>paths</c> whose pointer is not a component.</summary>
    private static void Walk(JsonObject root, bool swagger2, List<(JsonObject, string, string[])> holders)
    {
        if (root["paths"] is not JsonObject paths) return;
        // The positions are at fixed depths under paths (path item, operation, responses/parameters): no deep walk.
        foreach (var path in paths)
        {
            if (path.Value is not JsonObject item) continue;
            Check(item["parameters"] as JsonArray, new[] { "paths", path.Key, "parameters" });
            foreach (var operation in item)
            {
                if (operation.Value is not JsonObject op || operation.Key == "parameters") continue;
                var at = new[] { "paths", path.Key, operation.Key };
                Check(op["parameters"] as JsonArray, SubtreeReferences.Append(at, "parameters"));
                if (!swagger2 && op["requestBody"] is JsonObject body) Add(body, SubtreeReferences.Append(at, "requestBody"));
                if (op["responses"] is JsonObject responses)
                {
                    foreach (var response in responses)
                    {
                        if (response.Value is JsonObject r) Add(r, SubtreeReferences.Append(SubtreeReferences.Append(at, "responses"), response.Key));
                    }
                }
            }
        }

        void Check(JsonArray? parameters, string[] at)
        {
            if (parameters is null) return;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] is JsonObject p) Add(p, SubtreeReferences.Append(at, i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        void Add(JsonObject holder, string[] at)
        {
            if (holder.TryGetPropertyValue("$ref", out var node) && node is JsonValue value && value.TryGetValue<string>(out var reference)
                && reference.StartsWith("#/paths/", StringComparison.Ordinal) && Section(at, swagger2) is { } section)
            {
                holders.Add((holder, section, SubtreeReferences.Split(reference)));
            }
        }
    }

    /// <summary>Which section an object at <paramref name="at"/> (a position under paths) belongs to, or null.</summary>
    private static string? Section(string[] at, bool swagger2)
    {
        if (at.Length < 4 || at[0] != "paths") return null;
        // paths/{path}/parameters/{i}, paths/{path}/{method}/parameters/{i}
        if ((at.Length == 4 && at[2] == "parameters") || (at.Length == 5 && at[3] == "parameters")) return "parameters";
        if (at.Length == 4 && at[3] == "requestBody" && !swagger2) return "requestBodies";
        if (at.Length == 5 && at[3] == "responses") return "responses";
        return null;
    }

    private static string Prefix(string section, bool swagger2) => swagger2 ? "#/" + section + "/" : "#/components/" + section + "/";

    private static JsonObject Components(JsonObject root, string section, bool swagger2)
    {
        var parent = root;
        if (!swagger2)
        {
            if (root["components"] is not JsonObject components) root["components"] = components = new JsonObject();
            parent = components;
        }
        if (parent[section] is not JsonObject into) parent[section] = into = new JsonObject();
        return into;
    }

    private static string SectionOf(JsonObject into, JsonObject root, bool swagger2)
    {
        var parent = swagger2 ? root : (JsonObject)root["components"]!;
        return parent.First(p => ReferenceEquals(p.Value, into)).Key;
    }
}
