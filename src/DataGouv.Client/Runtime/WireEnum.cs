using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataGouv.Client.Runtime;

/// <summary>
/// The wire strings of a generated string enum, whose members are numbered 0, 1, 2... in the order of
/// <c>wire</c> (<c>__Unrecognized</c> is -1). Reads compare UTF-8 bytes, grouped by length, without allocating;
/// a value the spec does not list is <c>__Unrecognized</c> and its text is handed back to be kept.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WireEnum<TEnum> where TEnum : struct, Enum
{
    private readonly string[] _wire;
    private readonly JsonEncodedText[] _encoded;
    private readonly byte[][] _utf8;
    private readonly int[][] _byLength;
    private readonly Dictionary<string, int> _byText;

    /// <summary>Creates the table; <paramref name="wire"/> holds the wire string of each member, in member order.</summary>
    public WireEnum(params string[] wire)
    {
        if (Unsafe.SizeOf<TEnum>() != sizeof(int)) throw new ArgumentException(typeof(TEnum).Name + " must be an int enum.");
        _wire = wire;
        _encoded = new JsonEncodedText[wire.Length];
        _utf8 = new byte[wire.Length][];
        _byText = new Dictionary<string, int>(wire.Length, StringComparer.Ordinal);
        var longest = 0;
        for (var i = 0; i < wire.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(wire[i]);
            _utf8[i] = Encoding.UTF8.GetBytes(wire[i]);
            _byText.TryAdd(wire[i], i);
            longest = Math.Max(longest, _utf8[i].Length);
        }
        var buckets = new List<int>[longest + 1];
        for (var i = 0; i < wire.Length; i++) (buckets[_utf8[i].Length] ??= new List<int>()).Add(i);
        _byLength = new int[longest + 1][];
        for (var length = 0; length <= longest; length++) _byLength[length] = buckets[length]?.ToArray() ?? Array.Empty<int>();
    }

    /// <summary>Reads the string at the reader; an unknown value gives <c>__Unrecognized</c> and its text in <paramref name="raw"/>.</summary>
    public TEnum Parse(ref Utf8JsonReader reader, out string? raw)
    {
        if (reader.TokenType != JsonTokenType.String) throw JsonSupport.Unexpected(ref reader, typeof(TEnum).Name, "a string");
        raw = null;
        var text = reader.HasValueSequence || reader.ValueIsEscaped ? JsonSupport.UnescapedName(ref reader) : reader.ValueSpan;
        if (text.Length < _byLength.Length)
        {
            foreach (var index in _byLength[text.Length])
            {
                if (text.SequenceEqual(_utf8[index])) return Member(index);
            }
        }
        raw = reader.GetString();
        return Member(-1);
    }

    /// <summary>The member for a wire string; <c>__Unrecognized</c> when the spec does not list it.</summary>
    public TEnum FromWire(string value) => Member(_byText.TryGetValue(value, out var index) ? index : -1);

    /// <summary>The wire string of a member.</summary>
    public string ToWire(TEnum value)
    {
        var index = Index(value);
        if ((uint)index < (uint)_wire.Length) return _wire[index];
        throw new ArgumentOutOfRangeException(nameof(value), typeof(TEnum).Name + "." + value.ToString() + " has no wire value; keep the original text (WireValue properties, OpenEnum) to send an unrecognized value back.");
    }

    /// <summary>Writes a member; <paramref name="raw"/> is the original text of an unrecognized value.</summary>
    public void Write(Utf8JsonWriter writer, TEnum value, string? raw)
    {
        var index = Index(value);
        if ((uint)index < (uint)_encoded.Length) writer.WriteStringValue(_encoded[index]);
        else if (raw is not null) writer.WriteStringValue(raw);
        else writer.WriteStringValue(ToWire(value));
    }

    private static TEnum Member(int index) => Unsafe.As<int, TEnum>(ref index);

    private static int Index(TEnum value) => Unsafe.As<TEnum, int>(ref value);
}

/// <summary>
/// The System.Text.Json converter of a generated string enum, over its <see cref="WireEnum{TEnum}"/>. Each enum
/// derives a parameterless one for its <c>[JsonConverter]</c> attribute.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class WireEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    /// <summary>Creates the converter over the enum's wire strings.</summary>
    public WireEnumConverter(WireEnum<TEnum> table) => Table = table;

    /// <summary>The enum's wire strings.</summary>
    public WireEnum<TEnum> Table { get; }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Table.Parse(ref reader, out _);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => Table.Write(writer, value, null);
}
