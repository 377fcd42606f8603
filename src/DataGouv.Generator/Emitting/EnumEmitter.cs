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
    public static void Emit(TypeModel type, EmitContext ctx, StringBuilder into)
    {
        var isString = type.Kind == TypeModelKind.StringEnum;
        var members = type.EnumMembers
            .Select((m, i) => new EnumMemberView(i, m.Name, isString ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : m.WireValue,
                SaysItsWireValue(m.Name, m.WireValue) ? "" : CSharp.DocText(m.WireValue), CSharp.Literal(m.WireValue), CSharp.DocText(m.Summary)))
            .ToList();
        var view = new EnumView(ctx.File, type.Name, CSharp.DocText(type.Summary), CSharp.DocText(type.SchemaName),
            type.Deprecated, isString, members);
        TemplateRenderer.Render("Enum", view, into);
    }

    /// <summary>
    /// Whether a member's name already says its wire value (<c>InProgress</c> for <c>in_progress</c>): the same letters
    /// and digits, ignoring case. Only the others get a "Wire value" doc line.
    /// </summary>
    private static bool SaysItsWireValue(string name, string wire)
    {
        var a = new StringBuilder();
        foreach (var c in name) if (char.IsLetterOrDigit(c)) a.Append(char.ToLowerInvariant(c));
        var b = new StringBuilder();
        foreach (var c in wire) if (char.IsLetterOrDigit(c)) b.Append(char.ToLowerInvariant(c));
        return a.Length > 0 && a.ToString() == b.ToString();
    }
}
