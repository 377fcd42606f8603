using System.Linq;
using System.Text;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of one enum schema for <c>Enum.sbncs</c>: a real C# enum whose members keep their wire values in
/// the generated code, plus a converter that never throws on a value the spec does not list.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(TypeModel type, EmitContext ctx)
    {
        var isString = type.Kind == TypeModelKind.StringEnum;
        var members = new StringBuilder();
        for (var i = 0; i < type.EnumMembers.Count; i++)
        {
            var m = type.EnumMembers[i];
            members.Append($"    /// <summary>Wire value <c>{CSharp.DocText(m.WireValue)}</c>.</summary>\n");
            members.Append(isString ? $"    {m.Name} = {i},\n" : $"    {m.Name} = {m.WireValue},\n");
        }

        var parse = new StringBuilder();
        var encoded = new StringBuilder();
        var toWire = new StringBuilder();
        var write = new StringBuilder();
        var fromWire = new StringBuilder();
        if (isString)
        {
            for (var i = 0; i < type.EnumMembers.Count; i++)
            {
                var m = type.EnumMembers[i];
                encoded.Append($"    private static readonly __Json.JsonEncodedText __wire{i} = __Json.JsonEncodedText.Encode({CSharp.Literal(m.WireValue)});\n");
                toWire.Append($"            global::{ctx.Namespace}.{type.Name}.{m.Name} => {CSharp.Literal(m.WireValue)},\n");
                write.Append($"            case global::{ctx.Namespace}.{type.Name}.{m.Name}: writer.WriteStringValue(__wire{i}); return;\n");
                fromWire.Append($"            {CSharp.Literal(m.WireValue)} => global::{ctx.Namespace}.{type.Name}.{m.Name},\n");
            }
            foreach (var group in type.EnumMembers.GroupBy(m => Encoding.UTF8.GetByteCount(m.WireValue)).OrderBy(g => g.Key))
            {
                parse.Append($"            case {group.Key}:\n");
                foreach (var m in group)
                {
                    parse.Append($"                if (__Span.SequenceEqual(text, {CSharp.Utf8Literal(m.WireValue)})) return global::{ctx.Namespace}.{type.Name}.{m.Name};\n");
                }
                parse.Append("                break;\n");
            }
        }

        var view = new
        {
            Header = ctx.WithHeader ? FileHeader.Text(ctx.SpecFile) : string.Empty,
            Namespace = ctx.Namespace,
            Name = type.Name,
            Doc = CSharp.Summary(type.Summary ?? type.SchemaName, ""),
            SchemaName = CSharp.DocText(type.SchemaName),
            Attributes = FileHeader.GeneratedCode + (type.Deprecated ? "\n[global::System.Obsolete]" : ""),
            IsString = isString,
            Members = members.ToString(),
            Encoded = encoded.ToString(),
            ParseCases = parse.ToString(),
            ToWireCases = toWire.ToString(),
            WriteCases = write.ToString(),
            FromWireCases = fromWire.ToString(),
        };
        return TemplateRenderer.Render("Enum", view);
    }
}
