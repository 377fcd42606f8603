using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataGouv.Client.Runtime;

/// <summary>
/// A generated union (oneOf/anyOf): a wrapper over the JSON value as received. <see cref="JsonUnionConverter{T}"/> is
/// the one converter of every union, and a union listed as a variant of another is read through <see cref="Wrap"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonUnion<TSelf> where TSelf : class, IJsonUnion<TSelf>
{
    /// <summary>Wraps a JSON value, kept as it is.</summary>
    static abstract TSelf Wrap(JsonElement json);

    /// <summary>The value as received (or as built by a From method).</summary>
    JsonElement Json { get; }
}

/// <summary>
/// The System.Text.Json converter of a generated union, with no reflection: it keeps the JSON value as it is, so a
/// value no variant knows round-trips.
/// </summary>
public sealed class JsonUnionConverter<T> : JsonConverter<T> where T : class, IJsonUnion<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => T.Wrap(JsonElement.ParseValue(ref reader));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => JsonSupport.WriteElement(writer, value.Json);
}

/// <summary>
/// The base of every generated union: the JSON value it wraps, the variant it holds once worked out, and the reader
/// and writer the generated code calls (the value as it is, so it round-trips whatever it holds).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonUnion<TSelf> where TSelf : JsonUnion<TSelf>, IJsonUnion<TSelf>
{
    private int _kind; // the variant's index + 2 once known (an int: read and written atomically)

    /// <summary>Wraps a JSON value.</summary>
    protected JsonUnion(JsonElement json) => Json = json;

    /// <summary>The value as received (or as built by a From method).</summary>
    public JsonElement Json { get; }

    /// <summary>The index in the union's <c>Kinds</c> of the variant the value holds (0: Unknown), worked out once.</summary>
    protected int KindOf(UnionSupport variants) => variants.Kind(Json, ref _kind);

    /// <summary>Reads a value at the reader's current token, kept as it is.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static TSelf __ReadJson(ref Utf8JsonReader reader, bool lenient) => TSelf.Wrap(JsonElement.ParseValue(ref reader));

    /// <summary>Writes the value as it is.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void __WriteJson(Utf8JsonWriter writer, TSelf value, bool request) => JsonSupport.WriteElement(writer, value.Json);
}
