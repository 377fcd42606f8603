using System.Buffers;
using System.Text;
using System.Text.Json;
using DataGouv.Client.Runtime;

namespace DataGouv.Client.Tests;

/// <summary>
/// The table a model's reader dispatches on (issue 12): the index of a name, escaped or not; what ReadObject does with
/// a null in a required property, strict and lenient; the missing-required check past 64 required properties.
/// </summary>
public class JsonPropertyNamesTests
{
    [Fact]
    public void IndexOf_finds_each_name_and_answers_minus_one_for_an_unknown_one()
    {
        var names = new JsonPropertyNames("----", "id", "ab", "ba", "é+<x>");
        Assert.Equal(0, names.IndexOf("id"u8));
        Assert.Equal(1, names.IndexOf("ab"u8));
        Assert.Equal(2, names.IndexOf("ba"u8));
        Assert.Equal(3, names.IndexOf(Encoding.UTF8.GetBytes("é+<x>")));
        Assert.Equal(-1, names.IndexOf("aa"u8));
        Assert.Equal(-1, names.IndexOf("a-much-longer-name"u8));
        Assert.Equal(-1, names.IndexOf(""u8));
        Assert.Equal(-1, JsonPropertyNames.None.IndexOf("id"u8));
    }

    [Fact]
    public void The_writer_gets_the_encoded_names()
    {
        var names = new JsonPropertyNames("--", "a", "<b>");
        Assert.Equal(2, names.Count);
        Assert.Equal("\\u003Cb\\u003E", names[1].ToString());
    }

    [Fact]
    public void An_escaped_name_on_the_wire_finds_its_property()
    {
        var probe = Probe.Read("{\"\\u0069d\":\"x\",\"n\\u0061me\":\"y\"}", lenient: true);
        Assert.Equal("x", probe.Id);
        Assert.Equal("y", probe.Name);
        Assert.Null(probe.Unknown);
    }

    [Fact]
    public void An_unknown_property_reaches_the_model_with_index_minus_one_and_its_name()
    {
        var probe = Probe.Read("{\"id\":\"x\",\"count\":1,\"other\":true,\"maybe\":2}", lenient: false);
        Assert.Equal("other", probe.Unknown);
    }

    [Fact]
    public void A_null_in_a_required_never_null_property_fails_a_strict_read()
    {
        var value = Assert.Throws<ApiJsonException>(() => Probe.Read("{\"id\":\"x\",\"count\":null}", lenient: false));
        Assert.Equal("count", value.PropertyName);
        var reference = Assert.Throws<ApiJsonException>(() => Probe.Read("{\"id\":null,\"count\":1}", lenient: false));
        Assert.Equal("id", reference.PropertyName);
    }

    [Fact]
    public void A_lenient_read_leaves_a_value_as_it_is_and_hands_a_null_reference_to_the_model()
    {
        var probe = Probe.Read("{\"id\":\"x\",\"id\":null,\"count\":3,\"count\":null}", lenient: true);
        Assert.Null(probe.Id);
        Assert.Equal(3, probe.Count);
        Assert.Equal(1, probe.CountReads);
    }

    [Fact]
    public void A_null_in_an_optional_or_nullable_property_reaches_the_model()
    {
        var probe = Probe.Read("{\"id\":\"x\",\"count\":1,\"name\":null,\"maybe\":null}", lenient: false);
        Assert.True(probe.NameWasNull);
        Assert.True(probe.MaybeWasNull);
    }

    [Fact]
    public void A_missing_required_property_fails_a_strict_read_only()
    {
        var ex = Assert.Throws<ApiJsonException>(() => Probe.Read("{\"id\":\"x\",\"maybe\":null}", lenient: false));
        Assert.Equal("count", ex.PropertyName);
        Assert.Equal(0, Probe.Read("{}", lenient: true).Count);
    }

