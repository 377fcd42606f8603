using System.IO.Compression;
using System.Net;
using DataGouv.Me.Di;
using Microsoft.Extensions.DependencyInjection;

namespace DataGouv.DependencyInjection.Tests;

/// <summary>
/// Compression over a real loopback socket: the emulator compresses when the request asks (as data.gouv.fr's front
/// does), and the client registered by the generated <c>AddMeClient</c> asks, decompresses, and reads the list.
/// </summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private const string Key = "compression-test-api-key-0123456789";
    private const int Datasets = 2_000;
    private MeEmulator.MeEmulator? _emulator;

    private MeEmulator.MeEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    private Uri OrgDatasets => new(Emulator.BaseAddress, "me/org_datasets/");

    public async Task InitializeAsync() =>
        _emulator = await MeEmulator.MeEmulator.StartAsync(new MeEmulator.MeEmulatorOptions { ApiKey = Key, OrgDatasetCount = Datasets });

    public async Task DisposeAsync()
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Emulator_compresses_when_the_request_asks_and_only_then(string encoding)
    {
        // No automatic decompression: this client sees the response exactly as it crossed the socket.
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });

        var identity = await GetAsync(http, acceptEncoding: null);
        Assert.Empty(identity.Encoding);

        var compressed = await GetAsync(http, encoding);
        Assert.Equal([encoding], compressed.Encoding);
        Assert.True(compressed.Body.Length * 4 < identity.Body.Length,
            $"{encoding}: {compressed.Body.Length:N0} B on the wire against {identity.Body.Length:N0} B uncompressed");
        Assert.Equal(identity.Body, Decompress(compressed.Body, encoding));
    }

    [Fact]
    public async Task Emulator_prefers_brotli_when_both_are_accepted()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });

        var response = await GetAsync(http, "gzip, deflate, br");

        Assert.Equal(["br"], response.Encoding);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DI_registered_client_asks_for_compression_and_reads_a_compressed_list(bool primaryHandlerSetElsewhere)
    {
        using var plain = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });
        var identityLength = (await GetAsync(plain, acceptEncoding: null)).Body.Length;
        Emulator.ClearRequests();

        await using var proxy = new CountingTcpProxy(Emulator.BaseAddress.Port);
        var services = new ServiceCollection();
        // An application that sets its own primary handler for every client (proxy, certificates...): the registration
        // configures that handler in place instead of replacing it.
        if (primaryHandlerSetElsewhere) services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { UseCookies = false }));
        services.AddMeClient(o =>
        {
            o.BaseAddress = proxy.Route(Emulator.BaseAddress);
            o.ApiKey = Key;
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var datasets = await provider.GetRequiredService<IMeClient>().MyOrgDatasetsAsync();

        Assert.Equal(Datasets, datasets.Count);
        Assert.Equal(MeEmulator.DatasetFixtures.TitleFor(0, 42), datasets[0].Title);
        Assert.Equal(MeEmulator.DatasetFixtures.TitleFor(Datasets - 1, 42), datasets[^1].Title);
        var request = Assert.Single(Emulator.Requests);
        Assert.True(request.Headers.TryGetValue("Accept-Encoding", out var accepted), "the client sent no Accept-Encoding");
        Assert.Contains("gzip", accepted, StringComparison.Ordinal);
        Assert.Contains("br", accepted, StringComparison.Ordinal);
        Assert.True(proxy.BytesFromServer * 4 < identityLength,
            $"{proxy.BytesFromServer:N0} B crossed the socket for a {identityLength:N0} B list: the response was not compressed");
    }

    private async Task<(byte[] Body, IReadOnlyList<string> Encoding)> GetAsync(HttpClient http, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OrgDatasets);
        request.Headers.Add("X-API-KEY", Key);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentEncoding.ToList());
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
