using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Null-safe reads of a Microsoft.OpenApi 3.x schema (its collections are null when the spec leaves them out), and
/// what a schema means across 2.0, 3.0 and 3.1: its one JSON type, whether null is allowed, its enum values.
/// </summary>
internal static class SchemaFacts
{
    private static readonly Dictionary<string, IOpenApiSchema> NoSchemas = new();
    private static readonly IList<IOpenApiSchema> NoList = Array.Empty<IOpenApiSchema>();
    private static readonly ISet<string> NoNames = new HashSet<string>();

    public static IDictionary<string, IOpenApiSchema> Props(IOpenApiSchema s) => s.Properties ?? NoSchemas;

    public static IList<IOpenApiSchema> AllOf(IOpenApiSchema s) => s.AllOf ?? NoList;

    // A oneOf/anyOf of constants is an enum (ConstAlternatives): its alternatives are its values, not variants.
    public static IList<IOpenApiSchema> OneOf(IOpenApiSchema s) => s.OneOf is { Count: > 0 } o && ConstAlternatives.Of(s) is null ? o : NoList;

    public static IList<IOpenApiSchema> AnyOf(IOpenApiSchema s) => s.AnyOf is { Count: > 0 } a && ConstAlternatives.Of(s) is null ? a : NoList;

    public static ISet<string> Required(IOpenApiSchema s) => s.Required ?? NoNames;

    private static readonly IList<JsonNode> NoValues = Array.Empty<JsonNode>();

    public static IList<JsonNode> Enum(IOpenApiSchema s) => s.Enum is { Count: > 0 } e ? e : ConstAlternatives.Of(s)?.Constants ?? NoValues;


    /// <summary>The reference's target component name, when the schema is a <c>$ref</c>.</summary>
    public static string? ReferenceId(IOpenApiSchema s) => s is OpenApiSchemaReference r ? r.Reference?.Id : null;

    public static bool IsReference(IOpenApiSchema s) => s is OpenApiSchemaReference;

    public static bool IsUnresolved(IOpenApiSchema s) => s is OpenApiSchemaReference r && (r.UnresolvedReference || r.Target is null);

    public static string ReferenceText(IOpenApiSchema s) =>
        s is OpenApiSchemaReference r ? r.Reference?.ReferenceV3 ?? r.Reference?.Id ?? "?" : "?";

    /// <summary>
    /// The one JSON type a schema has, leaving "null" out: "string" for <c>type: [string, "null"]</c>. Null when the
    /// schema has none, or more than one (<c>type: [string, integer]</c> is any JSON value). Inferred from
    /// properties, items or <c>const</c> when <c>type</c> is missing.
    /// </summary>
    public static string? Type(IOpenApiSchema s)
    {
        var type = TypeFlags(s);
        if (type is { } t)
        {
            var withoutNull = t & ~JsonSchemaType.Null;
            return withoutNull switch
            {
                JsonSchemaType.String => "string",
                JsonSchemaType.Integer => "integer",
                JsonSchemaType.Number => "number",
                JsonSchemaType.Boolean => "boolean",
                JsonSchemaType.Object => "object",
                JsonSchemaType.Array => "array",
                // "number" and "integer" together are a number.
                JsonSchemaType.Number | JsonSchemaType.Integer => "number",
                0 => null,
                _ => "mixed",
            };
        }
        if (s.Properties is { Count: > 0 } || s.AdditionalProperties is not null) return "object";
        if (s.Items is not null) return "array";
        if (s.Const is not null) return "string";
        return null;
    }

    /// <summary>
    /// The schema's type flags. The reader throws from this getter on some invalid input ("type: true" becomes a flag
    /// value it cannot map back): that is no type at all.
    /// </summary>
    /// <summary>
    /// What the reader's lazy getters throw on some invalid input: IndexOutOfRangeException ("type: false") and
    /// UriFormatException (a reference whose address cannot be parsed, found by the fuzzer). Either means the schema
    /// cannot be read, not that the generator failed.
    /// </summary>
    public static bool ReaderGetterFailed(Exception ex) => ex is IndexOutOfRangeException or UriFormatException;

    public static JsonSchemaType? TypeFlags(IOpenApiSchema s)
    {
        try
        {
            return s.Type;
        }
        catch (Exception ex) when (ReaderGetterFailed(ex))
        {
            return null;
        }
    }

    /// <summary>3.0 <c>nullable: true</c>, 3.1 <c>"null"</c> in the type array, Swagger 2.0 <c>x-nullable</c>, or a null enum value.</summary>
    public static bool IsNullable(IOpenApiSchema s)
    {
        try
        {
            if (TypeFlags(s) is { } t && (t & JsonSchemaType.Null) != 0) return true;
            if (s.Extensions is { } ext && ext.TryGetValue("x-nullable", out var x) && x is JsonNodeExtension { Node: JsonValue v }
                && v.TryGetValue<bool>(out var b) && b) return true;
            return s.Enum is { Count: > 0 } values && values.Any(IsNull);
        }
        catch (Exception ex) when (ReaderGetterFailed(ex))
        {
            // The reader's getters throw on some invalid input (see TypeFlags): then nothing says null is allowed.
            return false;
        }
    }

    public static bool IsNull(JsonNode? node) => node is null || JsonNullSentinel.IsJsonNullSentinel(node) || node.GetValueKind() == JsonValueKind.Null;

    /// <summary>A string enum value's text; null for anything else.</summary>
    public static string? EnumString(JsonNode? node) =>
        !IsNull(node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>An integer enum value that fits a long, as invariant text; null for anything else.</summary>
    public static string? EnumInteger(JsonNode? node)
    {
        if (IsNull(node) || node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return null;
        var text = v.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null;
    }

    public static IList<string>? StringArrayExtension(IOpenApiSchema s, string name)
    {
        if (s.Extensions is { } ext && ext.TryGetValue(name, out var x) && x is JsonNodeExtension { Node: JsonArray array })
        {
            return array.Select(EnumString).Where(v => v is not null).Select(v => v!).ToList();
        }
        return null;
    }

    public static bool HasKeyword(IOpenApiSchema s, string keyword) => s.UnrecognizedKeywords is { } k && k.ContainsKey(keyword);

    /// <summary>3.1 <c>contentMediaType</c> / <c>contentEncoding</c>: how a string carries bytes.</summary>
    public static string? ContentMediaType(IOpenApiSchema s) => (s as IOpenApiSchemaMissingProperties)?.ContentMediaType;

    public static string? ContentEncoding(IOpenApiSchema s) => (s as IOpenApiSchemaMissingProperties)?.ContentEncoding;
}
