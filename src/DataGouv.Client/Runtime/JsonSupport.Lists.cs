using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DataGouv.Client.Runtime;

/// <summary>Lists of generated types: one generic helper instead of a pair of generated methods per type.</summary>
public static partial class JsonSupport
{
    private const string NullItem = "The array holds null, but the spec says its items cannot be";

    /// <summary>Whether <paramref name="type"/> is List, IList or IReadOnlyList of <typeparamref name="T"/>.</summary>
    public static bool IsListOf<T>(Type type) =>
        type == typeof(List<T>) || type == typeof(IList<T>) || type == typeof(IReadOnlyList<T>);

    /// <summary>
    /// Type metadata for a generated model <typeparamref name="T"/> and, with <paramref name="lists"/>, for lists of it
    /// (List, IList, IReadOnlyList); null for any other type. One line of the generated resolver per model.
    /// </summary>
    public static JsonTypeInfo? ModelInfo<T>(Type type, JsonSerializerOptions options, bool lenient, bool lists) where T : class, IJsonModel<T>
    {
        if (type == typeof(T)) return JsonMetadataServices.CreateValueInfo<T>(options, new JsonModelConverter<T>(lenient));
        if (lists && IsListOf<T>(type)) return ListInfo<T>(type, options, static (ref Utf8JsonReader r, bool l) => T.ReadJson(ref r, l), static (w, v) => T.WriteJson(w, v, false), lenient);
        return null;
    }

    /// <summary>
    /// Type metadata for a generated union <typeparamref name="T"/> (kept as the JSON value received) and, with
    /// <paramref name="lists"/>, for lists of it; null for any other type. One line of the generated resolver per union,
    /// where there were two with a lambda each for csc to bind and lower (issue 12).
    /// </summary>
    public static JsonTypeInfo? UnionInfo<T>(Type type, JsonSerializerOptions options, bool lenient, bool lists) where T : class, IJsonUnion<T>
    {
        if (type == typeof(T)) return JsonMetadataServices.CreateValueInfo<T>(options, new JsonUnionConverter<T>());
        if (lists && IsListOf<T>(type)) return ListInfo<T>(type, options, static (ref Utf8JsonReader r, bool l) => T.Wrap(JsonElement.ParseValue(ref r)), static (w, v) => WriteElement(w, v.Json), lenient);
        return null;
    }

    /// <summary>
    /// Type metadata for a generated string enum and, with <paramref name="lists"/>, for lists of it (read as
    /// <see cref="EnumList{TEnum}"/>); null for any other type.
    /// </summary>
    public static JsonTypeInfo? EnumInfo<T>(Type type, JsonSerializerOptions options, bool lenient, WireEnum<T> table, bool lists) where T : struct, Enum
    {
        if (type == typeof(T)) return JsonMetadataServices.CreateValueInfo<T>(options, new WireEnumConverter<T>(table));
        if (lists && (IsListOf<T>(type) || type == typeof(EnumList<T>))) return EnumListInfo<T>(type, options, table.Parse, table.Write, lenient);
        return null;
    }

    /// <summary>
    /// Type metadata for IList, IReadOnlyList and List of <typeparamref name="T"/>, from the reader and writer of an
    /// array shape of the spec (<c>ReadListOfX</c>/<c>WriteListOfX</c>); null for any other type.
    /// </summary>
    public static JsonTypeInfo? ArrayShapeInfo<T>(Type type, JsonSerializerOptions options, bool lenient, JsonReadFunc<List<T>> read, JsonWriteFunc<IEnumerable<T>> write)
    {
        if (type == typeof(List<T>)) return JsonMetadataServices.CreateValueInfo<List<T>>(options, new DelegateJsonConverter<List<T>>(read, (w, v) => write(w, v, false), lenient));
        return ReadOnlyShapeInfo<T>(type, options, lenient, (ref Utf8JsonReader r, bool l) => read(ref r, l), write);
    }

    /// <summary>Type metadata for IList and IReadOnlyList of a string enum, from an enum array shape of the spec (read as <see cref="EnumList{TEnum}"/>).</summary>
    public static JsonTypeInfo? EnumArrayShapeInfo<T>(Type type, JsonSerializerOptions options, bool lenient, JsonReadFunc<EnumList<T>> read, JsonWriteFunc<IEnumerable<T>> write)
        where T : struct, Enum =>
        ReadOnlyShapeInfo<T>(type, options, lenient, (ref Utf8JsonReader r, bool l) => read(ref r, l), write);

    private static JsonTypeInfo? ReadOnlyShapeInfo<T>(Type type, JsonSerializerOptions options, bool lenient, JsonReadFunc<IList<T>> read, JsonWriteFunc<IEnumerable<T>> write)
    {
        if (type == typeof(IList<T>)) return JsonMetadataServices.CreateValueInfo<IList<T>>(options, new DelegateJsonConverter<IList<T>>(read, (w, v) => write(w, v, false), lenient));
        if (type == typeof(IReadOnlyList<T>)) return JsonMetadataServices.CreateValueInfo<IReadOnlyList<T>>(options, new DelegateJsonConverter<IReadOnlyList<T>>((ref Utf8JsonReader r, bool l) => (IReadOnlyList<T>)read(ref r, l), (w, v) => write(w, v, false), lenient));
        return null;
    }

