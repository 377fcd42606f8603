using DataGouv.Client.Runtime;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataGouv.Me;
using DataGouv.Me.Serialization;
using Microsoft.IO;
using Microsoft.Kiota.Serialization.Json;
using KiotaDataset = Bench.Kiota.Models.Dataset;

namespace DataGouv.Bench;

/// <summary>
/// Our generated reader against the Kiota 1.38.0 models (bench/DataGouv.Bench.Kiota) read with the Kiota 2.1.6 JSON
/// runtime, over the same /me/org_datasets/ bytes. Baseline: ours from bytes. Kiota parses from a stream
/// (<see cref="JsonParseNodeFactory.GetRootParseNodeAsync"/>, as its request adapter does, then
/// <c>GetCollectionOfObjectValues</c> + <c>ToList</c>), so ours from the same stream is listed too.
/// </summary>
[MemoryDiagnoser]
public class KiotaJsonReadBenchmarks
{
    private static readonly JsonParseNodeFactory KiotaFactory = new();
    private byte[] _json = [];

    [Params(1, 100, 2_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _json = Payloads.DatasetArray(Count);

    [Benchmark(Baseline = true, Description = "Ours: reader loop + JsonModelConverter<Dataset>.ReadValue (bytes)")]
    public List<Dataset> Ours() => Payloads.ReadGenerated(_json);

    [Benchmark(Description = "Ours: HttpSupport.ReadJsonArrayAsync (MemoryStream)")]
    public Task<List<Dataset>> OursStream() =>
        DataGouv.Client.Runtime.HttpSupport.ReadJsonArrayAsync(new MemoryStream(_json, writable: false),
            static (ref Utf8JsonReader r, bool l) => JsonModelConverter<Dataset>.ReadValue(ref r, l), Payloads.Lenient, "Dataset", CancellationToken.None);

    [Benchmark(Description = "Kiota: JsonParseNodeFactory + GetCollectionOfObjectValues (MemoryStream)")]
    public Task<List<KiotaDataset>> Kiota() => ReadAsync(_json);

    private static async Task<List<KiotaDataset>> ReadAsync(byte[] json)
    {
        var node = await KiotaFactory.GetRootParseNodeAsync("application/json", new MemoryStream(json, writable: false)).ConfigureAwait(false);
        return node.GetCollectionOfObjectValues(KiotaDataset.CreateFromDiscriminatorValue).ToList();
    }

    /// <summary>The Kiota models of <paramref name="json"/> (setup of the write benchmarks).</summary>
    public static List<KiotaDataset> Read(byte[] json) => ReadAsync(json).GetAwaiter().GetResult();
}

/// <summary>
/// Writing the same array: ours (<c>WriteListOfDataset</c>) against Kiota's <see cref="JsonSerializationWriter"/>
/// (<c>WriteCollectionOfObjectValues</c> + <c>GetSerializedContent</c>, what <c>KiotaJsonSerializer.SerializeAsStream</c>
/// does). Kiota's writer owns its output stream, a pooled <c>RecyclableMemoryStream</c> (Microsoft.IO), so the
/// like-for-like row of ours writes through a <c>Utf8JsonWriter</c> into a <c>RecyclableMemoryStream</c> from one shared
/// manager too (baseline). The reused-buffer row is part A's setup (allocation beyond the output buffer).
/// Both write the request-body shape: Kiota's generated <c>Serialize</c> leaves out readOnly properties (id, created_at,
/// badges, quality, internal, ...), so ours is called with <c>request: true</c>, which leaves out the same ones
/// (output at n = 2,000: ours 4,235,314 B, Kiota 3,774,617 B; ours writes back the nulls it received, Kiota omits them).
/// </summary>
[MemoryDiagnoser]
public class KiotaJsonWriteBenchmarks
{
    private static readonly RecyclableMemoryStreamManager StreamManager = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private Utf8JsonWriter _writer = null!;
    private List<Dataset> _ours = [];
    private List<KiotaDataset> _kiota = [];

    [Params(1, 100, 2_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = Payloads.DatasetArray(Count);
        _ours = Payloads.ReadGenerated(json);
        _kiota = KiotaJsonReadBenchmarks.Read(json);
        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "Ours: WriteListOfDataset(request: true), RecyclableMemoryStream")]
    public long Ours()
    {
        using var stream = StreamManager.GetStream();
        using (var w = new Utf8JsonWriter((Stream)stream)) MeClientJsonCollections.WriteListOfDataset(w, _ours, request: true);
        return stream.Length;
    }

    [Benchmark(Description = "Ours: WriteListOfDataset(request: true), reused buffer")]
    public int OursReused()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        MeClientJsonCollections.WriteListOfDataset(_writer, _ours, request: true);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Kiota: JsonSerializationWriter.WriteCollectionOfObjectValues")]
    public long Kiota()
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteCollectionOfObjectValues(null, _kiota);
        using var content = writer.GetSerializedContent();
        return content.Length;
    }
}
