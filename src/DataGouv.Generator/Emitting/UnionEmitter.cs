using System.Text;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of a oneOf/anyOf schema for <c>Union.sbncs</c>: a wrapper over the JSON value as received, so
/// it always round-trips, with a typed <c>TryGet{Variant}</c> per alternative and <c>From{Variant}</c> factories.
/// With a discriminator, <c>TryGet</c> only matches the variants whose discriminator values it carries.
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(TypeModel type, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var variants = new StringBuilder();
        foreach (var v in type.Variants)
        {
            var typeName = CSharp.TypeName(v.Type, ns, nullable: false);
            var check = "true";
            if (type.Discriminator is not null && v.DiscriminatorValues.Count > 0)
            {
                var values = new StringBuilder();
                foreach (var d in v.DiscriminatorValues) values.Append(values.Length == 0 ? "" : " or ").Append(CSharp.Literal(d));
                check = $"Discriminator is {values}";
            }
            variants.Append($"    /// <summary>Reads the value as <c>{CSharp.DocText(v.Name)}</c>; false when it is not one.</summary>\n");
            variants.Append($"    public bool TryGet{v.Name}([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {typeName} value)\n    {{\n");
            variants.Append("        value = default!;\n");
            if (check != "true") variants.Append($"        if (!({check})) return false;\n");
            variants.Append("        try\n        {\n");
            variants.Append("            var bytes = global::System.Text.Encoding.UTF8.GetBytes(Json.GetRawText());\n");
            var read = ctx.Json.Read(v.Type);
            variants.Append("            var reader = new __Json.Utf8JsonReader(bytes);\n            reader.Read();\n");
            if (read.Contains("lenient")) variants.Append("            const bool lenient = false;\n");
            variants.Append($"            value = {read};\n            return true;\n        }}\n");
            variants.Append("        catch (global::System.Exception ex) when (__Support.IsReadFailure(ex))\n        {\n            return false;\n        }\n    }\n\n");
            variants.Append($"    /// <summary>Wraps a <c>{CSharp.DocText(v.Name)}</c>.</summary>\n");
            variants.Append($"    public static global::{ns}.{type.Name} From{v.Name}({typeName} value) =>\n");
            variants.Append($"        new(__Support.ToElement(value, static (writer, v) => {{ {ctx.Json.Write(v.Type, "v", "writer", "false")} }}));\n\n");
        }
        var discriminator = type.Discriminator is null
            ? string.Empty
            : $"    /// <summary>The value of the discriminator property <c>{CSharp.DocText(type.Discriminator)}</c>, if any.</summary>\n" +
              $"    public string? Discriminator => Json.ValueKind == __Json.JsonValueKind.Object && Json.TryGetProperty({CSharp.Literal(type.Discriminator)}, out var d) && d.ValueKind == __Json.JsonValueKind.String ? d.GetString() : null;\n\n";

        var view = new
        {
            Header = ctx.WithHeader ? FileHeader.Text(ctx.SpecFile) : string.Empty,
            Namespace = ns,
            Name = type.Name,
            Doc = CSharp.Summary(type.Summary ?? type.SchemaName, ""),
            SchemaName = CSharp.DocText(type.SchemaName),
            Attributes = FileHeader.GeneratedCode + (type.Deprecated ? "\n[global::System.Obsolete]" : ""),
            Discriminator = discriminator,
            Variants = variants.ToString(),
        };
        return TemplateRenderer.Render("Union", view);
    }
}
