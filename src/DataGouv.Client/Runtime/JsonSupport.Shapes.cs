using System;
using System.Collections.Generic;
using System.Text.Json;

namespace DataGouv.Client.Runtime;

/// <summary>
/// The array and map shapes of a spec (<c>ListOfDataset</c>, <c>MapOfString</c>): one generic loop each, driven by
/// the item's generated reader or writer, instead of a pair of generated methods per shape. Errors name the shape
/// and the index or key, as the generated methods did.
/// </summary>
public static partial class JsonSupport
{
    /// <summary>Reads an array; a null item fails unless the items are nullable or the read is lenient.</summary>
    public static List<T> ReadArray<T>(ref Utf8JsonReader reader, bool lenient, string shape, bool nullItems, JsonReadFunc<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, shape, "an array");
        var list = new List<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    if (!nullItems && !lenient) throw NullNotAllowed(shape, "item");
                    list.Add(default!);
                    continue;
                }
                list.Add(read(ref reader, lenient));
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw NestIndex(ex, shape, list.Count);
        }
        return list;
    }

    /// <summary>Reads an array of a string enum, keeping the text of the values this client does not know.</summary>
    public static EnumList<T> ReadEnumArray<T>(ref Utf8JsonReader reader, bool lenient, string shape, bool nullItems, EnumParseFunc<T> parse)
        where T : struct, Enum
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, shape, "an array");
        var list = new EnumList<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    if (!nullItems && !lenient) throw NullNotAllowed(shape, "item");
                    list.AddNull();
                    continue;
                }
                var item = parse(ref reader, out var raw);
                list.Add(item, raw);
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw NestIndex(ex, shape, list.Count);
        }
        return list;
    }

    /// <summary>Reads an object of string keys; a null value fails unless the values are nullable or the read is lenient.</summary>
    public static Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, bool lenient, string shape, bool nullItems, JsonReadFunc<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Unexpected(ref reader, shape, "an object");
        var map = new Dictionary<string, T>();
        string? key = null;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                key = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    if (!nullItems && !lenient) throw NullNotAllowed(shape, "item");
                    map[key] = default!;
                    continue;
                }
                map[key] = read(ref reader, lenient);
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw Nest(ex, shape, key);
        }
        return map;
    }

    /// <summary>Writes an array; null items as null. A list is indexed (no boxed enumerator).</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, IEnumerable<T> value, bool request, JsonWriteFunc<T> write)
    {
        writer.WriteStartArray();
        if (value is IList<T> list)
        {
            for (var index = 0; index < list.Count; index++)
            {
                var item = list[index];
                if (item is null) writer.WriteNullValue();
                else write(writer, item, request);
            }
        }
        else
        {
            foreach (var item in value)
            {
                if (item is null) writer.WriteNullValue();
                else write(writer, item, request);
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes an array of a string enum; items of an EnumList that were not recognized go back as their text.</summary>
    public static void WriteEnumArray<T>(Utf8JsonWriter writer, IEnumerable<T> value, Action<Utf8JsonWriter, T, string?> write)
        where T : struct, Enum
    {
        var raws = value as EnumList<T>;
        var index = 0;
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (raws is not null && raws.IsNullAt(index)) writer.WriteNullValue();
            else write(writer, item, raws?.GetRawValue(index));
            index++;
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes an object of string keys; null values as null.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> value, bool request, JsonWriteFunc<T> write)
    {
        writer.WriteStartObject();
        WriteProperties(writer, value, request, write);
        writer.WriteEndObject();
    }

    /// <summary>Writes name/value pairs into the current object (typed unknown properties, maps); a Dictionary is enumerated without boxing.</summary>
    public static void WriteProperties<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>>? value, bool request, JsonWriteFunc<T> write)
    {
        if (value is null) return;
        if (value is Dictionary<string, T> dictionary)
        {
            foreach (var pair in dictionary)
            {
                writer.WritePropertyName(pair.Key);
                if (pair.Value is null) writer.WriteNullValue();
                else write(writer, pair.Value, request);
            }
            return;
        }
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            if (pair.Value is null) writer.WriteNullValue();
            else write(writer, pair.Value, request);
        }
    }
}
