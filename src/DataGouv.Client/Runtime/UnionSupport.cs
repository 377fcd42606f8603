using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
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

    /// <summary>Describes a property the schema fixes to one integer (an integer const or single-value enum).</summary>
    public UnionProperty(string name, JsonKinds kinds, long constant)
    {
        Name = name;
        Kinds = kinds;
        IntegerConstant = constant;
    }

    /// <summary>The JSON name.</summary>
    public string Name { get; }

    /// <summary>What its value may be.</summary>
    public JsonKinds Kinds { get; }

    /// <summary>The one string it may hold, or null.</summary>
    public string? Constant { get; }

    /// <summary>The one integer it may hold, or null.</summary>
    public long? IntegerConstant { get; }

    /// <summary>Whether a present value has the declared kind and, when the schema fixes one, the fixed value.</summary>
    internal bool Allows(JsonElement value)
    {
        if ((Kinds & UnionSupport.KindOf(value)) == 0) return false;
        if (Constant is not null) return value.ValueKind == JsonValueKind.String && value.ValueEquals(Constant);
        if (IntegerConstant is { } n) return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var v) && v == n;
        return true;
    }
}

/// <summary>
/// What one variant of a union accepts: the JSON kinds of the value and, for an object, the required properties, the
/// declared properties (kind and fixed value) and the discriminator values that select it. The shape of an object
/// type is built once per spec (in its <c>UnionShapes</c> class) and shared by every union that lists the type:
/// <see cref="With(string[])"/> adds the discriminator values of one union without copying it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionShape
{
    private static readonly string[] None = System.Array.Empty<string>();
    private static readonly UnionProperty[] NoProperties = System.Array.Empty<UnionProperty>();

    private static readonly long[] NoIntegers = System.Array.Empty<long>();

    private UnionShape(JsonKinds kinds, string[]? tags, string[]? required, UnionProperty[]? properties, long[]? integerTags = null)
    {
        Kinds = kinds;
        Tags = tags ?? None;
        Required = required ?? None;
        Properties = properties ?? NoProperties;
        IntegerTags = integerTags ?? NoIntegers;
    }

    /// <summary>A value of the given kinds (a string, a number, an array...), nothing more checked.</summary>
    public static UnionShape Of(JsonKinds kinds) => new(kinds, null, null, null);

    /// <summary>An object: <paramref name="tags"/> are the discriminator values that select it.</summary>
    public static UnionShape Object(string[]? tags, string[]? required, params UnionProperty[] properties) =>
        new(JsonKinds.Object, tags, required, properties);

    /// <summary>The same shape, selected by the string discriminator values <paramref name="tags"/>.</summary>
    public UnionShape With(params string[] tags) => new(Kinds, tags, Required, Properties);

    /// <summary>The same shape, selected by the integer discriminator values <paramref name="tags"/>.</summary>
    public UnionShape With(params long[] tags) => new(Kinds, null, Required, Properties, tags);

    /// <summary>The JSON kinds the value may have.</summary>
    public JsonKinds Kinds { get; }

    /// <summary>The discriminator values that select this variant (empty: decided by fit).</summary>
    public string[] Tags { get; }

    /// <summary>The integer discriminator values that select this variant (empty: none).</summary>
    public long[] IntegerTags { get; }

    internal bool HasTags => Tags.Length > 0 || IntegerTags.Length > 0;

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
            if (json.TryGetProperty(property.Name, out var value) && !property.Allows(value)) return false;
        }
        return true;
    }
}

