using System.Globalization;
using System.Text;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Text helpers for writing C#: literals and comments that no spec text can escape from, and the global::-qualified
/// name of every <see cref="TypeRef"/>.
/// </summary>
internal static class CSharp
{
    /// <summary>A regular C# string literal; every character that could end it or the line is escaped.</summary>
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A UTF-8 literal (<c>"title"u8</c>) for property-name matching.</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>
    /// Text safe inside an XML doc comment line: XML-escaped, one line, and with no character that a C# lexer
    /// treats as a line break (CR, LF, U+0085, U+2028, U+2029), so spec text can never leave the comment.
    /// </summary>
    public static string DocText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var sb = new StringBuilder();
        var lastSpace = false;
        foreach (var c in text!.Trim())
        {
            string? piece = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\t' => " ",
                _ => null,
            };
            if (piece == " " || c == ' ')
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if (piece is not null) sb.Append(piece);
            else if (char.IsControl(c)) sb.Append(' ');
            else sb.Append(c);
        }
        if (sb.Length <= MaxDocLength) return sb.ToString();
        return Truncate(sb.ToString(), MaxDocLength) + "…";
    }

    private const int MaxDocLength = 1000;

    /// <summary>The first <paramref name="length"/> characters or fewer, never ending inside an escape (<c>&amp;lt;</c>),
    /// whose half would make the comment badly formed XML (CS1570) and drop it from the documentation file, nor between
    /// the halves of a surrogate pair.</summary>
    private static string Truncate(string escaped, int length)
    {
        var amp = escaped.LastIndexOf('&', length - 1);
        if (amp >= 0 && escaped.IndexOf(';', amp) >= length) length = amp;
        if (length > 0 && char.IsHighSurrogate(escaped[length - 1])) length--;
        return escaped.Substring(0, length);
    }

    /// <summary>A <c>/// &lt;summary&gt;</c> block (or nothing) indented by <paramref name="indent"/>.</summary>
    public static string Summary(string? text, string indent)
    {
        var doc = DocText(text);
        return doc.Length == 0 ? string.Empty : $"{indent}/// <summary>{doc}</summary>\n";
    }

    /// <summary>The C# type of a value, global::-qualified, with its nullable annotation.</summary>
    public static string TypeName(TypeRef type, string ns, bool? nullable = null, bool readOnlyCollections = false)
    {
        var n = nullable ?? type.Nullable;
        var core = Core(type, ns, readOnlyCollections);
        return n ? core + "?" : core;
    }

    /// <summary>
    /// The C# type of a list's items. A list of string enums is an <c>EnumList&lt;T&gt;</c> (T : struct, Enum), which
    /// cannot hold T? (CS0453): its null items are kept by the list itself (<c>IsNullAt</c>), so T stays non-nullable
    /// in C# while the model keeps the items' nullability for the reader (a strict read then accepts the nulls).
    /// </summary>
    public static TypeRef ListItem(TypeRef element) => element.Kind == TypeKind.StringEnum ? element.WithNullable(false) : element;

    /// <summary>The concrete type that a collection is read into.</summary>
    public static string ConcreteCollection(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Array when type.Element!.Kind == TypeKind.StringEnum => $"global::DataGouv.Client.EnumList<{TypeName(ListItem(type.Element), ns)}>",
        TypeKind.Array => $"global::System.Collections.Generic.List<{TypeName(type.Element!, ns)}>",
        TypeKind.Map => $"global::System.Collections.Generic.Dictionary<string, {TypeName(type.Element!, ns)}>",
        _ => TypeName(type, ns, false),
    };

    private static string Core(TypeRef type, string ns, bool readOnlyCollections) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Single => "float",
        TypeKind.Decimal => "decimal",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.DateOnly => "global::System.DateOnly",
        TypeKind.TimeOnly => "global::System.TimeOnly",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Base64Bytes => "byte[]",
        TypeKind.Binary => "global::System.IO.Stream",
        TypeKind.Any => "global::System.Text.Json.JsonElement",
        TypeKind.Object or TypeKind.StringEnum or TypeKind.IntegerEnum or TypeKind.Union => $"global::{ns}.{type.Name}",
        TypeKind.Array => readOnlyCollections
            ? $"global::System.Collections.Generic.IReadOnlyList<{TypeName(ListItem(type.Element!), ns)}>"
            : $"global::System.Collections.Generic.IList<{TypeName(ListItem(type.Element!), ns)}>",
        TypeKind.Map => $"global::System.Collections.Generic.IDictionary<string, {TypeName(type.Element!, ns)}>",
        _ => "global::System.Text.Json.JsonElement",
    };
}
