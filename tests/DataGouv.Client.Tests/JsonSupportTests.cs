using System.Text;
using System.Text.Json;
using DataGouv.Client;
using DataGouv.Client.Runtime;

namespace DataGouv.Client.Tests;

public class JsonSupportTests
{
    private static Utf8JsonReader At(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("3.0", 3)]
    [InlineData("-2147483648", int.MinValue)]
    public void ReadInt32_accepts_whole_numbers_even_written_with_a_fraction(string json, int expected)
    {
        var reader = At(json);
        Assert.Equal(expected, JsonSupport.ReadInt32(ref reader));
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("2147483648")]
    public void ReadInt32_rejects_fractions_and_overflow(string json)
    {
        var reader = At(json);
        try
        {
            JsonSupport.ReadInt32(ref reader);
            Assert.Fail("expected a FormatException");
        }
        catch (FormatException ex)
        {
            Assert.Contains("32-bit integer", ex.Message);
        }
    }

    [Fact]
    public void ReadInt64_accepts_a_large_whole_number_written_with_a_fraction()
    {
        var reader = At("9007199254740993.0");
        Assert.Equal(9007199254740993L, JsonSupport.ReadInt64(ref reader));
    }

    [Theory]
    [InlineData("\"2024-05-01T10:20:30+02:00\"", "2024-05-01T10:20:30.0000000+02:00")]
    [InlineData("\"2024-05-01T10:20:30+0200\"", "2024-05-01T10:20:30.0000000+02:00")]
    [InlineData("\"2024-05-01T10:20:30.123456789Z\"", "2024-05-01T10:20:30.1234567+00:00")]
    public void ReadDateTimeOffset_reads_the_iso_forms_servers_send(string json, string expected)
    {
        var reader = At(json);
        Assert.Equal(expected, JsonSupport.ReadDateTimeOffset(ref reader).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReadDateOnly_needs_the_yyyy_MM_dd_form()
    {
        var good = At("\"2024-02-29\"");
        Assert.Equal(new DateOnly(2024, 2, 29), JsonSupport.ReadDateOnly(ref good));
        var bad = At("\"29/02/2024\"");
        try
        {
            JsonSupport.ReadDateOnly(ref bad);
            Assert.Fail("expected a FormatException");
        }
        catch (FormatException)
        {
        }
    }

    [Fact]
    public void Nest_and_NestIndex_build_the_json_path_from_the_inside_out()
    {
        Exception failure = new ApiJsonException("bad title", "Resource", "title", "");
        failure = JsonSupport.Nest(failure, "Resource", "title");
        failure = JsonSupport.NestIndex(failure, "ListOfResource", 2);
        failure = JsonSupport.Nest(failure, "Dataset", "resources");
        failure = JsonSupport.NestIndex(failure, "ListOfDataset", 7);

        var ex = Assert.IsType<ApiJsonException>(failure);
        Assert.Equal("$[7].resources[2].title", ex.JsonPath);
        Assert.Equal("Resource", ex.ModelType);
        Assert.Equal("title", ex.PropertyName);
        Assert.Equal("bad title (type Resource, property 'title', path $[7].resources[2].title)", ex.Message);
    }

    [Fact]
    public void A_name_that_is_not_an_identifier_is_quoted_in_the_path()
    {
        var ex = (ApiJsonException)JsonSupport.Nest(new FormatException("bad"), "Dataset", "last-modified");
        Assert.Equal("$['last-modified']", ex.JsonPath);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public void WriteAdditional_writes_the_unknown_properties_in_order_and_undefined_as_null()
    {
        var extra = new Dictionary<string, JsonElement>
        {
            ["b"] = JsonDocument.Parse("[1,2]").RootElement,
            ["a"] = default,
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            JsonSupport.WriteAdditional(writer, extra);
            JsonSupport.WriteAdditional(writer, null);
            writer.WriteEndObject();
        }
        Assert.Equal("{\"b\":[1,2],\"a\":null}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void ReadList_fails_on_a_null_item_unless_lenient_and_names_its_index()
    {
        var bytes = Encoding.UTF8.GetBytes("[1,null,3]");
        var lenient = new Utf8JsonReader(bytes);
        lenient.Read();
        Assert.Equal([1, 0, 3], JsonSupport.ReadList(ref lenient, true, static (ref Utf8JsonReader r, bool _) => r.GetInt32()));

        var strict = new Utf8JsonReader(bytes);
        strict.Read();
        try
        {
            JsonSupport.ReadList(ref strict, false, static (ref Utf8JsonReader r, bool _) => r.GetInt32());
            Assert.Fail("expected an ApiJsonException");
        }
        catch (ApiJsonException ex)
        {
            Assert.Equal("$[1]", ex.JsonPath);
        }
    }
}
