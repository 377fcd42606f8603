using System.Text.Json.Nodes;

namespace DataGouv.Generator.Tests.Fuzzing;

/// <summary>
/// Mutations for the failure classes the fuzzer once missed and real specs found (issue 14): a $ref into a subtree
/// of a component, escaped non-BMP text, nullable enums as array items, int64 enums, names long enough to overflow a
/// file name, required + deprecated.
/// </summary>
internal sealed partial class SpecMutator
{
    private static readonly string[] NonBmp = { "😀", "👍", "🎉", "𝔘𝔫𝔦", "🇫🇷", "👩‍👩‍👧", "𠜎" };

    private bool _escapeWanted;

    /// <summary>A $ref to a node inside another component (properties/x, allOf/0, items...), sometimes from inside that node.</summary>
    private void SubtreeRef(JsonObject doc, List<string> log)
    {
        var schemas = Schemas(doc);
        if (schemas is null || schemas.Count == 0) return;
        var prefix = doc.ContainsKey("swagger") ? "#/definitions/" : "#/components/schemas/";
        var inside = All(schemas).Where(n => n.Node is JsonObject && n.Path.Count(c => c == '/') >= 3).ToList();
        if (inside.Count == 0) return;
        var target = Pick(inside);
        // target.Path is "#/<name>/…" relative to the schemas object.
        var pointer = prefix + target.Path.Substring(2);
        var reference = new JsonObject { ["$ref"] = pointer };
        var holders = All(schemas).Where(n => n.Node is JsonObject o && o.ContainsKey("properties") && o["properties"] is JsonObject).ToList();
        if (holders.Count == 0) return;
        var holder = (JsonObject)Pick(holders).Node!;
        var properties = (JsonObject)holder["properties"]!;
        var style = _random.Next(3);
        var name = "sub" + _random.Next(100);
        if (properties.ContainsKey(name)) return;
        properties[name] = style switch
        {
            0 => reference,
            1 => new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["n"] = new JsonObject { ["type"] = "string" } } }, reference) },
            _ => new JsonObject { ["type"] = "array", ["items"] = reference },
        };
        // Sometimes the subtree also refers to itself.
        if (_random.Next(2) == 0 && target.Node is JsonObject subtree && subtree["properties"] is JsonObject own && !own.ContainsKey("self"))
        {
            own["self"] = new JsonObject { ["$ref"] = pointer };
            log.Add($"subtree ref {pointer} (style {style}, self-referencing)");
            return;
        }
        log.Add($"subtree ref {pointer} (style {style})");
    }

    /// <summary>Emoji and other non-BMP characters in descriptions, enum values and keys; the case is then often written escaped.</summary>
    private void NonBmpText(JsonObject doc, List<string> log)
    {
        _escapeWanted = true;
        var strings = All(doc).Where(n => n.Node is JsonValue v && v.TryGetValue<string>(out _) && n.Key is "description" or "title" or "summary" or "example" or null).ToList();
        var n = 1 + _random.Next(3);
        for (var k = 0; k < n && strings.Count > 0; k++)
        {
            var target = Pick(strings);
            var text = target.Node!.GetValue<string>();
            Replace(target, JsonValue.Create(text + " " + Pick(NonBmp)));
            log.Add($"non-BMP text at {target.Path}");
        }
        var schemas = Schemas(doc);
        if (schemas is not null && !schemas.ContainsKey("Mood"))
        {
            schemas["Mood"] = new JsonObject { ["type"] = "string", ["description"] = "Mood " + Pick(NonBmp), ["enum"] = new JsonArray(Pick(NonBmp), Pick(NonBmp) + "x", "plain") };
            log.Add("non-BMP enum Mood");
        }
    }

    /// <summary>A nullable string enum (3.0 nullable, or a null value) used as array items, as a map value and alone.</summary>
    private void NullableEnumItems(JsonObject doc, List<string> log)
    {
        var schemas = Schemas(doc);
        if (schemas is null || schemas.ContainsKey("Subtype")) return;
        var prefix = doc.ContainsKey("swagger") ? "#/definitions/" : "#/components/schemas/";
        var nullable = doc.ContainsKey("swagger") ? "x-nullable" : "nullable";
        schemas["Subtype"] = new JsonObject { ["type"] = "string", [nullable] = true, ["enum"] = new JsonArray("checking", "savings", null) };
        var holders = schemas.Where(p => p.Value is JsonObject o && o["properties"] is JsonObject).Select(p => (JsonObject)p.Value!["properties"]!).ToList();
        if (holders.Count == 0) return;
        var properties = Pick(holders);
        properties["subtypes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = prefix + "Subtype" } };
        properties["inlineSubtypes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", [nullable] = true, ["enum"] = new JsonArray("a", "b") } };
        properties["subtypeMap"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = prefix + "Subtype" } };
        log.Add("nullable enum Subtype as array items");
    }

    /// <summary>An int64 integer enum with values past int32, used by a property and a list.</summary>
    private void Int64Enum(JsonObject doc, List<string> log)
    {
        var schemas = Schemas(doc);
        if (schemas is null || schemas.ContainsKey("Flags64")) return;
        var prefix = doc.ContainsKey("swagger") ? "#/definitions/" : "#/components/schemas/";
        schemas["Flags64"] = new JsonObject
        {
            ["type"] = "integer", ["format"] = "int64",
            ["enum"] = new JsonArray(1, 1099511627776L, -9223372036854775808L, 9223372036854775807L),
        };
        var holders = schemas.Where(p => p.Value is JsonObject o && o["properties"] is JsonObject).Select(p => (JsonObject)p.Value!["properties"]!).ToList();
        if (holders.Count == 0) return;
        var properties = Pick(holders);
        properties["flags"] = new JsonObject { ["$ref"] = prefix + "Flags64" };
        properties["flagList"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = prefix + "Flags64" } };
        log.Add("int64 enum Flags64");
    }

    /// <summary>A schema, property or operationId renamed to 150–400 characters (ASCII or not), refs updated.</summary>
    private void LongName(JsonObject doc, List<string> log)
    {
        var unit = Pick(new[] { "VeryLongName", "Données", "名前", "😀x" });
        var name = string.Concat(Enumerable.Repeat(unit, 150 / unit.Length + _random.Next(250 / unit.Length)));
        var schemas = Schemas(doc);
        var choice = _random.Next(3);
        if (choice == 0 && schemas is { Count: > 0 })
        {
            var old = Pick(schemas.Select(p => p.Key).ToList());
            if (!RenameIn(schemas, old, name)) return;
            var oldPointer = SchemaPointer(doc, Escape(old));
            foreach (var r in All(doc).Where(n => n.Node is JsonObject o && o["$ref"] is JsonValue v && v.TryGetValue<string>(out var s) && s == oldPointer).ToList())
            {
                ((JsonObject)r.Node!)["$ref"] = SchemaPointer(doc, Escape(name));
            }
            log.Add($"schema '{Show(old)}' renamed to a {name.Length}-char name");
        }
        else if (choice == 1)
        {
            var ops = Operations(doc);
            if (ops.Count == 0) return;
            Pick(ops)["operationId"] = name;
            log.Add($"operationId of {name.Length} chars");
        }
        else
        {
            var holders = All(doc).Where(n => n.Node is JsonObject o && o["properties"] is JsonObject { Count: > 0 }).ToList();
            if (holders.Count == 0) return;
            var properties = (JsonObject)((JsonObject)Pick(holders).Node!)["properties"]!;
            properties[name] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [name + "Inner"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b") } } };
            log.Add($"inline property of {name.Length} chars");
        }
    }

    /// <summary>A property both required and deprecated (CS9042 if it became an [Obsolete] required member).</summary>
    private void RequiredDeprecated(JsonObject doc, List<string> log)
    {
        var holders = All(doc).Where(n => n.Node is JsonObject o && o["properties"] is JsonObject { Count: > 0 }).ToList();
        if (holders.Count == 0) return;
        var schema = (JsonObject)Pick(holders).Node!;
        var properties = (JsonObject)schema["properties"]!;
        var key = Pick(properties.Select(p => p.Key).ToList());
        if (properties[key] is not JsonObject property) return;
        property["deprecated"] = true;
        if (schema["required"] is not JsonArray required) schema["required"] = required = new JsonArray();
        if (!required.Any(r => r is JsonValue v && v.TryGetValue<string>(out var s) && s == key)) required.Add(key);
        log.Add($"required + deprecated {Show(key)}");
    }
}