    [Fact]
    public void Required_properties_past_the_64th_are_tracked_too()
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < Wide.Size; i++) json.Append(i == 0 ? "" : ",").Append("\"p").Append(i).Append("\":").Append(i);
        var all = json.ToString() + "}";
        Assert.Equal(Wide.Size, Wide.Read(all).Seen);
        var lastMissing = all.Replace(",\"p" + (Wide.Size - 1) + "\":" + (Wide.Size - 1), "");
        var ex = Assert.Throws<ApiJsonException>(() => Wide.Read(lastMissing));
        Assert.Equal("p" + (Wide.Size - 1), ex.PropertyName);
    }

    [Fact]
    public void The_write_helpers_write_the_name_and_the_value_or_null()
    {
        var names = new JsonPropertyNames("------", "a", "b", "c", "d", "e", "f");
        var json = Write(w =>
        {
            w.WriteStartObject();
            JsonSupport.WriteInt64(w, names[0], 9007199254740993L);
            JsonSupport.WriteInt32(w, names[1], null);
            JsonSupport.WriteDouble(w, names[2], 1.5);
            JsonSupport.WriteBoolean(w, names[3], false);
            JsonSupport.WriteModel<Probe>(w, names[4], null, false);
            JsonSupport.WriteModel(w, names[5], new Probe { Id = "x" }, false);
            w.WriteEndObject();
        });
        Assert.Equal("{\"a\":9007199254740993,\"b\":null,\"c\":1.5,\"d\":false,\"e\":null,\"f\":{\"id\":\"x\"}}", json);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A hand-written model in the generated shape: id (required reference), count (required value), name (optional), maybe (required, nullable).</summary>
    private sealed class Probe : IJsonModel<Probe>
    {
        private static readonly JsonPropertyNames Names = new("nv-r", "id", "count", "name", "maybe");
        public string? Id;
        public long Count;
        public int CountReads;
        public string? Name;
        public bool NameWasNull;
        public bool MaybeWasNull;
        public string? Unknown;

        public static Probe Read(string json, bool lenient)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return ReadJson(ref reader, lenient);
        }

        public static Probe ReadJson(ref Utf8JsonReader reader, bool lenient) => JsonSupport.ReadObject(ref reader, lenient, new Probe(), "Probe", Names);

        public static void WriteJson(Utf8JsonWriter writer, Probe value, bool request)
        {
            writer.WriteStartObject();
            JsonSupport.WriteString(writer, Names[0], value.Id);
            writer.WriteEndObject();
        }

        public static void ReadProperty(Probe value, int index, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, bool lenient)
        {
            switch (index)
            {
                case 0: value.Id = reader.GetString(); return;
                case 1: value.Count = reader.GetInt64(); value.CountReads++; return;
                case 2: value.NameWasNull = reader.TokenType == JsonTokenType.Null; value.Name = reader.GetString(); return;
                case 3: value.MaybeWasNull = reader.TokenType == JsonTokenType.Null; return;
            }
            value.Unknown = Encoding.UTF8.GetString(name);
            reader.Skip();
        }
    }

    /// <summary>A model with 70 required integers: the required check goes past one 64-bit word.</summary>
    private sealed class Wide : IJsonModel<Wide>
    {
        public const int Size = 70;
        private static readonly JsonPropertyNames Names = new(new string('v', Size), Enumerable.Range(0, Size).Select(i => "p" + i).ToArray());
        public int Seen;

        public static Wide Read(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return ReadJson(ref reader, false);
        }

        public static Wide ReadJson(ref Utf8JsonReader reader, bool lenient) => JsonSupport.ReadObject(ref reader, lenient, new Wide(), "Wide", Names);

        public static void WriteJson(Utf8JsonWriter writer, Wide value, bool request) => throw new NotSupportedException();

        public static void ReadProperty(Wide value, int index, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, bool lenient)
        {
            if (index < 0) throw new InvalidOperationException("unknown " + Encoding.UTF8.GetString(name));
            value.Seen++;
        }
    }
}
