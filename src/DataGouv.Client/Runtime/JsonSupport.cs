using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataGouv.Client.Runtime;

/// <summary>
/// Helpers the generated converters call: tolerant scalar reads, unknown-property writing, and the errors that name
/// the type, the property and the JSON path. No reflection anywhere. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonSupport
{
    /// <summary>Selects the constructor a generated reader uses (it checks required properties itself).</summary>
    public readonly struct Marker { }

    /// <summary>A property name (or string) that is escaped or split over segments, as contiguous unescaped UTF-8.</summary>
    public static ReadOnlySpan<byte> UnescapedName(ref Utf8JsonReader reader) => Encoding.UTF8.GetBytes(reader.GetString()!);

    /// <summary>A 32-bit integer; a whole number written as 3.0 is accepted too (some servers send that).</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var value)) return value;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) && d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
        throw new FormatException("Expected a 32-bit integer, got " + Describe(ref reader) + ".");
    }

    /// <summary>A 64-bit integer; a whole number written as 3.0 is accepted too.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var value)) return value;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var m) && m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue) return (long)m;
        throw new FormatException("Expected a 64-bit integer, got " + Describe(ref reader) + ".");
    }

    /// <summary>An ISO 8601 date-time, including forms System.Text.Json rejects (offsets without a colon, more than 7 fractional digits).</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDateTimeOffset(out var value)) return value;
        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)) return value;
        throw new FormatException("Expected an ISO 8601 date-time, got " + Describe(ref reader) + ".");
    }

    /// <summary>A date (yyyy-MM-dd).</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        throw new FormatException("Expected a date (yyyy-MM-dd), got " + Describe(ref reader) + ".");
    }

    /// <summary>A time of day.</summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        if (text is not null && TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        throw new FormatException("Expected a time, got " + Describe(ref reader) + ".");
    }

    /// <summary>Writes the unknown properties kept by a model, in order; a Dictionary is enumerated without boxing.</summary>
    public static void WriteAdditional(Utf8JsonWriter writer, IDictionary<string, JsonElement>? additional)
    {
        if (additional is null) return;
        if (additional is Dictionary<string, JsonElement> dictionary)
        {
            foreach (var pair in dictionary)
            {
                writer.WritePropertyName(pair.Key);
                WriteElement(writer, pair.Value);
            }
            return;
        }
        foreach (var pair in additional)
        {
            writer.WritePropertyName(pair.Key);
            WriteElement(writer, pair.Value);
        }
    }

    /// <summary>Writes a JsonElement; a default (undefined) one as null.</summary>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined) writer.WriteNullValue();
        else value.WriteTo(writer);
    }

    /// <summary>A value as a JsonElement, written by its generated writer.</summary>
    public static JsonElement ToElement<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer, value);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>A value as JSON text, written by its generated writer (query strings of structured values).</summary>
    public static string ToJsonText<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer, value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The failures a read can raise: malformed JSON, a wrong token type, a bad number or date.</summary>
    public static bool IsReadFailure(Exception ex) =>
        ex is JsonException or InvalidOperationException or FormatException or OverflowException;

    /// <summary>Adds the property being read to the path of a failure that happened below it.</summary>
    public static Exception Nest(Exception ex, string modelType, string? jsonName)
    {
        var segment = jsonName is null ? "" : PathSegment(jsonName);
        if (ex is ApiJsonException inner) return new ApiJsonException(inner.Reason, inner.ModelType, inner.PropertyName, segment + inner.PathSuffix, inner.InnerException);
        return new ApiJsonException(ex.Message, modelType, jsonName, segment, ex);
    }

    /// <summary>Adds an array index to the path of a failure.</summary>
    public static Exception NestIndex(Exception ex, string modelType, int index)
    {
        var segment = "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (ex is ApiJsonException inner) return new ApiJsonException(inner.Reason, inner.ModelType, inner.PropertyName, segment + inner.PathSuffix, inner.InnerException);
        return new ApiJsonException(ex.Message, modelType, null, segment, ex);
    }

    private static string PathSegment(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
        }
        return "." + name;
    }

    // Thrown inside the reader's try: the enclosing Nest/NestIndex adds the property or index to the path, so the
    // suffix starts empty (giving it the property here too made "$[1].title.title").
    /// <summary>A required, non-nullable property that is null.</summary>
    public static Exception NullNotAllowed(string modelType, string jsonName) =>
        new ApiJsonException("The property is null, but the spec says it cannot be (build with DataGouvRequiredProperties=Lenient to accept it)", modelType, jsonName, "");

    /// <summary>A required property that is missing.</summary>
    public static Exception MissingRequired(string modelType, string jsonName) =>
        new ApiJsonException("The required property is missing (build with DataGouvRequiredProperties=Lenient to accept it)", modelType, jsonName, PathSegment(jsonName));

    /// <summary>A token of the wrong kind.</summary>
    public static Exception Unexpected(ref Utf8JsonReader reader, string modelType, string expected) =>
        new ApiJsonException("Expected " + expected + ", got " + Describe(ref reader), modelType, null, "");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };
}
