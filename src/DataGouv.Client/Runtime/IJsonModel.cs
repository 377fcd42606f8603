using System;
using System.ComponentModel;
using System.Text.Json;

namespace DataGouv.Client.Runtime;

/// <summary>
/// A generated model that reads and writes itself with no reflection. The members are implemented explicitly, so
/// they stay off the model's public surface; <see cref="JsonModelConverter{T}"/> is the one converter of every model.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonModel<TSelf> where TSelf : class, IJsonModel<TSelf>
{
    /// <summary>Reads one value at the reader's StartObject token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader, bool lenient);

    /// <summary>Writes one value; with <paramref name="request"/> readOnly properties are left out.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value, bool request);

    /// <summary>
    /// Reads the value of the property <paramref name="name"/> into <paramref name="value"/>, or keeps it as an unknown
    /// property. Returns the 1-based number of a required property, 0 for any other.
    /// </summary>
    static abstract int ReadProperty(TSelf value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, bool lenient);
}