/// <summary>
/// The variants of one generated union and how a JSON value selects one: by its discriminator property (declared in the
/// spec, or inferred from a property every variant fixes to a distinct string or integer), else by the first variant
/// it fits: its JSON kind matches, its required properties are present, and no property contradicts its declared
/// type or fixed value. No exception and no copy on this path: it only looks at the JsonElement. The generated
/// <c>TryGet</c> and <c>From</c> methods of a union are one call each into the helpers here.
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
        if (_discriminator is not null && variant.HasTags && json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty(_discriminator, out var tag))
        {
            if (tag.ValueKind == JsonValueKind.String)
            {
                foreach (var value in variant.Tags)
                {
                    if (tag.ValueEquals(value)) return true;
                }
            }
            else if (tag.ValueKind == JsonValueKind.Number && variant.IntegerTags.Length > 0 && tag.TryGetInt64(out var number))
            {
                foreach (var value in variant.IntegerTags)
                {
                    if (number == value) return true;
                }
            }
            return false;
        }
        return variant.Fits(json);
    }

    /// <summary>
    /// The variant the value holds as the union's <c>Kinds</c> member (0: Unknown), worked out once and kept in
    /// <paramref name="cache"/> (the index + 2; an int, so read and written atomically).
    /// </summary>
    public int Kind(JsonElement json, ref int cache)
    {
        var known = cache;
        if (known == 0) cache = known = Match(json) + 2;
        return known - 1;
    }

    /// <summary>Reads variant <paramref name="index"/>, a generated model, strictly; false when the variant does not accept the value or the read fails.</summary>
    public bool TryRead<T>(JsonElement json, int index, [MaybeNullWhen(false)] out T value) where T : class, IJsonModel<T>
        => TryRead<T>(json, index, T.ReadJson, out value);

    /// <summary>Reads variant <paramref name="index"/> with <paramref name="read"/> (a primitive, enum or collection), strictly.</summary>
    public bool TryRead<T>(JsonElement json, int index, JsonReadFunc<T> read, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        if (!Accepts(json, index)) return false;
        try
        {
            var reader = ReaderAt(json);
            value = read(ref reader, false)!;
            return true;
        }
        catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
        {
            value = default;
            return false;
        }
    }

    /// <summary>Reads variant <paramref name="index"/>, a string (JSON null reads as null, as a reader's GetString does).</summary>
    public bool TryReadString(JsonElement json, int index, [MaybeNullWhen(false)] out string value)
    {
        value = null;
        if (!Accepts(json, index)) return false;
        if (json.ValueKind == JsonValueKind.String) value = json.GetString()!;
        else if (json.ValueKind == JsonValueKind.Null) value = null!; // a variant that allows null (as the reader's GetString gives)
        else return false;
        return true;
    }

    /// <summary>Reads variant <paramref name="index"/>, a 64-bit integer.</summary>
    public bool TryReadInt64(JsonElement json, int index, out long value)
    {
        value = 0;
        return Accepts(json, index) && json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out value);
    }

    /// <summary>Reads variant <paramref name="index"/>, a string enum (a value the spec does not list is <c>__Unrecognized</c>).</summary>
    public bool TryReadEnum<TEnum>(JsonElement json, int index, WireEnum<TEnum> wire, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (!Accepts(json, index)) return false;
        try
        {
            var reader = ReaderAt(json);
            value = wire.Parse(ref reader, out _);
            return true;
        }
        catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
        {
            value = default;
            return false;
        }
    }

    /// <summary>Reads variant <paramref name="index"/>, itself a generated union: it wraps the same JSON value.</summary>
    public bool TryWrap<T>(JsonElement json, int index, [MaybeNullWhen(false)] out T value) where T : class, IJsonUnion<T>
    {
        value = Accepts(json, index) ? T.Wrap(json.Clone()) : null;
        return value is not null;
    }

    /// <summary>A generated model as a JSON value (the value of a union's <c>From</c> method).</summary>
    public static JsonElement Write<T>(T value) where T : class, IJsonModel<T> =>
        JsonSupport.ToElement(value, static (writer, v) => T.WriteJson(writer, v, false));

    /// <summary>A generated union as a JSON value: its JSON as it is.</summary>
    public static JsonElement WriteUnion<T>(T value) where T : class, IJsonUnion<T> =>
        JsonSupport.ToElement(value, static (writer, v) => JsonSupport.WriteElement(writer, v.Json));

    /// <summary>A 64-bit integer as a JSON value.</summary>
    public static JsonElement WriteInt64(long value) =>
        JsonSupport.ToElement(value, static (writer, v) => writer.WriteNumberValue(v));

    /// <summary>A string enum member as a JSON value: its wire string.</summary>
    public static JsonElement WriteEnum<TEnum>(TEnum value, WireEnum<TEnum> wire) where TEnum : struct, Enum =>
        JsonSupport.ToElement(value, (writer, v) => wire.Write(writer, v, null));

    /// <summary>A string as a JSON value.</summary>
    public static JsonElement WriteString(string value) =>
        JsonSupport.ToElement(value, static (writer, v) => writer.WriteStringValue(v));

    /// <summary>The string value of the discriminator <paramref name="property"/>, if the value is an object that has one.</summary>
    public static string? StringTag(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

    /// <summary>The integer value of the discriminator <paramref name="property"/>, if the value is an object that has one.</summary>
    public static long? IntegerTag(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var n) ? n : null;

    /// <summary>A reader over the value's own UTF-8 text, positioned on its first token.</summary>
    private static Utf8JsonReader ReaderAt(JsonElement json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json.GetRawText()));
        reader.Read();
        return reader;
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
