using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataGouv.Client.Runtime;

/// <summary>A System.Text.Json converter driven by a generated reader and writer (lists of generated types).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DelegateJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;
    private readonly bool _lenient;

    /// <summary>Creates the converter.</summary>
    public DelegateJsonConverter(JsonReadFunc<T> read, Action<Utf8JsonWriter, T> write, bool lenient)
    {
        _read = read;
        _write = write;
        _lenient = lenient;
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? default! : _read(ref reader, _lenient);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => _write(writer, value);
}
