using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of a oneOf/anyOf schema for <c>Union.sbncs</c>: a wrapper over the JSON value as received, so
/// it always round-trips, with a <c>Kind</c> that says which variant it holds, a typed <c>TryGet{Variant}</c> per
/// alternative and <c>From{Variant}</c> factories. What selects a variant is a table the runtime's
/// <c>UnionSupport</c> reads: the discriminator values of each variant, else what its JSON must look like.
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(TypeModel type, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var variants = type.Variants.Select((v, i) => new UnionVariantView(
                i,
                v.Name,
                CSharp.DocText(v.Name),
                CSharp.TypeName(v.Type, ns, nullable: false),
                Shape(v, type.Discriminator is not null),
                ctx.Json.Read(v.Type),
                ctx.Json.Write(v.Type, "v", "writer", "false")))
            .ToList();
        var view = new UnionView(ctx.File, type.Name, CSharp.DocText(type.Summary ?? type.SchemaName), CSharp.DocText(type.SchemaName), type.Deprecated,
            type.Discriminator is null ? null : CSharp.DocText(type.Discriminator),
            type.Discriminator is null ? null : CSharp.Literal(type.Discriminator),
            Dispatch(type),
            type.Name == "Kinds" ? "VariantKinds" : "Kinds",
            type.Name == "Kind" ? "VariantKind" : "Kind",
            variants);
        return TemplateRenderer.Render("Union", view);
    }

    private static string Dispatch(TypeModel type)
    {
        if (type.Discriminator is { } d)
        {
            var property = "<c>" + CSharp.DocText(d) + "</c>";
            return type.DiscriminatorInferred
                ? "The variant is told by the property " + property + ", which every variant fixes to a value of its own (the spec declares no discriminator: it is inferred)."
                : "The variant is told by the discriminator property " + property + " (or, when it is absent, by the first variant the JSON fits).";
        }
        return "The variant is the first one the JSON fits: its kind matches, its required properties are present, and no property contradicts its declared type or fixed value.";
    }

    /// <summary>The runtime <c>UnionShape</c> of a variant: its discriminator values, else what its JSON must look like.</summary>
    private static string Shape(UnionVariantModel variant, bool discriminated)
    {
        var tags = discriminated && variant.DiscriminatorValues.Count > 0 ? Strings(variant.DiscriminatorValues) : "null";
        var shape = variant.Shape;
        if (shape is null || (shape.Kinds & 32) == 0)
        {
            return tags == "null" ? $"__UnionShape.Of({Kinds(shape?.Kinds ?? 127)})" : $"__UnionShape.Object({tags}, null)";
        }
        var parts = new List<string> { tags, shape.Required.Count == 0 ? "null" : Strings(shape.Required) };
        foreach (var p in shape.Properties)
        {
            // A property that accepts anything and fixes nothing checks nothing: left out.
            if (p.Kinds == 127 && p.Constant is null) continue;
            parts.Add(p.Constant is null
                ? $"new __Property({CSharp.Literal(p.Name)}, {Kinds(p.Kinds)})"
                : $"new __Property({CSharp.Literal(p.Name)}, {Kinds(p.Kinds)}, {CSharp.Literal(p.Constant)})");
        }
        return "__UnionShape.Object(" + string.Join(", ", parts) + ")";
    }

    private static string Strings(IEnumerable<string> values) => "new[] { " + string.Join(", ", values.Select(CSharp.Literal)) + " }";

    private static readonly string[] KindNames = { "Null", "String", "Integer", "Number", "Boolean", "Object", "Array" };

    private static string Kinds(int kinds)
    {
        if (kinds == 127) return "__Kinds.Any";
        var names = new List<string>();
        for (var bit = 0; bit < KindNames.Length; bit++)
        {
            if ((kinds & (1 << bit)) != 0) names.Add("__Kinds." + KindNames[bit]);
        }
        return names.Count == 0 ? "__Kinds.None" : string.Join(" | ", names);
    }
}
