using DataGouv.Client.Runtime;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataGouv.Bench.Poco;
using DataGouv.Me;
using DataGouv.Me.Serialization;

namespace DataGouv.Bench;

/// <summary>The 2,000-dataset array read from a stream (MemoryStream: no network). Baseline: STJ source-gen DeserializeAsync.</summary>
[MemoryDiagnoser]
public class StreamReadBenchmarks
{
    private byte[] _json = [];

    [Params(2_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _json = Payloads.DatasetArray(Count);

    [Benchmark(Description = "Generated: HttpSupport.ReadJsonArrayAsync")]
    public Task<List<Dataset>> Generated() =>
        DataGouv.Client.Runtime.HttpSupport.ReadJsonArrayAsync(new MemoryStream(_json, writable: false),
            static (ref Utf8JsonReader r, bool l) => JsonModelConverter<Dataset>.ReadValue(ref r, l), Payloads.Lenient, "Dataset", CancellationToken.None);

    [Benchmark(Description = "Generated: DeserializeAsync + MeClient.JsonOptions")]
    public ValueTask<List<Dataset>?> GeneratedViaJsonSerializer() =>
        JsonSerializer.DeserializeAsync(new MemoryStream(_json, writable: false), Payloads.GeneratedTypeInfo);

    [Benchmark(Baseline = true, Description = "STJ source-gen DeserializeAsync (POCO)")]
    public ValueTask<List<DatasetPoco>?> StjSourceGen() =>
        JsonSerializer.DeserializeAsync(new MemoryStream(_json, writable: false), StjContext.Default.ListDatasetPoco);

    [Benchmark(Description = "STJ reflection DeserializeAsync (POCO)")]
    public ValueTask<List<DatasetPoco>?> StjReflection() =>
        JsonSerializer.DeserializeAsync(new MemoryStream(_json, writable: false), Payloads.ReflectionTypeInfo);
}
