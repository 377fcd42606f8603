using System;

namespace DataGouv.Client;

/// <summary>An enum argument that can also carry a wire value the spec does not list yet.</summary>
/// <typeparam name="TEnum">A generated string enum.</typeparam>
public readonly struct OpenEnum<TEnum> where TEnum : struct, Enum
{
    /// <summary>A known value.</summary>
    public OpenEnum(TEnum value) { Value = value; RawValue = null; }

    private OpenEnum(TEnum value, string raw) { Value = value; RawValue = raw; }

    /// <summary>The enum value (default when built from raw text).</summary>
    public TEnum Value { get; }

    /// <summary>The text to send instead of the enum's wire value, if any.</summary>
    public string? RawValue { get; }

    /// <summary>A value given by its wire text, sent as is.</summary>
    public static OpenEnum<TEnum> FromWire(string raw) => new(default, raw ?? throw new ArgumentNullException(nameof(raw)));

    /// <summary>Wraps a known value.</summary>
    public static implicit operator OpenEnum<TEnum>(TEnum value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => RawValue ?? Value.ToString();
}