    /// <summary>Type metadata for a list of a generated type, from its item reader and writer (no reflection).</summary>
    public static JsonTypeInfo ListInfo<T>(Type type, JsonSerializerOptions options, JsonReadFunc<T> read, Action<Utf8JsonWriter, T> write, bool lenient)
    {
        if (type == typeof(IList<T>))
            return JsonMetadataServices.CreateValueInfo<IList<T>>(options, new DelegateJsonConverter<IList<T>>((ref Utf8JsonReader r, bool l) => ReadList(ref r, l, read), (w, v) => WriteList(w, v, write), lenient));
        if (type == typeof(IReadOnlyList<T>))
            return JsonMetadataServices.CreateValueInfo<IReadOnlyList<T>>(options, new DelegateJsonConverter<IReadOnlyList<T>>((ref Utf8JsonReader r, bool l) => ReadList(ref r, l, read), (w, v) => WriteList(w, v, write), lenient));
        return JsonMetadataServices.CreateValueInfo<List<T>>(options, new DelegateJsonConverter<List<T>>((ref Utf8JsonReader r, bool l) => ReadList(ref r, l, read), (w, v) => WriteList(w, v, write), lenient));
    }

    /// <summary>Type metadata for a list of a string enum: read as <see cref="EnumList{TEnum}"/>, unknown texts written back.</summary>
    public static JsonTypeInfo EnumListInfo<T>(Type type, JsonSerializerOptions options, EnumParseFunc<T> parse, Action<Utf8JsonWriter, T, string?> write, bool lenient)
        where T : struct, Enum
    {
        JsonReadFunc<EnumList<T>> read = (ref Utf8JsonReader r, bool l) => ReadEnumList(ref r, l, parse);
        Action<Utf8JsonWriter, IEnumerable<T>> writeList = (w, v) => WriteEnumList(w, v, write);
        if (type == typeof(IList<T>))
            return JsonMetadataServices.CreateValueInfo<IList<T>>(options, new DelegateJsonConverter<IList<T>>((ref Utf8JsonReader r, bool l) => read(ref r, l), (w, v) => writeList(w, v), lenient));
        if (type == typeof(IReadOnlyList<T>))
            return JsonMetadataServices.CreateValueInfo<IReadOnlyList<T>>(options, new DelegateJsonConverter<IReadOnlyList<T>>((ref Utf8JsonReader r, bool l) => read(ref r, l), (w, v) => writeList(w, v), lenient));
        if (type == typeof(EnumList<T>))
            return JsonMetadataServices.CreateValueInfo<EnumList<T>>(options, new DelegateJsonConverter<EnumList<T>>(read, (w, v) => writeList(w, v), lenient));
        return JsonMetadataServices.CreateValueInfo<List<T>>(options, new DelegateJsonConverter<List<T>>((ref Utf8JsonReader r, bool l) => new List<T>(read(ref r, l)), (w, v) => writeList(w, v), lenient));
    }

    /// <summary>Reads an array of a string enum, keeping the text of unknown values.</summary>
    public static EnumList<T> ReadEnumList<T>(ref Utf8JsonReader reader, bool lenient, EnumParseFunc<T> parse) where T : struct, Enum
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, typeof(T).Name, "an array");
        var list = new EnumList<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    if (!lenient) throw new ApiJsonException(NullItem, typeof(T).Name, null, "");
                    list.Add(default);
                    continue;
                }
                var item = parse(ref reader, out var raw);
                list.Add(item, raw);
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw NestIndex(ex, typeof(T).Name, list.Count);
        }
        return list;
    }

    /// <summary>Writes an array of a string enum; items of an EnumList that were not recognized go back as their text.</summary>
    public static void WriteEnumList<T>(Utf8JsonWriter writer, IEnumerable<T> value, Action<Utf8JsonWriter, T, string?> write) where T : struct, Enum
    {
        var raws = value as EnumList<T>;
        var index = 0;
        writer.WriteStartArray();
        foreach (var item in value)
        {
            write(writer, item, raws?.GetRawValue(index));
            index++;
        }
        writer.WriteEndArray();
    }

    /// <summary>Reads an array item by item with <paramref name="read"/>; null items only when lenient.</summary>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, bool lenient, JsonReadFunc<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Unexpected(ref reader, typeof(T).Name, "an array");
        var list = new List<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    if (!lenient) throw new ApiJsonException(NullItem, typeof(T).Name, null, "");
                    list.Add(default!);
                    continue;
                }
                list.Add(read(ref reader, lenient));
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw NestIndex(ex, typeof(T).Name, list.Count);
        }
        return list;
    }

    /// <summary>Writes a list with <paramref name="write"/>; null items as null.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> value, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item is null) writer.WriteNullValue();
            else write(writer, item);
        }
        writer.WriteEndArray();
    }
}
