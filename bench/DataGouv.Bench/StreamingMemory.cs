using System.Net;
using System.Net.Sockets;
using System.Text;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Bench;

/// <summary>
/// <c>--streaming-memory [count]</c>: peak live heap while reading <c>count</c> (2,000) org datasets through
/// <c>MyOrgDatasetsStreamAsync</c> and through <c>MyOrgDatasetsAsync</c>, over a loopback socket. BenchmarkDotNet's
/// MemoryDiagnoser counts allocated bytes, not what is alive at once; here the live heap is read with a full
/// collection (GC.GetTotalMemory(true)): after every streamed item, and for the list method by a sampler thread during
/// the call plus once on return (the list it hands back). The server sends a body prepared before the baseline is
/// taken, so its bytes are in every sample alike and cancel out.
/// </summary>
public static class StreamingMemory
{
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--streaming-memory");
        var count = at + 1 < args.Length && int.TryParse(args[at + 1], out var n) ? n : 2000;
        var body = Encoding.UTF8.GetBytes(DatasetFixtures.CreateDatasetArrayJson(count, 42));
        using var server = new FixedBodyServer(body);
        using var http = new HttpClient();
        var client = new MeClient(http, new MeClientOptions { BaseAddress = server.BaseAddress, ApiKey = "bench" });

        // Warm up both paths (JIT, connection pool), then measure each twice, alternating.
        Stream(client, sample: false);
        List(client);
        Console.WriteLine($"{count} datasets, body {body.Length / 1024.0 / 1024.0:F2} MiB; peak live heap above the baseline (full GC per sample):");
        for (var round = 1; round <= 2; round++)
        {
            var (streamPeak, streamItems) = Stream(client, sample: true);
            var (listPeak, listHeld, listItems) = List(client);
            Console.WriteLine($"  round {round}: stream {Mib(streamPeak)} ({streamItems} items, sampled after each) | list {Mib(listPeak)} peak sampled, {Mib(listHeld)} held on return ({listItems} items) | list/stream {(double)Math.Max(listPeak, listHeld) / Math.Max(1, streamPeak):F0}x");
        }
        return 0;
    }

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:F2} MiB";

    private static (long Peak, int Items) Stream(MeClient client, bool sample)
    {
        var baseline = GC.GetTotalMemory(true);
        long peak = 0;
        var items = 0;
        var task = Task.Run(async () =>
        {
            await foreach (var dataset in client.MyOrgDatasetsStreamAsync())
            {
                items++;
                if (sample) peak = Math.Max(peak, GC.GetTotalMemory(true) - baseline);
                GC.KeepAlive(dataset);
            }
        });
        task.GetAwaiter().GetResult();
        return (peak, items);
    }

    private static (long Peak, long Held, int Items) List(MeClient client)
    {
        var baseline = GC.GetTotalMemory(true);
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet) peak = Math.Max(peak, GC.GetTotalMemory(true) - baseline);
        });
        sampler.Start();
        var list = client.MyOrgDatasetsAsync().GetAwaiter().GetResult();
        done.Set();
        sampler.Join();
        var held = GC.GetTotalMemory(true) - baseline;
        GC.KeepAlive(list);
        return (peak, held, list.Count);
    }

    /// <summary>Answers every request with the same JSON body, written in 64 KB pieces.</summary>
    private sealed class FixedBodyServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly byte[] _body;

        public FixedBodyServer(byte[] body)
        {
            _body = body;
            _listener.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/1");
            _ = Task.Run(AcceptAsync);
        }

        public Uri BaseAddress { get; }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var head = new StringBuilder();
            try
            {
                while (true)
                {
                    var n = await stream.ReadAsync(buffer);
                    if (n == 0) return;
                    head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    if (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal)) continue;
                    head.Clear();
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_body.Length}\r\n\r\n"));
                    for (var at = 0; at < _body.Length; at += 65536) await stream.WriteAsync(_body.AsMemory(at, Math.Min(65536, _body.Length - at)));
                }
            }
            catch (IOException)
            {
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
