using BenchmarkDotNet.Attributes;
using Bench.Kiota;
using DataGouv.Me;
using DataGouv.MeEmulator;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Emulator = DataGouv.MeEmulator.MeEmulator;

namespace DataGouv.Bench;

/// <summary>
/// End to end over loopback: our MeClient against the Kiota 1.38.0 client, both calling the in-process /me emulator
/// (ASP.NET Core, Kestrel on 127.0.0.1) started in GlobalSetup. Every invocation makes <see cref="CallsPerInvoke"/>
/// calls, <see cref="Concurrency"/> at a time (OperationsPerInvoke), so "Mean" is the time per call and
/// requests/s = 1 s / Mean, at either concurrency. The emulator (which builds its response per request) shares the 2 cores with the client: the server cost is
/// the same for both clients, so the ratio understates the client-side difference.
/// Kiota: HttpClientRequestAdapter with its default HttpClient (KiotaClientFactory: its default middleware handlers),
/// and an authentication provider that sends X-API-KEY. Both ask for compression (Kiota by default, ours as AddMeClient
/// sets it up), so the emulator answers both with brotli.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    /// <summary>Calls per invocation (BenchmarkDotNet divides by it).</summary>
    public const int CallsPerInvoke = 64;

    /// <summary>Datasets in each /me/org_datasets/ answer.</summary>
    public const int Datasets = 100;

    private Emulator _emulator = null!;
    private HttpClient _oursHttp = null!;
    private MeClient _ours = null!;
    private KiotaMeClient _kiota = null!;
    private HttpClientRequestAdapter _kiotaAdapter = null!;

    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _emulator = Emulator.StartAsync(new MeEmulatorOptions { OrgDatasetCount = Datasets }).GetAwaiter().GetResult();
        // As AddMeClient configures it: Kiota's default handler asks for gzip, deflate and br too, so both get brotli.
        _oursHttp = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        _ours = new MeClient(_oursHttp, new MeClientOptions { BaseAddress = _emulator.BaseAddress, ApiKey = _emulator.ApiKey });
        _kiotaAdapter = new HttpClientRequestAdapter(new ApiKeyHeaderProvider(_emulator.ApiKey))
        {
            BaseUrl = _emulator.BaseAddress.ToString().TrimEnd('/'),
        };
        _kiota = new KiotaMeClient(_kiotaAdapter);

        // The emulator compresses when asked (CompressionEndToEndBenchmarks): say whether either client asks, so the
        // requests/s of this class are read for what they are.
        _ = _ours.GetMeAsync().GetAwaiter().GetResult();
        Console.WriteLine("// Accept-Encoding sent: ours: " + AcceptEncoding());
        _ = _kiota.Me.EmptyPathSegment.GetAsync().GetAwaiter().GetResult();
        Console.WriteLine("// Accept-Encoding sent: Kiota: " + AcceptEncoding());
        _emulator.ClearRequests();
    }

    private string AcceptEncoding() =>
        _emulator.LastRequest.Headers.TryGetValue("Accept-Encoding", out var value) ? value : "(none)";

    [GlobalCleanup]
    public void Cleanup()
    {
        _kiotaAdapter.Dispose();
        _oursHttp.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke, Description = "Ours: MyOrgDatasetsAsync (100 datasets)")]
    public Task<int> OursOrgDatasets() => Batch(async () => (await _ours.MyOrgDatasetsAsync().ConfigureAwait(false)).Count);

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "Kiota: Me.Org_datasets.EmptyPathSegment.GetAsync (100 datasets)")]
    public Task<int> KiotaOrgDatasets() => Batch(async () => (await _kiota.Me.Org_datasets.EmptyPathSegment.GetAsync().ConfigureAwait(false))!.Count);

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "Ours: GetMeAsync")]
    public Task<int> OursGetMe() => Batch(async () => (await _ours.GetMeAsync().ConfigureAwait(false)).Id.Length);

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "Kiota: Me.EmptyPathSegment.GetAsync")]
    public Task<int> KiotaGetMe() => Batch(async () => (await _kiota.Me.EmptyPathSegment.GetAsync().ConfigureAwait(false))!.Id!.Length);

    /// <summary><see cref="CallsPerInvoke"/> calls, <see cref="Concurrency"/> in flight at a time; returns a checksum.</summary>
    private async Task<int> Batch(Func<Task<int>> call)
    {
        _emulator.ClearRequests(); // the emulator journals every request: keep it from growing across iterations
        var total = 0;
        var tasks = new Task<int>[Concurrency];
        for (var done = 0; done < CallsPerInvoke; done += Concurrency)
        {
            var n = Math.Min(Concurrency, CallsPerInvoke - done);
            for (var i = 0; i < n; i++) tasks[i] = call();
            for (var i = 0; i < n; i++) total += await tasks[i].ConfigureAwait(false);
        }
        return total;
    }

    /// <summary>Sends the API key as X-API-KEY. Kiota's ApiKeyAuthenticationProvider refuses http:// URLs, and the emulator is http.</summary>
    private sealed class ApiKeyHeaderProvider(string apiKey) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("X-API-KEY", apiKey);
            return Task.CompletedTask;
        }
    }
}
