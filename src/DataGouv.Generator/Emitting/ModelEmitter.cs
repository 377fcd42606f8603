using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of one object schema for <c>Model.sbncs</c>: its properties (with presence tracking, so that
/// "absent" and "null" stay different), its reader (a length switch over UTF-8 names, unknown properties kept),
/// its writer (readOnly properties left out of requests) and a ToString that masks secrets.
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(TypeModel type, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var code = ctx.Json;
        var props = type.Properties;
        var optional = props.Where(p => !p.Required).ToList();
        var required = props.Where(p => p.Required).ToList();

        var members = new StringBuilder();
        var fields = new StringBuilder();
        var names = new StringBuilder();
        for (var i = 0; i < props.Count; i++)
        {
            names.Append($"    private static readonly __Json.JsonEncodedText __name{i} = __Json.JsonEncodedText.Encode({CSharp.Literal(props[i].JsonName)});\n");
        }
        var words = (optional.Count + 63) / 64;
        for (var w = 0; w < words; w++) fields.Append($"    private ulong __present{w};\n");

        foreach (var p in props)
        {
            members.Append(Declaration(p, optional.IndexOf(p), ns, code));
        }

        var additionalType = type.AdditionalProperties is null
            ? "__Json.JsonElement"
            : CSharp.TypeName(type.AdditionalProperties, ns);

        var view = new
        {
            Header = ctx.WithHeader ? FileHeader.Text(ctx.SpecFile) : string.Empty,
            Namespace = ns,
            Name = type.Name,
            Doc = CSharp.Summary(type.Summary ?? type.SchemaName, ""),
            SchemaName = CSharp.DocText(type.SchemaName),
            Attributes = FileHeader.GeneratedCode + (type.Deprecated ? "\n[global::System.Obsolete]" : ""),
            NameFields = names.ToString(),
            Fields = fields.ToString(),
            Members = members.ToString(),
            AdditionalType = additionalType,
            ReadBody = ReadBody(type, required, ctx),
            WriteBody = WriteBody(type, optional, ctx),
            ToStringBody = ToStringBody(type),
        };
        return TemplateRenderer.Render("Model", view);
    }

    private static string Declaration(PropertyModel p, int optionalIndex, string ns, JsonCode code)
    {
        var sb = new StringBuilder();
        sb.Append(CSharp.Summary(p.Summary, "    "));
        // [Obsolete] on a required member is CS9042 in the user's build: the parser puts "Deprecated." in its summary instead.
        if (p.Deprecated && !p.IsRequiredMember) sb.Append("    [global::System.Obsolete]\n");
        var isEnum = p.Type.Kind == TypeKind.StringEnum;
        if (!p.Required)
        {
            var type = CSharp.TypeName(p.Type, ns, nullable: true);
            var (word, bit) = Bit(optionalIndex);
            sb.Append($"    public {type} {p.Name}\n    {{\n        get => {p.FieldName};\n        set {{ {p.FieldName} = value; __present{word} |= {bit}; {(isEnum ? p.FieldName + "Wire = null; " : "")}}}\n    }}\n");
            sb.Append($"    private {type} {p.FieldName};\n");
        }
        else
        {
            var type = CSharp.TypeName(p.Type, ns);
            var modifier = p.IsRequiredMember ? "required " : "";
            if (isEnum)
            {
                sb.Append($"    public {modifier}{type} {p.Name}\n    {{\n        get => {p.FieldName};\n        set {{ {p.FieldName} = value; {p.FieldName}Wire = null; }}\n    }}\n");
                sb.Append($"    private {type} {p.FieldName};\n");
            }
            else
            {
                var init = !p.IsRequiredMember && !p.Type.Nullable && !p.Type.IsValueType ? " = default!;" : "";
                sb.Append($"    public {modifier}{type} {p.Name} {{ get; set; }}{init}\n");
            }
        }
        if (isEnum)
        {
            var converter = $"global::{ns}.Serialization.{p.Type.Name}JsonConverter";
            var current = p.Required && !p.Type.Nullable ? p.FieldName : p.FieldName + ".Value";
            var hasValue = p.Required && !p.Type.Nullable ? "true" : p.FieldName + ".HasValue";
            sb.Append($"    private string? {p.FieldName}Wire;\n");
            sb.Append($"    /// <summary>The wire text of <see cref=\"{p.Name}\"/>: the original string when the server sent a value this client does not know (then <see cref=\"{p.Name}\"/> is <c>__Unrecognized</c>). Setting it accepts any string.</summary>\n");
            sb.Append($"    public string? {p.Name}WireValue\n    {{\n        get => !{hasValue} ? null : ({p.FieldName}Wire ?? {converter}.ToWire({current}));\n");
            sb.Append($"        set\n        {{\n            if (value is null) {{ {(p.Required && !p.Type.Nullable ? "throw new global::System.ArgumentNullException(nameof(value));" : p.Name + " = null; return;")} }}\n");
            sb.Append($"            {p.Name} = {converter}.FromWire(value);\n            if ({p.FieldName} == global::{ns}.{p.Type.Name}.__Unrecognized) {p.FieldName}Wire = value;\n        }}\n    }}\n");
        }
        return sb.ToString();
    }

    private static (int Word, string Bit) Bit(int index) =>
        (index / 64, "0x" + (1UL << (index % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL");

    private static string ReadBody(TypeModel type, List<PropertyModel> required, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var code = ctx.Json;
        var sb = new StringBuilder();
        var props = type.Properties;
        var requiredWords = (required.Count + 63) / 64;
        for (var w = 0; w < requiredWords; w++) sb.Append($"        ulong seen{w} = 0;\n");
        sb.Append("        string? current = null;\n");
        sb.Append("        try\n        {\n");
        sb.Append("            while (reader.Read() && reader.TokenType != __Json.JsonTokenType.EndObject)\n            {\n");
        sb.Append("                var name = reader.HasValueSequence || reader.ValueIsEscaped ? __Support.UnescapedName(ref reader) : reader.ValueSpan;\n");
        sb.Append("                current = null;\n");
        sb.Append("                reader.Read();\n");
        if (props.Count > 0)
        {
            sb.Append("                switch (name.Length)\n                {\n");
            foreach (var group in props.Select((p, i) => (p, i)).GroupBy(x => System.Text.Encoding.UTF8.GetByteCount(x.p.JsonName)).OrderBy(g => g.Key))
            {
                sb.Append($"                    case {group.Key}:\n");
                foreach (var (p, i) in group)
                {
                    sb.Append($"                        if (__Span.SequenceEqual(name, {CSharp.Utf8Literal(p.JsonName)}))\n                        {{\n");
                    sb.Append($"                            current = {CSharp.Literal(p.JsonName)};\n");
                    sb.Append(ReadProperty(type, p, ctx));
                    var ri = required.IndexOf(p);
                    if (ri >= 0)
                    {
                        var (word, bit) = Bit(ri);
                        sb.Append($"                            seen{word} |= {bit};\n");
                    }
                    sb.Append("                            continue;\n                        }\n");
                }
                sb.Append("                        break;\n");
            }
            sb.Append("                }\n");
        }
        // Unknown property: kept, in arrival order, so that writing the object back loses nothing.
        var additional = type.AdditionalProperties is null
            ? "__Json.JsonElement.ParseValue(ref reader)"
            : $"reader.TokenType == __Json.JsonTokenType.Null ? default! : {code.Read(type.AdditionalProperties)}";
        var additionalType = type.AdditionalProperties is null ? "__Json.JsonElement" : CSharp.TypeName(type.AdditionalProperties, ns);
        sb.Append($"                current = global::System.Text.Encoding.UTF8.GetString(name);\n");
        sb.Append($"                (value.AdditionalProperties ??= new global::System.Collections.Generic.Dictionary<string, {additionalType}>())[current] = {additional};\n");
        sb.Append("            }\n        }\n");
        sb.Append($"        catch (global::System.Exception ex) when (__Support.IsReadFailure(ex))\n        {{\n");
        sb.Append($"            throw __Support.Nest(ex, {CSharp.Literal(type.Name)}, current);\n        }}\n");
        if (required.Count > 0)
        {
            sb.Append("        if (!lenient)\n        {\n");
            for (var i = 0; i < required.Count; i++)
            {
                var (word, bit) = Bit(i);
                sb.Append($"            if ((seen{word} & {bit}) == 0) throw __Support.MissingRequired({CSharp.Literal(type.Name)}, {CSharp.Literal(required[i].JsonName)});\n");
            }
            sb.Append("        }\n");
        }
        return sb.ToString();
    }

    private static string ReadProperty(TypeModel type, PropertyModel p, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        const string indent = "                            ";
        // Optional properties and nullable ones always accept null. A required, non-nullable one fails in strict
        // mode and is accepted in lenient mode (and with an X-Fields mask).
        var onNull = p.Type.Nullable || !p.Required
            ? $"value.{p.Name} = default!;"
            : p.Type.IsValueType
                ? $"if (!lenient) throw __Support.NullNotAllowed({CSharp.Literal(type.Name)}, {CSharp.Literal(p.JsonName)});"
                : $"if (lenient) value.{p.Name} = default!; else throw __Support.NullNotAllowed({CSharp.Literal(type.Name)}, {CSharp.Literal(p.JsonName)});";
        var read = p.Type.Kind == TypeKind.StringEnum
            ? $"{{ value.{p.Name} = global::{ns}.Serialization.{p.Type.Name}JsonConverter.Parse(ref reader, out var raw); value.{p.FieldName}Wire = raw; }}"
            : $"value.{p.Name} = {ctx.Json.Read(p.Type)};";
        return $"{indent}if (reader.TokenType != __Json.JsonTokenType.Null) {read}\n{indent}else {onNull}\n";
    }

    private static string WriteBody(TypeModel type, List<PropertyModel> optional, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var sb = new StringBuilder();
        var props = type.Properties;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            var indent = "        ";
            var opened = 0;
            if (p.ReadOnly)
            {
                sb.Append($"{indent}if (!request)\n{indent}{{\n");
                indent += "    ";
                opened++;
            }
            var get = p.Required && !(p.Type.Kind == TypeKind.StringEnum) ? "value." + p.Name : "value." + p.FieldName;
            if (!p.Required)
            {
                var (word, bit) = Bit(optional.IndexOf(p));
                sb.Append($"{indent}if ((value.__present{word} & {bit}) != 0)\n{indent}{{\n");
                indent += "    ";
                opened++;
            }
            var canBeNull = !p.Required || p.Type.Nullable || !p.Type.IsValueType;
            var raw = p.Type.Kind == TypeKind.StringEnum ? $"value.{p.FieldName}Wire" : null;
            if (canBeNull)
            {
                var access = p.Type.IsValueType ? get + ".Value" : get;
                sb.Append($"{indent}writer.WritePropertyName(__name{i});\n");
                sb.Append($"{indent}if ({get} is null) writer.WriteNullValue();\n");
                sb.Append($"{indent}else {ctx.Json.Write(p.Type, access, raw: raw)}\n");
            }
            else
            {
                sb.Append($"{indent}writer.WritePropertyName(__name{i});\n");
                sb.Append($"{indent}{ctx.Json.Write(p.Type, get, raw: raw)}\n");
            }
            while (opened-- > 0)
            {
                indent = indent.Substring(4);
                sb.Append($"{indent}}}\n");
            }
        }
        if (type.AdditionalProperties is not { } additionalType)
        {
            // The common case (unknown properties as JsonElement) is one shared helper, not 20 lines per model.
            sb.Append("        __Support.WriteAdditional(writer, value.AdditionalProperties);\n");
            return sb.ToString();
        }
        // Typed additionalProperties: written inline with the value type's writer.
        var apNullable = additionalType.Nullable || !additionalType.IsValueType;
        var pairValue = additionalType.IsValueType && additionalType.Nullable ? "pair.Value.Value" : "pair.Value";
        var entry = (apNullable ? "if (pair.Value is null) writer.WriteNullValue(); else " : "") + ctx.Json.Write(additionalType, pairValue);
        var valueType = CSharp.TypeName(additionalType, ns);
        // The reader fills a Dictionary: enumerate it as one, so that writing allocates nothing (no boxed enumerator).
        sb.Append("        if (value.AdditionalProperties is { } additional)\n        {\n");
        sb.Append($"            if (additional is global::System.Collections.Generic.Dictionary<string, {valueType}> dictionary)\n            {{\n");
        sb.Append($"                foreach (var pair in dictionary)\n                {{\n                    writer.WritePropertyName(pair.Key);\n                    {entry}\n                }}\n            }}\n");
        sb.Append("            else\n            {\n");
        sb.Append($"                foreach (var pair in additional)\n                {{\n                    writer.WritePropertyName(pair.Key);\n                    {entry}\n                }}\n            }}\n");
        sb.Append("        }\n");
        return sb.ToString();
    }

    private static string ToStringBody(TypeModel type)
    {
        var sb = new StringBuilder();
        sb.Append($"        var sb = new global::System.Text.StringBuilder({CSharp.Literal(type.Name + " { ")});\n");
        var first = true;
        foreach (var p in type.Properties)
        {
            var sep = first ? "" : ", ";
            first = false;
            if (p.Secret)
            {
                sb.Append($"        sb.Append({CSharp.Literal(sep + p.Name + " = ")}).Append({(p.Type.IsValueType && p.Required && !p.Type.Nullable ? "\"***\"" : $"{p.Name} is null ? \"null\" : \"***\"")});\n");
            }
            else if (p.Type.Kind is TypeKind.Array or TypeKind.Map)
            {
                sb.Append($"        sb.Append({CSharp.Literal(sep + p.Name + " = ")}).Append({p.Name} is null ? \"null\" : \"[\" + {p.Name}.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" items]\");\n");
            }
            else
            {
                sb.Append($"        sb.Append({CSharp.Literal(sep + p.Name + " = ")}).Append({p.Name});\n");
            }
        }
        sb.Append("        return sb.Append(\" }\").ToString();\n");
        return sb.ToString();
    }
}
