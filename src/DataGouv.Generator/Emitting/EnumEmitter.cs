using System.Linq;
using System.Text;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of one enum schema for <c>Enum.sbncs</c>: a real C# enum whose members keep their wire values in
/// the generated code, plus (for string enums) a converter that never throws on a value the spec does not list.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(TypeModel type, EmitContext ctx)
    {
        var isString = type.Kind == TypeModelKind.StringEnum;
        var members = type.EnumMembers
            .Select((m, i) => new EnumMemberView(i, m.Name, isString ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : m.WireValue,
                CSharp.DocText(m.WireValue), CSharp.Literal(m.WireValue), CSharp.Utf8Literal(m.WireValue)))
            .ToList();
        var groups = isString
            ? members.GroupBy(m => Encoding.UTF8.GetByteCount(type.EnumMembers[m.Index].WireValue)).OrderBy(g => g.Key)
                .Select(g => new EnumLengthGroup(g.Key, g.ToList())).ToList()
            : new System.Collections.Generic.List<EnumLengthGroup>();
        var view = new EnumView(ctx.File, type.Name, CSharp.DocText(type.Summary ?? type.SchemaName), CSharp.DocText(type.SchemaName),
            type.Deprecated, isString, members, groups);
        return TemplateRenderer.Render("Enum", view);
    }
}
