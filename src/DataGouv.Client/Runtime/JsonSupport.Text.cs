using System.Globalization;
using System.Text;

namespace DataGouv.Client.Runtime;

public static partial class JsonSupport
{
    // A model's ToString calls these instead of holding an interpolated string: each interpolation hole is a generic
    // AppendFormatted call the compiler binds and lowers, once per property of every model (issue 12: a big spec's
    // consumer pays that on every build). The text is the same: "Name { A = 1, B = *** }".

    /// <summary>The text of a model: <paramref name="members"/> alternates names and values; a null value prints as nothing.</summary>
    public static string Describe(string typeName, params object?[] members)
    {
        var text = new StringBuilder(typeName).Append(" { ");
        for (var i = 0; i + 1 < members.Length; i += 2)
        {
            if (i > 0) text.Append(", ");
            text.Append((string?)members[i]).Append(" = ").Append(members[i + 1]?.ToString());
        }
        return text.Append(" }").ToString();
    }

    /// <summary>A secret as printed: <c>***</c>, or <c>null</c> when there is none. The value itself is never read.</summary>
    public static string Secret(object? value) => value is null ? "null" : "***";

    /// <summary>A collection as printed: its count, <c>[3 items]</c>, or <c>null</c>.</summary>
    public static string Items(int? count) => count is { } n ? "[" + n.ToString(CultureInfo.InvariantCulture) + " items]" : "null";
}
