using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>
/// Models, enums and unions carry [JsonConverter], so System.Text.Json's reflection resolver (what a plain
/// <c>JsonSerializer.Serialize(dataset)</c> uses in an app with reflection on) reads and writes the wire format, exactly
/// as the generated resolver does. This project turns reflection off by default, so the reflection resolver is named here.
/// </summary>
public class PlainJsonSerializerTests
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public void The_reflection_resolver_reads_and_writes_the_wire_format_through_the_attributes()
    {
        var wire = DatasetFixtures.CreateDatasetArrayJson(3, 11);

        var viaAttributes = JsonSerializer.Deserialize<List<Dataset>>(wire, Reflection)!;
        var viaGenerated = JsonSerializer.Deserialize<List<Dataset>>(wire, MeClient.JsonOptions)!;

        Assert.Equal(3, viaAttributes.Count);
        Assert.Equal(viaGenerated[1].Title, viaAttributes[1].Title);
        var written = JsonSerializer.Serialize(viaAttributes, Reflection);
        Assert.Equal(JsonSerializer.Serialize(viaGenerated, MeClient.JsonOptions), written);
        // snake_case wire names and enum wire strings, not PascalCase properties and numbers.
        Assert.Contains("\"created_at\":", written);
        Assert.DoesNotContain("\"CreatedAt\"", written);
        Assert.DoesNotContain("\"FrequencyWireValue\"", written);
        Assert.DoesNotContain("\"AdditionalProperties\"", written);
    }

    [Fact]
    public void A_single_enum_value_is_written_as_its_wire_string()
    {
        Assert.Equal("\"annual\"", JsonSerializer.Serialize(Frequency.Annual, Reflection));
        Assert.Equal(Frequency.Annual, JsonSerializer.Deserialize<Frequency>("\"annual\"", Reflection));
    }
}
