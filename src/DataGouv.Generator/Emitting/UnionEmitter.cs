using System.Collections.Generic;
using System.Linq;
using System.Text;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of a oneOf/anyOf schema for <c>Union.sbncs</c>: a wrapper over the JSON value as received, so
/// it always round-trips, with a <c>Kind</c> that says which variant it holds, a typed <c>TryGet{Variant}</c> per
/// alternative and <c>From{Variant}</c> factories, each one call into the runtime's <c>UnionSupport</c>. What
/// selects a variant is a table that <c>UnionSupport</c> reads: the discriminator values of each variant, else what
/// its JSON must look like. The shape of an object variant is a field of the spec's <c>{Client}UnionShapes</c>
/// class (<see cref="EmitShapes"/>), written once however many unions list the type.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(TypeModel type, EmitContext ctx, StringBuilder into)
    {
        var ns = ctx.Namespace;
        var integer = type.Discriminator is not null && type.DiscriminatorIsInteger;
        var variants = type.Variants.Select((v, i) => new UnionVariantView(
                v.Name,
                CSharp.DocText(v.Name),
                CSharp.TypeName(v.Type, ns, nullable: false),
                Shape(v, type.Discriminator is not null, integer),
                TryGet(v.Type, i, ctx),
                From(v.Type, ctx)))
            .ToList();
        var view = new UnionView(ctx.File, type.Name, CSharp.DocText(type.Summary ?? type.SchemaName), CSharp.DocText(type.SchemaName), type.Deprecated,
            type.Discriminator is null ? null : CSharp.DocText(type.Discriminator),
            type.Discriminator is null ? null : CSharp.Literal(type.Discriminator),
            integer ? "long" : "string",
            integer ? "IntegerTag" : "StringTag",
            Dispatch(type),
            type.Name == "Kinds" ? "VariantKinds" : "Kinds",
            type.Name == "Kind" ? "VariantKind" : "Kind",
            variants,
            type.Variants.Any(v => v.ShapeKey is not null) ? ShapesClass(ctx) : null,
            type.Variants.Any(v => v.ShapeKey is null));
        TemplateRenderer.Render("Union", view, into);
    }

    /// <summary>The spec's class of shared variant shapes; null when <paramref name="spec"/> has no union with an object variant.</summary>
    public static string? EmitShapes(SpecModel spec, EmitContext ctx)
    {
        var shapes = new List<UnionShapeView>();
        var seen = new HashSet<string>();
        foreach (var variant in spec.Types.Where(t => t.Kind == TypeModelKind.Union).SelectMany(t => t.Variants))
        {
            if (variant.ShapeKey is not { } key || variant.Shape is not { } shape || !seen.Add(key)) continue;
            shapes.Add(new UnionShapeView(key, CSharp.DocText(variant.Type.Name ?? variant.Name), ObjectShape(shape, "null")));
        }
        if (shapes.Count == 0) return null;
        return TemplateRenderer.Render("UnionShapes", new UnionShapesView(ctx.File, ctx.ClientName + "UnionShapes", shapes));
    }

    /// <summary>Whether <paramref name="spec"/> gets a shapes class (some union has an object variant).</summary>
    public static bool HasShapes(SpecModel spec) =>
        spec.Types.Any(t => t.Kind == TypeModelKind.Union && t.Variants.Any(v => v.ShapeKey is not null));

    private static string ShapesClass(EmitContext ctx) => $"global::{ctx.Namespace}.Serialization.{ctx.ClientName}UnionShapes";

    private static string Dispatch(TypeModel type)
    {
        if (type.Discriminator is { } d)
        {
            var property = "<c>" + CSharp.DocText(d) + "</c>";
            return type.DiscriminatorInferred
                ? "Told by " + property + ", which each variant fixes to a" + (type.DiscriminatorIsInteger ? "n integer" : " value") + " of its own (inferred)."
                : "Told by the discriminator " + property + " (when absent, by fit).";
        }
        // The fit itself (kind, required properties, no contradicting property) is documented once, on UnionSupport.
        return "Told by fit: the first variant the JSON fits.";
    }

    /// <summary>The body of <c>TryGet{Variant}</c>: models, unions, strings, integers and string enums have a runtime method each; other values pass their reader.</summary>
    private static string TryGet(TypeRef type, int index, EmitContext ctx) => type.Kind switch
    {
        TypeKind.Object => $"__variants.TryRead(Json, {index}, out value)",
        TypeKind.Union => $"__variants.TryWrap(Json, {index}, out value)",
        TypeKind.String => $"__variants.TryReadString(Json, {index}, out value)",
        TypeKind.Int64 => $"__variants.TryReadInt64(Json, {index}, out value)",
        TypeKind.StringEnum => $"__variants.TryReadEnum(Json, {index}, {Wire(type, ctx)}, out value)",
        _ => $"__variants.TryRead(Json, {index}, {ctx.Json.ReadFunc(type)}, out value)",
    };

    /// <summary>The JSON value of <c>From{Variant}</c>.</summary>
    private static string From(TypeRef type, EmitContext ctx) => type.Kind switch
    {
        TypeKind.Object => "__Union.Write(value)",
        TypeKind.Union => "__Union.WriteUnion(value)",
        TypeKind.String => "__Union.WriteString(value)",
        TypeKind.Int64 => "__Union.WriteInt64(value)",
        TypeKind.StringEnum => $"__Union.WriteEnum(value, {Wire(type, ctx)})",
        _ => $"__Support.ToElement(value, static (writer, v) => {{ {ctx.Json.Write(type, "v", "writer", "false")} }})",
    };

    /// <summary>The wire table of a string enum (its converter's <c>Wire</c>, as <see cref="JsonCode"/> reads it).</summary>
    private static string Wire(TypeRef type, EmitContext ctx) => $"global::{ctx.Namespace}.Serialization.{type.Name}JsonConverter.Wire";

    /// <summary>
    /// The runtime <c>UnionShape</c> of a variant: the shared field of its object shape (with this union's
    /// discriminator values), else its JSON kinds.
    /// </summary>
    private static string Shape(UnionVariantModel variant, bool discriminated, bool integer)
    {
        var tags = discriminated && variant.DiscriminatorValues.Count > 0
            ? string.Join(", ", variant.DiscriminatorValues.Select(v => integer ? v + "L" : CSharp.Literal(v)))
            : null;
        var shape = variant.Shape;
        if (variant.ShapeKey is { } key) return "__Shapes." + key + (tags is null ? "" : ".With(" + tags + ")");
        if (shape is null || (shape.Kinds & JsonKindFlags.Object) == 0)
        {
            return tags is null ? $"__UnionShape.Of({Kinds(shape?.Kinds ?? JsonKindFlags.Any)})" : $"__UnionShape.Object(null, null).With({tags})";
        }
        return ObjectShape(shape, tags is null ? "null" : "new[] { " + tags + " }");
    }

    /// <summary>An object shape: its required properties and what each declared property may hold.</summary>
    private static string ObjectShape(VariantShape shape, string tags)
    {
        var parts = new List<string> { tags, shape.Required.Count == 0 ? "null" : Strings(shape.Required) };
        foreach (var p in shape.Properties)
        {
            // A property that accepts anything and fixes nothing checks nothing: left out.
            if (p.Kinds == JsonKindFlags.Any && p.Constant is null) continue;
            parts.Add(p.Constant is null
                ? $"new __Property({CSharp.Literal(p.Name)}, {Kinds(p.Kinds)})"
                : p.IntegerConstant
                    ? $"new __Property({CSharp.Literal(p.Name)}, {Kinds(p.Kinds)}, {p.Constant}L)"
                    : $"new __Property({CSharp.Literal(p.Name)}, {Kinds(p.Kinds)}, {CSharp.Literal(p.Constant)})");
        }
        return "__UnionShape.Object(" + string.Join(", ", parts) + ")";
    }

    private static string Strings(IEnumerable<string> values) => "new[] { " + string.Join(", ", values.Select(CSharp.Literal)) + " }";

    private static readonly string[] KindNames = { "Null", "String", "Integer", "Number", "Boolean", "Object", "Array" };

    private static string Kinds(int kinds)
    {
        if (kinds == JsonKindFlags.Any) return "__Kinds.Any";
        var names = new List<string>();
        for (var bit = 0; bit < KindNames.Length; bit++)
        {
            if ((kinds & (1 << bit)) != 0) names.Add("__Kinds." + KindNames[bit]);
        }
        return names.Count == 0 ? "__Kinds.None" : string.Join(" | ", names);
    }
}
