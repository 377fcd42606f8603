using System.Collections.Generic;
using System.Linq;
using System.Text;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of the spec-wide JSON file for <c>Json.sbncs</c>: the read/write method of every array and map
/// shape, and the <c>IJsonTypeInfoResolver</c> built on JsonMetadataServices that makes every generated type usable
/// with JsonSerializer while reflection is off.
/// </summary>
internal static class JsonEmitter
{
    public static string Emit(SpecModel spec, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var shapes = JsonCode.CollectionShapes(AllTypeRefs(spec));
        var collections = new StringBuilder();
        foreach (var shape in shapes) collections.Append(Shape(shape, ctx));

        var resolver = new StringBuilder();
        foreach (var type in spec.Types)
        {
            var full = $"global::{ns}.{type.Name}";
            var converter = type.Kind switch
            {
                TypeModelKind.Object => $"new global::{ns}.Serialization.{type.Name}JsonConverter(_lenient)",
                TypeModelKind.IntegerEnum => null,
                _ => $"new global::{ns}.Serialization.{type.Name}JsonConverter()",
            };
            if (converter is null) continue;
            resolver.Append($"        if (type == typeof({full})) return __Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{full}>(options, {converter});\n");
        }
        var specialized = new HashSet<string>();
        foreach (var shape in shapes.Where(s => s.Kind == TypeKind.Array))
        {
            var element = CSharp.TypeName(shape.Element!, ns);
            specialized.Add(element);
            var read = $"{ctx.Json.Collections}.Read{shape.Moniker}(ref r, l)";
            var write = $"{ctx.Json.Collections}.Write{shape.Moniker}(w, v, false)";
            var targets = new List<string> { $"global::System.Collections.Generic.IList<{element}>", $"global::System.Collections.Generic.IReadOnlyList<{element}>" };
            if (shape.Element!.Kind != TypeKind.StringEnum) targets.Add($"global::System.Collections.Generic.List<{element}>");
            foreach (var target in targets)
            {
                resolver.Append($"        if (type == typeof({target})) return __Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{target}>(options, new global::DataGouv.Client.Runtime.DelegateJsonConverter<{target}>(static (ref __Json.Utf8JsonReader r, bool l) => {read}, static (w, v) => {write}, _lenient));\n");
            }
        }
        // Lists of every other generated type, through one generic helper: a line per type instead of a pair of
        // generated methods per type (which made the JSON file of a 4,000-schema spec 20 MB).
        foreach (var type in spec.Types.Where(t => t.Kind != TypeModelKind.IntegerEnum))
        {
            var full = $"global::{ns}.{type.Name}";
            if (specialized.Contains(full)) continue;
            var kind = type.Kind switch { TypeModelKind.StringEnum => TypeKind.StringEnum, TypeModelKind.Union => TypeKind.Union, _ => TypeKind.Object };
            var element = new TypeRef(kind, type.Name);
            if (kind == TypeKind.StringEnum)
            {
                // Lists of string enums are EnumList<T>, which keeps the text of values this client does not know.
                var converter = $"global::{ns}.Serialization.{type.Name}JsonConverter";
                resolver.Append($"        if (__Support.IsListOf<{full}>(type) || type == typeof(global::DataGouv.Client.EnumList<{full}>)) return __Support.EnumListInfo<{full}>(type, options, {converter}.Parse, {converter}.Write, _lenient);\n");
                continue;
            }
            var read = ctx.Json.Read(element, "r", "l");
            resolver.Append($"        if (__Support.IsListOf<{full}>(type)) return __Support.ListInfo<{full}>(type, options, static (ref __Json.Utf8JsonReader r, bool l) => {read}, static (w, v) => {ctx.Json.Write(element, "v", "w", "false").TrimEnd(';')}, _lenient);\n");
        }

        var view = new
        {
            Header = FileHeader.Text(ctx.SpecFile),
            Namespace = ns,
            ClientName = ctx.ClientName,
            GeneratedCode = FileHeader.GeneratedCode,
            Collections = collections.ToString(),
            ResolverCases = resolver.ToString(),
            LenientByDefault = ctx.Options.LenientRequired ? "true" : "false",
        };
        return TemplateRenderer.Render("Json", view);
    }

    /// <summary>Every type reference of the spec: properties, additional properties, union variants, bodies, responses, parameters.</summary>
    public static IEnumerable<TypeRef> AllTypeRefs(SpecModel spec)
    {
        foreach (var t in spec.Types)
        {
            foreach (var p in t.Properties) yield return p.Type;
            if (t.AdditionalProperties is not null) yield return t.AdditionalProperties;
            foreach (var v in t.Variants) yield return v.Type;
        }
        foreach (var o in spec.Operations)
        {
            if (o.Body?.Type is { } b) yield return b;
            if (o.Body is not null) foreach (var f in o.Body.Fields) yield return f.Type;
            if (o.Success.Type is { } s) yield return s;
            foreach (var e in o.Errors) if (e.Type is not null) yield return e.Type;
            foreach (var p in o.Parameters) yield return p.Type;
        }
    }

