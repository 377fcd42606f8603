using System.Linq;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// The class-hierarchy part of a model's view (a discriminated allOf base and its subtypes, see
/// <c>Parsing/Discriminators.cs</c>). A subclass declares only its own properties and presence words: the first
/// properties of its list are its base's, whose fields are <c>private protected</c>, and its optional properties
/// number their presence bits after the base's, in the base's last word and words of its own. Its reader and writer
/// handle every property (inherited ones through those fields); the base's reader peeks the discriminator and hands
/// over to the subclass's, and the base's writer hands over on the runtime type.
/// </summary>
internal static class ModelHierarchy
{
    public static ModelView Apply(TypeModel type, EmitContext ctx, ModelView view)
    {
        if (type.BaseType is null && type.Subtypes.Count == 0) return view;
        var ns = ctx.Namespace;
        var inheritedOptional = type.Properties.Take(type.InheritedCount).Count(p => !p.Required);
        var baseWords = (inheritedOptional + 63) / 64;
        string? init = null;
        if (type.DiscriminatorValue is { } value && type.Properties.FirstOrDefault(p => p.JsonName == type.Discriminator) is { } property)
        {
            var target = property.Type.Kind == TypeKind.StringEnum ? property.Name + Naming.GeneratedNames.EnumTextSuffix : property.Name;
            init = target + " = " + CSharp.Literal(value) + ";";
        }
        return view with
        {
            BaseClass = type.BaseType is null ? null : $"global::{ns}.{type.BaseType}",
            InheritedCount = type.InheritedCount,
            PresenceWords = view.PresenceWords.Where(w => w >= baseWords).ToList(),
            FieldAccess = type.Subtypes.Count > 0 ? "private protected" : "private",
            New = type.BaseType is null ? "" : "new ",
            DiscriminatorInit = init,
            DiscriminatorUtf8 = type.Subtypes.Count > 0 && type.Discriminator is { } d ? CSharp.Utf8Literal(d) : null,
            Subtypes = type.Subtypes
                .Select(s => new SubtypeView($"global::{ns}.{s.Name}", string.Join(" ", s.Values.Select(v => "case " + CSharp.Literal(v) + ":"))))
                .ToList(),
        };
    }
}
