using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataGouv.Bench.Poco;
using DataGouv.Me;

namespace DataGouv.Bench;

/// <summary>Deserialize a /me/org_datasets/ array from UTF-8 bytes. Baseline: System.Text.Json source generator.</summary>
[MemoryDiagnoser]
public class JsonReadBenchmarks
{
    private byte[] _json = [];

    [Params(1, 100, 2_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _json = Payloads.DatasetArray(Count);

    [Benchmark(Description = "Generated: reader loop + JsonModelConverter<Dataset>.ReadValue")]
    public List<Dataset> Generated() => Payloads.ReadGenerated(_json);

    [Benchmark(Description = "Generated: JsonSerializer + MeClient.JsonOptions")]
    public List<Dataset> GeneratedViaJsonSerializer() => JsonSerializer.Deserialize(_json, Payloads.GeneratedTypeInfo)!;

    [Benchmark(Baseline = true, Description = "STJ source-gen (POCO)")]
    public List<DatasetPoco> StjSourceGen() => JsonSerializer.Deserialize(_json, StjContext.Default.ListDatasetPoco)!;

    [Benchmark(Description = "STJ reflection (POCO)")]
    public List<DatasetPoco> StjReflection() => JsonSerializer.Deserialize(_json, Payloads.ReflectionTypeInfo)!;

    [Benchmark(Description = "Floor: bare Utf8JsonReader, every token")]
    public int BareReader()
    {
        var reader = new Utf8JsonReader(_json);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }
}