    private static string Shape(TypeRef shape, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var code = ctx.Json;
        var element = shape.Element!;
        var elementType = CSharp.TypeName(element, ns);
        var concrete = CSharp.ConcreteCollection(shape, ns);
        var sb = new StringBuilder();
        var nullCheck = element.Nullable
            ? ""
            : $"                    if (!lenient) throw __Support.NullNotAllowed({CSharp.Literal(shape.Moniker)}, \"item\");\n";
        var isEnum = element.Kind == TypeKind.StringEnum;
        if (shape.Kind == TypeKind.Array)
        {
            sb.Append($"    public static {concrete} Read{shape.Moniker}(ref __Json.Utf8JsonReader reader, bool lenient)\n    {{\n");
            sb.Append($"        if (reader.TokenType != __Json.JsonTokenType.StartArray) throw __Support.Unexpected(ref reader, {CSharp.Literal(shape.Moniker)}, \"an array\");\n");
            sb.Append($"        var list = new {concrete}();\n        try\n        {{\n");
            sb.Append("            while (reader.Read() && reader.TokenType != __Json.JsonTokenType.EndArray)\n            {\n");
            sb.Append("                if (reader.TokenType == __Json.JsonTokenType.Null)\n                {\n");
            sb.Append(nullCheck);
            sb.Append("                    list.Add(default!);\n                    continue;\n                }\n");
            if (isEnum)
            {
                sb.Append($"                var item = global::{ns}.Serialization.{element.Name}JsonConverter.Parse(ref reader, out var raw);\n                list.Add(item, raw);\n");
            }
            else
            {
                sb.Append($"                list.Add({code.Read(element)});\n");
            }
            sb.Append("            }\n        }\n");
            sb.Append($"        catch (global::System.Exception ex) when (__Support.IsReadFailure(ex))\n        {{\n");
            sb.Append($"            throw __Support.NestIndex(ex, {CSharp.Literal(shape.Moniker)}, list.Count);\n        }}\n");
            sb.Append("        return list;\n    }\n\n");

            sb.Append($"    public static void Write{shape.Moniker}(__Json.Utf8JsonWriter writer, global::System.Collections.Generic.IEnumerable<{elementType}> value, bool request)\n    {{\n");
            sb.Append("        writer.WriteStartArray();\n");
            if (isEnum) sb.Append($"        var raws = value as global::DataGouv.Client.EnumList<{elementType}>;\n");
            var access = element.IsValueType && element.Nullable ? "item.Value" : "item";
            var body = (element.Nullable || !element.IsValueType ? "if (item is null) writer.WriteNullValue();\n                else " : "")
                + code.Write(element, access, raw: isEnum ? "raws?.GetRawValue(index)" : null);
            // Indexing a List<T>/IList<T> avoids the boxed enumerator that foreach over IEnumerable<T> allocates.
            sb.Append($"        if (value is global::System.Collections.Generic.IList<{elementType}> list)\n        {{\n");
            sb.Append("            for (var index = 0; index < list.Count; index++)\n            {\n");
            sb.Append("                var item = list[index];\n");
            sb.Append($"                {body}\n            }}\n        }}\n        else\n        {{\n");
            sb.Append("            var index = 0;\n            foreach (var item in value)\n            {\n");
            sb.Append($"                {body}\n                index++;\n            }}\n        }}\n");
            sb.Append("        writer.WriteEndArray();\n    }\n\n");
        }
        else
        {
            sb.Append($"    public static {concrete} Read{shape.Moniker}(ref __Json.Utf8JsonReader reader, bool lenient)\n    {{\n");
            sb.Append($"        if (reader.TokenType != __Json.JsonTokenType.StartObject) throw __Support.Unexpected(ref reader, {CSharp.Literal(shape.Moniker)}, \"an object\");\n");
            sb.Append($"        var map = new {concrete}();\n        string? key = null;\n        try\n        {{\n");
            sb.Append("            while (reader.Read() && reader.TokenType != __Json.JsonTokenType.EndObject)\n            {\n");
            sb.Append("                key = reader.GetString()!;\n                reader.Read();\n");
            sb.Append("                if (reader.TokenType == __Json.JsonTokenType.Null)\n                {\n");
            sb.Append(nullCheck);
            sb.Append("                    map[key] = default!;\n                    continue;\n                }\n");
            sb.Append($"                map[key] = {code.Read(element)};\n");
            sb.Append("            }\n        }\n");
            sb.Append($"        catch (global::System.Exception ex) when (__Support.IsReadFailure(ex))\n        {{\n");
            sb.Append($"            throw __Support.Nest(ex, {CSharp.Literal(shape.Moniker)}, key);\n        }}\n");
            sb.Append("        return map;\n    }\n\n");

            sb.Append($"    public static void Write{shape.Moniker}(__Json.Utf8JsonWriter writer, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, {elementType}>> value, bool request)\n    {{\n");
            var access = element.IsValueType && element.Nullable ? "pair.Value.Value" : "pair.Value";
            var body = "writer.WritePropertyName(pair.Key);\n                "
                + (element.Nullable || !element.IsValueType ? "if (pair.Value is null) writer.WriteNullValue();\n                else " : "")
                + code.Write(element, access);
            // Dictionary's struct enumerator, when it is one: no boxing.
            sb.Append("        writer.WriteStartObject();\n");
            sb.Append($"        if (value is global::System.Collections.Generic.Dictionary<string, {elementType}> dictionary)\n        {{\n");
            sb.Append($"            foreach (var pair in dictionary)\n            {{\n                {body}\n            }}\n        }}\n        else\n        {{\n");
            sb.Append($"            foreach (var pair in value)\n            {{\n                {body}\n            }}\n        }}\n");
            sb.Append("        writer.WriteEndObject();\n    }\n\n");
        }
        return sb.ToString();
    }
}
