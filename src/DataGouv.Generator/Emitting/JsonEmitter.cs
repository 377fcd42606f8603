using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of the spec-wide JSON file for <c>Json.sbncs</c>: the read/write method of every array and map
/// shape, and the <c>IJsonTypeInfoResolver</c> built on JsonMetadataServices that makes every generated type usable
/// with JsonSerializer while reflection is off.
/// </summary>
internal static class JsonEmitter
{
    private const int ResolverChunkSize = 100;

    public static string Emit(SpecModel spec, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var shapes = JsonCode.CollectionShapes(AllTypeRefs(spec));
        var resolver = new List<ResolverCaseView>();
        var specialized = new HashSet<string>();
        foreach (var shape in shapes.Where(s => s.Kind == TypeKind.Array))
        {
            var element = CSharp.TypeName(CSharp.ListItem(shape.Element!), ns);
            // A list of T and a list of nullable T are one C# type when T is a string enum: the first answers.
            if (!specialized.Add(element)) continue;
            // One line: the runtime answers for IList, IReadOnlyList and (but for enum lists) List of the element.
            resolver.Add(new ResolverCaseView(shape.Element!.Kind == TypeKind.StringEnum ? "EnumShape" : "Shape", element, "",
                $"{ctx.Json.Collections}.Read{shape.Moniker}", $"{ctx.Json.Collections}.Write{shape.Moniker}", ""));
        }
        // One line per generated type: the runtime's ModelInfo/EnumInfo answer for the type and for lists of it (a list
        // shape the spec uses itself is answered above, by its own reader and writer).
        foreach (var type in spec.Types.Where(t => t.Kind != TypeModelKind.IntegerEnum))
        {
            var full = $"global::{ns}.{type.Name}";
            var lists = specialized.Contains(full) ? "false" : "true";
            switch (type.Kind)
            {
                case TypeModelKind.Object:
                    resolver.Add(new ResolverCaseView("Model", full, "", "", "", lists));
                    break;
                case TypeModelKind.StringEnum:
                    resolver.Add(new ResolverCaseView("Enum", full, $"global::{ns}.Serialization.{type.Name}JsonConverter", "", "", lists));
                    break;
                default:
                    resolver.Add(new ResolverCaseView("Union", full, "", "", "", lists));
                    break;
            }
        }
        // The resolver's lines go into methods of ResolverChunkSize lines: one method of thousands of lines (Stripe has
        // about 4,900) costs csc far more than the same lines split (issue 12).
        var chunks = new List<ResolverChunkView>();
        for (var i = 0; i < resolver.Count; i += ResolverChunkSize)
        {
            var cases = resolver.Skip(i).Take(ResolverChunkSize).ToList();
            chunks.Add(new ResolverChunkView(cases, cases.Any(c => c.Kind is "Model" or "Enum" or "Union" or "Shape" or "EnumShape")));
        }
        var view = new JsonView(ctx.File, ctx.ClientName, ctx.Options.LenientRequired ? "true" : "false", shapes.Select(s => Shape(s, ctx)).ToList(), chunks, ResolverChunkSize);
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

    private static ShapeView Shape(TypeRef shape, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var element = shape.Element!;
        var type = CSharp.TypeName(shape.Kind == TypeKind.Array ? CSharp.ListItem(element) : element, ns);
        var moniker = CSharp.Literal(shape.Moniker);
        var nullItems = element.Nullable ? "true" : "false";
        var isArray = shape.Kind == TypeKind.Array;
        var enumerable = isArray
            ? $"global::System.Collections.Generic.IEnumerable<{type}>"
            : $"global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, {type}>>";
        if (isArray && element.Kind == TypeKind.StringEnum)
        {
            var converter = $"global::{ns}.Serialization.{element.Name}JsonConverter";
            return new ShapeView(shape.Moniker, CSharp.ConcreteCollection(shape, ns), enumerable,
                $"__Support.ReadEnumArray<{type}>(ref reader, lenient, {moniker}, {nullItems}, {converter}.Wire.Parse)",
                $"__Support.WriteEnumArray<{type}>(writer, value, {converter}.Wire.Write)");
        }
        // Generated types and nested shapes pass their own methods; scalars a static lambda (cached by the compiler).
        var (read, write) = element.Kind switch
        {
            TypeKind.Object or TypeKind.Union => ($"global::{ns}.{element.Name}.__ReadJson", $"global::{ns}.{element.Name}.__WriteJson"),
            TypeKind.Array or TypeKind.Map => ($"{ctx.Json.Collections}.Read{element.Moniker}", $"{ctx.Json.Collections}.Write{element.Moniker}"),
            _ => ($"static (ref __Json.Utf8JsonReader r, bool l) => {ctx.Json.Read(element, "r", "l")}",
                  $"static (w, v, q) => {{ {ctx.Json.Write(element, element.IsValueType && element.Nullable ? "v.GetValueOrDefault()" : "v", "w", "q")} }}"),
        };
        // The runtime writes null items itself; a method group taking a non-null item would not match a nullable item
        // type (CS8622), so nullable items of generated types and nested shapes go through a lambda.
        if (element.Nullable && element.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Array or TypeKind.Map)
        {
            write = $"static (w, v, q) => {write}(w, v!, q)";
        }
        var kind = isArray ? "Array" : "Map";
        return new ShapeView(shape.Moniker, CSharp.ConcreteCollection(shape, ns), enumerable,
            $"__Support.Read{kind}<{type}>(ref reader, lenient, {moniker}, {nullItems}, {read})",
            $"__Support.Write{kind}<{type}>(writer, value, request, {write})");
    }
}
