using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataGouv.Bench.Poco;
using DataGouv.Me;
using DataGouv.Me.Serialization;
using DataGouv.MeEmulator;

namespace DataGouv.Bench;

/// <summary>The deterministic /me/org_datasets/ payloads and the pieces every JSON benchmark shares.</summary>
public static class Payloads
{
    /// <summary>The array sizes of issue 7.</summary>
    public static readonly int[] Sizes = [1, 100, 2_000];

    /// <summary>UTF-8 bytes of a fully typed array of <paramref name="count"/> datasets (see <see cref="TypedPayload"/>).</summary>
    public static byte[] DatasetArray(int count) => TypedPayload.DatasetArray(count);

    /// <summary>The client's default: strict (required members checked, nulls where the spec forbids them rejected).</summary>
    public const bool Lenient = MeClientJsonResolver.LenientByDefault;

    /// <summary>Our generated resolver's type info (what <c>JsonSerializer</c> uses with <see cref="MeClient.JsonOptions"/>).</summary>
    public static readonly JsonTypeInfo<List<Dataset>> GeneratedTypeInfo =
        (JsonTypeInfo<List<Dataset>>)MeClient.JsonOptions.GetTypeInfo(typeof(List<Dataset>));

    /// <summary>System.Text.Json with its reflection resolver over the same POCOs as <see cref="StjContext"/>.</summary>
    public static readonly JsonSerializerOptions ReflectionOptions = CreateReflectionOptions();

    public static readonly JsonTypeInfo<List<DatasetPoco>> ReflectionTypeInfo =
        (JsonTypeInfo<List<DatasetPoco>>)ReflectionOptions.GetTypeInfo(typeof(List<DatasetPoco>));

    private static JsonSerializerOptions CreateReflectionOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Our generated reader: a Utf8JsonReader loop calling JsonModelConverter&lt;Dataset&gt;.ReadValue per element.</summary>
    public static List<Dataset> ReadGenerated(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return MeClientJsonCollections.ReadListOfDataset(ref reader, Lenient);
    }

    /// <summary>Every token of <paramref name="json"/>, so the bare writer can write the same tokens back.</summary>
    public static Token[] Tokenize(ReadOnlySpan<byte> json)
    {
        var tokens = new List<Token>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    tokens.Add(new Token(reader.TokenType, JsonEncodedText.Encode(reader.GetString()!), null, 0, false));
                    break;
                case JsonTokenType.String:
                    tokens.Add(new Token(reader.TokenType, default, reader.GetString(), 0, false));
                    break;
                case JsonTokenType.Number:
                    var isInteger = reader.TryGetInt64(out var l);
                    tokens.Add(new Token(reader.TokenType, default, null, isInteger ? l : reader.GetDouble(), isInteger));
                    break;
                default:
                    tokens.Add(new Token(reader.TokenType, default, null, 0, false));
                    break;
            }
        }
        return tokens.ToArray();
    }

    /// <summary>Writes pre-read tokens: no object graph, no lookups. Names are pre-encoded, as in the generated writer.</summary>
    public static void WriteTokens(Utf8JsonWriter writer, Token[] tokens)
    {
        foreach (ref readonly var t in tokens.AsSpan())
        {
            switch (t.Type)
            {
                case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                case JsonTokenType.PropertyName: writer.WritePropertyName(t.Name); break;
                case JsonTokenType.String: writer.WriteStringValue(t.Text); break;
                case JsonTokenType.Number:
                    if (t.IsInteger) writer.WriteNumberValue((long)t.Number);
                    else writer.WriteNumberValue(t.Number);
                    break;
                case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                case JsonTokenType.Null: writer.WriteNullValue(); break;
            }
        }
    }
}

/// <summary>One JSON token, pre-read.</summary>
public readonly record struct Token(JsonTokenType Type, JsonEncodedText Name, string? Text, double Number, bool IsInteger);
