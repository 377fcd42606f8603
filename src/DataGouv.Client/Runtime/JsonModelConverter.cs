using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataGouv.Client.Runtime;

/// <summary>
/// The System.Text.Json converter of a generated model, with no reflection: every model names it in its
/// <c>[JsonConverter]</c>, so a plain <c>JsonSerializer</c> call reads and writes the wire format.
/// </summary>
public sealed class JsonModelConverter<T> : JsonConverter<T> where T : class, IJsonModel<T>
{
    private readonly bool _lenient;

    /// <summary>A strict converter: a required property that is missing or null fails the read.</summary>
    public JsonModelConverter() : this(false) { }

    /// <summary>Creates the converter; <paramref name="lenient"/> accepts null or missing required properties.</summary>
    public JsonModelConverter(bool lenient) => _lenient = lenient;

    /// <summary>Reads one value at the reader's StartObject token (for code that drives a Utf8JsonReader itself).</summary>
    public static T ReadValue(ref Utf8JsonReader reader, bool lenient) => T.ReadJson(ref reader, lenient);

    /// <summary>Writes one value; with <paramref name="request"/> readOnly properties are left out.</summary>
    public static void WriteValue(Utf8JsonWriter writer, T value, bool request) => T.WriteJson(writer, value, request);

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : T.ReadJson(ref reader, _lenient);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => T.WriteJson(writer, value, false);
}
