using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataGouv.Bench.Poco;
using DataGouv.Me;
using DataGouv.Me.Serialization;

namespace DataGouv.Bench;

/// <summary>
/// Serialize the same array (read once in setup) to one reused Utf8JsonWriter over a reused ArrayBufferWriter, so the
/// allocation column shows what each serializer allocates beyond the output buffer. Default writer options for all
/// (the generated client's HttpSupport.JsonContent uses the defaults too). Baseline: System.Text.Json source generator.
/// </summary>
[MemoryDiagnoser]
public class JsonWriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private Utf8JsonWriter _writer = null!;
    private List<Dataset> _generated = [];
    private List<DatasetPoco> _poco = [];
    private Token[] _tokens = [];

    [Params(1, 100, 2_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = Payloads.DatasetArray(Count);
        _generated = Payloads.ReadGenerated(json);
        _poco = JsonSerializer.Deserialize(json, StjContext.Default.ListDatasetPoco)!;
        _tokens = Payloads.Tokenize(json);
        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    private Utf8JsonWriter Fresh()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    [Benchmark(Description = "Generated: JsonModelConverter<Dataset>.WriteValue per element")]
    public int Generated()
    {
        var w = Fresh();
        MeClientJsonCollections.WriteListOfDataset(w, _generated, request: false);
        w.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Generated: JsonSerializer + MeClient.JsonOptions")]
    public int GeneratedViaJsonSerializer()
    {
        var w = Fresh();
        JsonSerializer.Serialize(w, _generated, Payloads.GeneratedTypeInfo);
        w.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen (POCO)")]
    public int StjSourceGen()
    {
        var w = Fresh();
        JsonSerializer.Serialize(w, _poco, StjContext.Default.ListDatasetPoco);
        w.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "STJ reflection (POCO)")]
    public int StjReflection()
    {
        var w = Fresh();
        JsonSerializer.Serialize(w, _poco, Payloads.ReflectionTypeInfo);
        w.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Floor: bare Utf8JsonWriter, same tokens")]
    public int BareWriter()
    {
        var w = Fresh();
        Payloads.WriteTokens(w, _tokens);
        w.Flush();
        return _buffer.WrittenCount;
    }
}
