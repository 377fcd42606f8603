using System.Collections.Generic;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// The C# snippets that read and write one value of a <see cref="TypeRef"/> with Utf8JsonReader / Utf8JsonWriter.
/// Objects, enums and unions call their generated converters; arrays and maps call a per-shape method of the
/// spec's collections class, so that every shape is written once and the element path can be reported.
/// </summary>
internal sealed class JsonCode
{
    private readonly string _ns;

    public JsonCode(string ns, string clientName)
    {
        _ns = ns;
        Collections = $"global::{ns}.Serialization.{clientName}JsonCollections";
    }

    /// <summary>The class holding the read/write methods of every array and map shape.</summary>
    public string Collections { get; }

    /// <summary>An expression reading a non-null value at the reader's current token (<c>reader</c>, <c>lenient</c> in scope).</summary>
    public string Read(TypeRef type, string reader = "reader", string lenient = "lenient") => type.Kind switch
    {
        TypeKind.String => $"{reader}.GetString()!",
        TypeKind.Boolean => $"{reader}.GetBoolean()",
        TypeKind.Int32 => $"__Support.ReadInt32(ref {reader})",
        TypeKind.Int64 => $"__Support.ReadInt64(ref {reader})",
        TypeKind.Double => $"{reader}.GetDouble()",
        TypeKind.Single => $"{reader}.GetSingle()",
        TypeKind.Decimal => $"{reader}.GetDecimal()",
        TypeKind.DateTimeOffset => $"__Support.ReadDateTimeOffset(ref {reader})",
        TypeKind.DateOnly => $"__Support.ReadDateOnly(ref {reader})",
        TypeKind.TimeOnly => $"__Support.ReadTimeOnly(ref {reader})",
        TypeKind.Guid => $"{reader}.GetGuid()",
        TypeKind.Base64Bytes => $"{reader}.GetBytesFromBase64()",
        TypeKind.Object or TypeKind.Union => $"global::{_ns}.{type.Name}.__ReadJson(ref {reader}, {lenient})",
        TypeKind.StringEnum => $"global::{_ns}.Serialization.{type.Name}JsonConverter.Wire.Parse(ref {reader}, out _)",
        TypeKind.IntegerEnum => $"(global::{_ns}.{type.Name})__Support.ReadInt64(ref {reader})",
        TypeKind.Array or TypeKind.Map => $"{Collections}.Read{type.Moniker}(ref {reader}, {lenient})",
        _ => $"__Json.JsonElement.ParseValue(ref {reader})",
    };

    /// <summary>
    /// A <c>JsonReadFunc&lt;T&gt;</c> for a value: the generated method itself for a model, union or collection shape
    /// (a method group, cached by the compiler), else a static lambda.
    /// </summary>
    public string ReadFunc(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union => $"global::{_ns}.{type.Name}.__ReadJson",
        TypeKind.Array or TypeKind.Map => $"{Collections}.Read{type.Moniker}",
        _ => $"static (ref __Json.Utf8JsonReader __reader, bool __lenient) => {Read(type, "__reader", "__lenient")}",
    };

    /// <summary>A statement writing a non-null value (<c>writer</c>, <c>request</c> in scope).</summary>
    public string Write(TypeRef type, string value, string writer = "writer", string request = "request", string? raw = null) => type.Kind switch
    {
        TypeKind.String => $"{writer}.WriteStringValue({value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal => $"{writer}.WriteNumberValue({value});",
        TypeKind.DateTimeOffset or TypeKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeKind.DateOnly => $"{writer}.WriteStringValue({value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture));",
        TypeKind.TimeOnly => $"{writer}.WriteStringValue({value}.ToString(\"HH:mm:ss.FFFFFFF\", global::System.Globalization.CultureInfo.InvariantCulture));",
        TypeKind.Base64Bytes => $"{writer}.WriteBase64StringValue({value});",
        TypeKind.Object or TypeKind.Union => $"global::{_ns}.{type.Name}.__WriteJson({writer}, {value}, {request});",
        TypeKind.StringEnum => $"global::{_ns}.Serialization.{type.Name}JsonConverter.Wire.Write({writer}, {value}, {raw ?? "null"});",
        TypeKind.IntegerEnum => $"{writer}.WriteNumberValue((long){value});",
        TypeKind.Array or TypeKind.Map => $"{Collections}.Write{type.Moniker}({writer}, {value}, {request});",
        _ => $"__Support.WriteElement({writer}, {value});",
    };

    /// <summary>Text for a query string, header or form field (invariant culture; enums as their wire value).</summary>
    public string Format(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Boolean => $"({value} ? \"true\" : \"false\")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal
            => $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.DateTimeOffset => $"{value}.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.DateOnly => $"{value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.TimeOnly => $"{value}.ToString(\"HH:mm:ss.FFFFFFF\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Guid => $"{value}.ToString()",
        TypeKind.StringEnum => $"global::{_ns}.Serialization.{type.Name}JsonConverter.Wire.ToWire({value})",
        TypeKind.IntegerEnum => $"((long){value}).ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Base64Bytes => $"global::System.Convert.ToBase64String({value})",
        _ => $"__Support.ToJsonText({value}, static (w, v) => {{ {Write(type, "v", "w", "true")} }})",
    };

    /// <summary>Every array and map shape reachable from <paramref name="roots"/>, inner shapes first.</summary>
    public static List<TypeRef> CollectionShapes(IEnumerable<TypeRef> roots)
    {
        var seen = new HashSet<string>();
        var result = new List<TypeRef>();
        void Visit(TypeRef t)
        {
            if (t.Kind is not (TypeKind.Array or TypeKind.Map)) return;
            Visit(t.Element!);
            if (seen.Add(t.Moniker)) result.Add(t);
        }
        foreach (var root in roots) Visit(root);
        return result;
    }
}
