using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of one object schema. <c>Model.sbncs</c> renders what a user reads (properties with presence
/// tracking, so that "absent" and "null" stay different, docs, <c>[JsonConverter]</c> naming the runtime's
/// <c>JsonModelConverter&lt;T&gt;</c>, a ToString that masks secrets); <c>ModelJson.sbncs</c> renders, in the same
/// class, what is particular to the schema: a one-line read per property (a dense switch over the property's index,
/// which the runtime's shared object loop, <c>JsonSupport.ReadObject</c>, finds in the model's <c>JsonPropertyNames</c>)
/// and a one-line write per property (mostly one runtime call) that leaves readOnly properties out of requests.
/// Everything the same for every model lives in the runtime: generated volume is what a consumer's every build compiles.
/// </summary>
internal static class ModelEmitter
{
    /// <summary>The model and its JSON side, in one file: <c>ModelJson.sbncs</c> renders members that <c>Model.sbncs</c> places in the class.</summary>
    public static void EmitModel(TypeModel type, EmitContext ctx, StringBuilder into)
    {
        var view = View(type, ctx);
        TemplateRenderer.Render("Model", view with { JsonMembers = TemplateRenderer.Render("ModelJson", view) }, into);
    }

    private static ModelView View(TypeModel type, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var props = type.Properties;
        var optional = props.Where(p => !p.Required).ToList();
        var views = new List<ModelPropertyView>(props.Count);
        for (var i = 0; i < props.Count; i++)
        {
            views.Add(Property(props[i], i, optional.IndexOf(props[i]), ctx));
        }
        var additional = type.AdditionalProperties;
        return ModelHierarchy.Apply(type, ctx, new ModelView(
            ctx.File,
            type.Name,
            CSharp.DocText(type.Summary),
            CSharp.DocText(type.SchemaName),
            type.Deprecated,
            views,
            Enumerable.Range(0, (optional.Count + 63) / 64).ToList(),
            additional is null ? "global::System.Text.Json.JsonElement" : CSharp.TypeName(additional, ns),
            additional is not null,
            additional is null
                ? "global::System.Text.Json.JsonElement.ParseValue(ref r)"
                : $"r.TokenType is __Token.Null ? default! : {ctx.Json.Read(additional, "r")}",
            additional is null ? "" : ctx.Json.Write(additional, additional.IsValueType && additional.Nullable ? "x.GetValueOrDefault()" : "x", "o", "q"),
            additional is not null && (additional.Nullable || !additional.IsValueType),
            CSharp.Literal(new string(views.Select(v => v.Kind).ToArray())),
            CSharp.Literal(type.Name),
            ToStringBody(type.Name, views),
            ""));
    }

    private static ModelPropertyView Property(PropertyModel p, int index, int optionalIndex, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var isEnum = p.Type.Kind == TypeKind.StringEnum;
        // The backing field: "__{Name}Field". The suffix keeps it apart from the file's own "__" names (the __Json alias,
        // __name0, __present0): a property called Json would otherwise shadow the alias (CS0236).
        var field = "__" + p.Name.TrimStart('@') + "Field";
        var tracked = !p.Required || isEnum;
        var (presenceWord, presenceBit) = optionalIndex >= 0 ? Bit(optionalIndex) : (-1, "");
        var typeName = CSharp.TypeName(p.Type, ns, nullable: p.Required ? null : true);
        var alwaysSet = p.Required && !p.Type.Nullable;
        var companion = isEnum
            ? new EnumCompanionView(p.Name + Naming.GeneratedNames.EnumTextSuffix, field + "Wire", $"global::{ns}.Serialization.{p.Type.Name}JsonConverter.Wire", $"global::{ns}.{p.Type.Name}", alwaysSet, alwaysSet ? field : field + ".Value")
            : null;

        // Optional and nullable properties accept null. A null in a required, non-nullable one fails a strict read
        // and is accepted by a lenient one: the runtime's ReadObject checks that (the property's kind in the model's
        // JsonPropertyNames), so the model never sees a null there but a lenient null for a reference.
        var kind = !p.Required ? '-' : p.Type.Nullable ? 'r' : p.Type.IsValueType ? 'v' : 'n';
        var read = isEnum
            ? $"{{ v.{p.Name} = {companion!.Converter}.Parse(ref r, out var raw); v.{companion.WireField} = raw; }}"
            : $"v.{p.Name} = {ctx.Json.Read(p.Type, "r")};";
        var readLine = kind switch
        {
            'v' => read,
            // A string reader already returns null for a JSON null.
            'n' => p.Type.Kind == TypeKind.String ? read : $"v.{p.Name} = r.TokenType is __Token.Null ? default! : {ctx.Json.Read(p.Type, "r")};",
            _ when isEnum || p.Required => $"if (r.TokenType is not __Token.Null) {read} else v.{p.Name} = default!;",
            _ => p.Type.Kind == TypeKind.String
                ? $"v.{p.Name} = r.GetString();"
                : $"v.{p.Name} = r.TokenType is __Token.Null ? null : {ctx.Json.Read(p.Type, "r")};",
        };

        var conditions = new List<string>();
        if (p.ReadOnly) conditions.Add("!request");
        if (presenceWord >= 0) conditions.Add($"(v.__present{presenceWord} & {presenceBit}) != 0UL");
        var get = tracked ? "v." + field : "v." + p.Name;
        var canBeNull = !p.Required || p.Type.Nullable || !p.Type.IsValueType;
        var access = canBeNull && p.Type.IsValueType ? get + ".Value" : get;
        // A string, a model, an integer, a double or a boolean goes through one runtime call that writes the name and
        // the value (or null): one non-overloaded call for csc to bind instead of a name, a null test and a write per
        // property of every model (issue 12).
        var writeHelper = p.Type.Kind switch
        {
            TypeKind.String when canBeNull => "WriteString",
            TypeKind.Object => "WriteModel",
            TypeKind.Int64 => "WriteInt64",
            TypeKind.Int32 => "WriteInt32",
            TypeKind.Double => "WriteDouble",
            TypeKind.Boolean => "WriteBoolean",
            _ => null,
        };
        var write = writeHelper is not null
            ? $"__Support.{writeHelper}(w, __names[{index}], {get}{(p.Type.Kind == TypeKind.Object ? ", request" : "")});"
            : ctx.Json.Write(p.Type, access, "w", raw: isEnum ? "v." + companion!.WireField : null);

        // What ToString prints (an argument of the runtime's JsonSupport.Describe): secrets as *** (never their value),
        // collections as their count.
        var printed = p.Secret
            ? (p.Type.IsValueType && alwaysSet ? "\"***\"" : $"__Support.Secret({p.Name})")
            : p.Type.Kind is TypeKind.Array or TypeKind.Map
                ? $"__Support.Items({p.Name}?.Count)"
                : p.Name;

        return new ModelPropertyView(
            index,
            p.Name,
            CSharp.Literal(p.JsonName),
            CSharp.DocText(p.Summary),
            // [Obsolete] on a required member is CS9042 in the user's build: the parser puts "Deprecated." in its summary instead.
            p.Deprecated && !p.IsRequiredMember,
            typeName,
            p.IsRequiredMember ? "required " : "",
            p.Required && !p.IsRequiredMember && !p.Type.Nullable && !p.Type.IsValueType ? " = default!;" : "",
            tracked,
            field,
            presenceWord,
            presenceBit,
            kind,
            companion,
            readLine,
            string.Join(" && ", conditions),
            canBeNull,
            get,
            write,
            writeHelper is not null,
            printed);
    }

    /// <summary>
    /// The body of ToString, <c>Name { A = 1, B = *** }</c>: one call of the runtime's <c>Describe</c> with the names
    /// and the printed values, not an interpolated string (whose every hole is a generic call for csc to bind and
    /// lower, per property of every model: issue 12). Secrets print as <c>***</c>, collections as their count.
    /// </summary>
    private static string ToStringBody(string typeName, IReadOnlyList<ModelPropertyView> properties)
    {
        if (properties.Count == 0) return CSharp.Literal(typeName + " {  }");
        var sb = new StringBuilder("__Support.Describe(").Append(CSharp.Literal(typeName));
        foreach (var p in properties)
        {
            sb.Append(", ").Append(CSharp.Literal(p.Name.TrimStart('@'))).Append(", ").Append(p.Printed);
        }
        return sb.Append(')').ToString();
    }

    private static (int Word, string Bit) Bit(int index) =>
        (index / 64, "0x" + (1UL << (index % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL");
}
