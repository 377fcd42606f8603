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
    /// Reads the value of the property at <paramref name="index"/> in the model's <see cref="JsonPropertyNames"/>
    /// into <paramref name="value"/>; -1 is a property the spec does not name (<paramref name="name"/>), kept as an
    /// unknown property. <see cref="JsonSupport.ReadObject{T}"/> finds the index and tracks required properties.
    /// </summary>
    static abstract void ReadProperty(TSelf value, int index, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, bool lenient);
}
