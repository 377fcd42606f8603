using System;
using System.ComponentModel;
using System.Text.Json;

namespace DataGouv.Client.Runtime;

/// <summary>The JSON kinds a value may have, as flags: what a union variant accepts.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonKinds
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>JSON null.</summary>
    Null = 1,
    /// <summary>A string.</summary>
    String = 2,
    /// <summary>A number without fraction or exponent that fits a 64-bit integer.</summary>
    Integer = 4,
    /// <summary>Any other number (a schema "number" accepts <see cref="Integer"/> too: the generator sets both).</summary>
    Number = 8,
    /// <summary>true or false.</summary>
    Boolean = 16,
    /// <summary>An object.</summary>
    Object = 32,
    /// <summary>An array.</summary>
    Array = 64,
    /// <summary>Any JSON value.</summary>
    Any = Null | String | Integer | Number | Boolean | Object | Array,
}

/// <summary>One property a union variant declares: the kinds it accepts, and its value when the schema fixes one (const, single-value enum).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionProperty
{
    /// <summary>Describes a property.</summary>
    public UnionProperty(string name, JsonKinds kinds, string? constant = null)
    {
        Name = name;
        Kinds = kinds;
        Constant = constant;
    }

    /// <summary>The JSON name.</summary>
    public string Name { get; }

    /// <summary>What its value may be.</summary>
    public JsonKinds Kinds { get; }

    /// <summary>The one string it may hold, or null.</summary>
    public string? Constant { get; }
}

/// <summary>
/// What one variant of a union accepts: the JSON kinds of the value and, for an object, the required properties, the
/// declared properties (kind and fixed value) and the discriminator values that select it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionShape
{
    private static readonly string[] None = System.Array.Empty<string>();
    private static readonly UnionProperty[] NoProperties = System.Array.Empty<UnionProperty>();

    private UnionShape(JsonKinds kinds, string[]? tags, string[]? required, UnionProperty[]? properties)
    {
        Kinds = kinds;
        Tags = tags ?? None;
        Required = required ?? None;
        Properties = properties ?? NoProperties;
    }

    /// <summary>A value of the given kinds (a string, a number, an array...), nothing more checked.</summary>
    public static UnionShape Of(JsonKinds kinds) => new(kinds, null, null, null);

    /// <summary>An object: <paramref name="tags"/> are the discriminator values that select it.</summary>
    public static UnionShape Object(string[]? tags, string[]? required, params UnionProperty[] properties) =>
        new(JsonKinds.Object, tags, required, properties);

    /// <summary>The JSON kinds the value may have.</summary>
    public JsonKinds Kinds { get; }

    /// <summary>The discriminator values that select this variant (empty: decided by fit).</summary>
    public string[] Tags { get; }

    /// <summary>Properties that must be present.</summary>
    public string[] Required { get; }

    /// <summary>Properties that, when present, must have the declared kind (and value).</summary>
    public UnionProperty[] Properties { get; }

    /// <summary>Whether the JSON value fits: its kind, its required properties, no property that contradicts its declaration.</summary>
    public bool Fits(JsonElement json)
    {
        if ((Kinds & UnionSupport.KindOf(json)) == 0) return false;
        if (json.ValueKind != JsonValueKind.Object) return true;
        foreach (var name in Required)
        {
            if (!json.TryGetProperty(name, out _)) return false;
        }
        foreach (var property in Properties)
        {
            if (!json.TryGetProperty(property.Name, out var value)) continue;
            if ((property.Kinds & UnionSupport.KindOf(value)) == 0) return false;
            if (property.Constant is not null && !(value.ValueKind == JsonValueKind.String && value.ValueEquals(property.Constant))) return false;
        }
        return true;
    }
}

/// <summary>
/// The variants of one generated union and how a JSON value selects one: by its discriminator property (declared in the
/// spec, or inferred from a property every variant fixes to a distinct value), else by the first variant it fits.
/// No exception and no copy on this path: it only looks at the JsonElement.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionSupport
{
    private readonly string? _discriminator;
    private readonly UnionShape[] _variants;

    /// <summary>A table of variants, in the spec's order; <paramref name="discriminator"/> is the property that selects one, if any.</summary>
    public UnionSupport(string? discriminator, params UnionShape[] variants)
    {
        _discriminator = discriminator;
        _variants = variants;
    }

    /// <summary>The index of the variant the value holds, or -1 when none accepts it.</summary>
    public int Match(JsonElement json)
    {
        for (var i = 0; i < _variants.Length; i++)
        {
            if (Accepts(json, i)) return i;
        }
        return -1;
    }

    /// <summary>
    /// Whether variant <paramref name="index"/> accepts the value. A variant with discriminator values accepts an object
    /// whose discriminator is one of them, and no other; when the object has no discriminator at all, the fit decides.
    /// </summary>
    public bool Accepts(JsonElement json, int index)
    {
        var variant = _variants[index];
        if (_discriminator is not null && variant.Tags.Length > 0 && json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty(_discriminator, out var tag))
        {
            if (tag.ValueKind != JsonValueKind.String) return false;
            foreach (var value in variant.Tags)
            {
                if (tag.ValueEquals(value)) return true;
            }
            return false;
        }
        return variant.Fits(json);
    }

    /// <summary>The kind of a JSON value (a number is <see cref="JsonKinds.Integer"/> when it fits a 64-bit integer).</summary>
    public static JsonKinds KindOf(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null => JsonKinds.Null,
        JsonValueKind.String => JsonKinds.String,
        JsonValueKind.Number => json.TryGetInt64(out _) ? JsonKinds.Integer : JsonKinds.Number,
        JsonValueKind.True or JsonValueKind.False => JsonKinds.Boolean,
        JsonValueKind.Object => JsonKinds.Object,
        JsonValueKind.Array => JsonKinds.Array,
        _ => JsonKinds.None,
    };

    /// <summary>
    /// The string value of <paramref name="property"/> in the object at the reader's StartObject, looked up on a copy of
    /// the reader (the caller's position does not move); null when absent, not a string, or not all in the buffer (the
    /// caller's own read then runs out of data too, so a streaming caller retries once the object is complete).
    /// </summary>
    public static string? PeekString(Utf8JsonReader reader, ReadOnlySpan<byte> property)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return null;
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            var match = reader.ValueTextEquals(property);
            if (!reader.Read()) return null;
            if (match) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if ((reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) && !reader.TrySkip()) return null;
        }
        return null;
    }
}
