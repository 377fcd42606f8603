using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace DataGouv.Client.Runtime;

/// <summary>The object read loop every generated model shares: the model only says how to read each property.</summary>
public static partial class JsonSupport
{
    /// <summary>
    /// Reads the object at the reader's StartObject token into <paramref name="value"/>, property by property: the
    /// model's <paramref name="properties"/> table finds each name's index, and the model's <c>ReadProperty</c> reads
    /// the value at that index (-1: an unknown property). A null where the spec says a required property is never
    /// null fails a strict read here, before the model sees it. A failure below a property gets its name in the path;
    /// in strict mode a missing required property fails the read.
    /// </summary>
    public static T ReadObject<T>(ref Utf8JsonReader reader, bool lenient, T value, string modelType, JsonPropertyNames properties)
        where T : class, IJsonModel<T>
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, modelType, "an object");
        var required = properties.Required;
        ulong seen = 0;
        bool[]? seenMore = null;
        scoped ReadOnlySpan<byte> name = default;
        var inValue = false;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                name = reader.HasValueSequence || reader.ValueIsEscaped ? UnescapedName(ref reader) : reader.ValueSpan;
                inValue = false;
                reader.Read();
                inValue = true;
                var index = properties.IndexOf(name);
                if (index < 0)
                {
                    T.ReadProperty(value, -1, name, ref reader, lenient);
                    continue;
                }
                var kind = properties.Kind(index);
                if (reader.TokenType == JsonTokenType.Null && kind is 'v' or 'n')
                {
                    if (!lenient) throw NullNotAllowed(modelType, properties.Name(index));
                    // A value type keeps its value; a reference is set to null by the model.
                    if (kind == 'n') T.ReadProperty(value, index, name, ref reader, lenient);
                }
                else
                {
                    T.ReadProperty(value, index, name, ref reader, lenient);
                }
                var number = properties.RequiredNumber(index);
                if (number <= 0) continue;
                if (number <= 64) seen |= 1UL << (number - 1);
                else (seenMore ??= new bool[required.Length])[number - 1] = true;
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            // The path names the property whose value failed (or the last one read, when the JSON itself is broken).
            throw Nest(ex, modelType, inValue ? Encoding.UTF8.GetString(name) : null);
        }
        if (!lenient)
        {
            for (var i = 0; i < required.Length; i++)
            {
                var present = i < 64 ? (seen & (1UL << i)) != 0 : seenMore is not null && seenMore[i];
                if (!present) throw MissingRequired(modelType, required[i]);
            }
        }
        return value;
    }

    /// <summary>Keeps a property the spec does not name, in arrival order, so that writing the object back loses nothing.</summary>
    public static IDictionary<string, JsonElement> AddUnknown(IDictionary<string, JsonElement>? additional, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        additional ??= new Dictionary<string, JsonElement>();
        additional[Encoding.UTF8.GetString(name)] = JsonElement.ParseValue(ref reader);
        return additional;
    }

    /// <summary>Writes a string property, or null.</summary>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    // One call per property of a model's writer, each with a name of its own: no overload resolution over the
    // writer's WriteNumber/WriteBoolean families (28 overloads) and no null test for csc to bind per property (issue 12).

    /// <summary>Writes a model property, or null.</summary>
    public static void WriteModel<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, bool request) where T : class, IJsonModel<T>
    {
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else T.WriteJson(writer, value, request);
    }

    /// <summary>Writes a 64-bit integer property, or null.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number) writer.WriteNumber(name, number);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a 32-bit integer property, or null.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number) writer.WriteNumber(name, number);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a double property, or null.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number) writer.WriteNumber(name, number);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a boolean property, or null.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag) writer.WriteBoolean(name, flag);
        else writer.WriteNull(name);
    }

    /// <summary>A property name as a string (the key of a typed additional property).</summary>
    public static string NameOf(scoped ReadOnlySpan<byte> name) => Encoding.UTF8.GetString(name);
}
