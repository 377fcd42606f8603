using System.Linq;
using DataGouv.Generator.Emitting.Views;
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
        var variants = type.Variants.Select(v => new UnionVariantView(
                v.Name,
                CSharp.DocText(v.Name),
                CSharp.TypeName(v.Type, ns, nullable: false),
                type.Discriminator is not null && v.DiscriminatorValues.Count > 0
                    ? "Discriminator is " + string.Join(" or ", v.DiscriminatorValues.Select(CSharp.Literal))
                    : "",
                ctx.Json.Read(v.Type),
                ctx.Json.Write(v.Type, "v", "writer", "false")))
            .ToList();
        var view = new UnionView(ctx.File, type.Name, CSharp.DocText(type.Summary ?? type.SchemaName), CSharp.DocText(type.SchemaName), type.Deprecated,
            type.Discriminator is null ? null : CSharp.DocText(type.Discriminator),
            type.Discriminator is null ? null : CSharp.Literal(type.Discriminator),
            variants);
        return TemplateRenderer.Render("Union", view);
    }
}
