using System.ComponentModel;
using System.Text.Json;

namespace DataGouv.Client.Runtime;

/// <summary>Reads one value at the reader's current token; <paramref name="lenient"/> accepts missing or null required properties.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadFunc<T>(ref Utf8JsonReader reader, bool lenient);

/// <summary>Writes one non-null value; with <paramref name="request"/> readOnly properties are left out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWriteFunc<in T>(Utf8JsonWriter writer, T value, bool request);

/// <summary>Reads an enum at the reader; an unknown value gives its text in <paramref name="raw"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T EnumParseFunc<T>(ref Utf8JsonReader reader, out string? raw);
