using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using DataGouv.Me;
using DataGouv.MeEmulator;
using Emulator = DataGouv.MeEmulator.MeEmulator;

namespace DataGouv.Bench;

/// <summary>
/// GET /me/org_datasets/ with 2,000 datasets from the in-process emulator over loopback, through MeClient, with and
/// without compression: identity (no Accept-Encoding, as a bare HttpClient), gzip only, and what AddMeClient
/// configures (gzip, deflate, br: the emulator answers brotli). Bytes on the wire are counted under the client's
/// socket (SocketsHttpHandler.ConnectCallback), before decompression, and printed by GlobalSetup; the
/// time includes the server compressing on the same 2 cores. Loopback has no bandwidth limit, so this measures only
/// the CPU cost of compression; what it saves on a real network is the byte count.
/// </summary>
[MemoryDiagnoser]
public class CompressionEndToEndBenchmarks
{
    public const int Datasets = 2_000;

    private Emulator _emulator = null!;
    private readonly Dictionary<string, (HttpClient Http, MeClient Client, WireCounter Counter)> _clients = [];

    [GlobalSetup]
    public void Setup()
    {
        _emulator = Emulator.StartAsync(new MeEmulatorOptions { OrgDatasetCount = Datasets }).GetAwaiter().GetResult();
        Add("identity", DecompressionMethods.None);
        Add("gzip", DecompressionMethods.GZip);
        Add("all", DecompressionMethods.All);
        foreach (var (name, bytes, accept) in MeasureWireBytes())
            Console.WriteLine($"// wire bytes: {name}: {bytes:N0} B received per call (Accept-Encoding: {accept})");
    }

    private void Add(string name, DecompressionMethods decompression)
    {
        var counter = new WireCounter();
        var handler = new SocketsHttpHandler { AutomaticDecompression = decompression, ConnectCallback = counter.ConnectAsync };
        var http = new HttpClient(handler);
        _clients[name] = (http, new MeClient(http, new MeClientOptions { BaseAddress = _emulator.BaseAddress, ApiKey = _emulator.ApiKey }), counter);
    }

    /// <summary>One call per variant: bytes received by the client's socket (headers included) and the Accept-Encoding sent.</summary>
    public IReadOnlyList<(string Name, long Bytes, string AcceptEncoding)> MeasureWireBytes()
    {
        var results = new List<(string, long, string)>();
        foreach (var (name, (_, client, counter)) in _clients)
        {
            _emulator.ClearRequests();
            var before = counter.BytesReceived;
            var count = client.MyOrgDatasetsAsync().GetAwaiter().GetResult().Count;
            if (count != Datasets) throw new InvalidOperationException($"{name}: {count} datasets, expected {Datasets}");
            var accept = _emulator.LastRequest.Headers.TryGetValue("Accept-Encoding", out var a) ? a : "(none)";
            results.Add((name, counter.BytesReceived - before, accept));
        }
        _emulator.ClearRequests();
        return results;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (http, _, _) in _clients.Values) http.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "MyOrgDatasetsAsync, 2,000 datasets, identity")]
    public Task<int> Identity() => Call("identity");

    [Benchmark(Description = "MyOrgDatasetsAsync, 2,000 datasets, gzip")]
    public Task<int> Gzip() => Call("gzip");

    [Benchmark(Description = "MyOrgDatasetsAsync, 2,000 datasets, br (AddMeClient's setting)")]
    public Task<int> Brotli() => Call("all");

    private async Task<int> Call(string name)
    {
        _emulator.ClearRequests(); // the emulator journals every request: keep it from growing across iterations
        return (await _clients[name].Client.MyOrgDatasetsAsync().ConfigureAwait(false)).Count;
    }

    /// <summary>Counts the bytes read from every socket the handler opens.</summary>
    private sealed class WireCounter
    {
        private long _received;

        public long BytesReceived => Interlocked.Read(ref _received);

        public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                return new CountingStream(new NetworkStream(socket, ownsSocket: true), this);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        private sealed class CountingStream(Stream inner, WireCounter counter) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() => inner.Flush();
            public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

            public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

            private int Count(int read)
            {
                Interlocked.Add(ref counter._received, read);
                return read;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
