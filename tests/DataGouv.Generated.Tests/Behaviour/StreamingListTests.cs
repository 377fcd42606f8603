using System.Text.Json;
using DataGouv.Client.Tests.Support;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Behaviour;

/// <summary>
/// The {Name}StreamAsync twin of each list operation: same request, items yielded as they arrive, errors before the
/// first item, cancellation through WithCancellation, a broken item named by its index.
/// </summary>
public sealed class StreamingListTests : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly EmulatorFixture _fx;

    public StreamingListTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    private static MeClient ClientOf(GatedHttpServer server, HttpClient http) =>
        new(http, new MeClientOptions { BaseAddress = server.BaseAddress, ApiKey = EmulatorFixture.Key });

    private static string[] DatasetItems(int count)
    {
        using var doc = JsonDocument.Parse(DatasetFixtures.CreateDatasetArrayJson(count, 5));
        return doc.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToArray();
    }

    [Fact]
    public async Task Two_thousand_datasets_stream_in_the_order_the_list_method_returns()
    {
        _fx.Emulator.SetOrgDatasetCount(2000);
        var list = await _fx.Client().MyOrgDatasetsAsync();

        var streamed = new List<string>();
        await foreach (var dataset in _fx.Client().MyOrgDatasetsStreamAsync()) streamed.Add(dataset.Id!);

        Assert.Equal(list.Select(d => d.Id), streamed);
        // The same request: one GET with the key for each method.
        var requests = _fx.Emulator.Requests.Where(r => r.Path.EndsWith("/me/org_datasets/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].QueryString, requests[1].QueryString);
        Assert.Equal(requests[0].Headers["X-API-KEY"], requests[1].Headers["X-API-KEY"]);
    }

    [Fact]
    public async Task The_first_dataset_arrives_before_the_server_sends_the_rest()
    {
        var items = DatasetItems(3);
        await using var server = new GatedHttpServer(200, "[" + items[0] + "," + items[1][..100], items[1][100..] + "," + items[2] + "]");
        using var http = new HttpClient();

        await using var datasets = ClientOf(server, http).MyOrgDatasetsStreamAsync(q: "climat").GetAsyncEnumerator();
        Assert.True(await datasets.MoveNextAsync().AsTask().WaitAsync(Generous));
        Assert.True(server.Withholding.IsCompleted);
        var first = datasets.Current.Id;

        server.Release();
        var rest = new List<string>();
        while (await datasets.MoveNextAsync().AsTask().WaitAsync(Generous)) rest.Add(datasets.Current.Id!);
        Assert.Equal(3, rest.Count + 1);
        Assert.NotEqual(first, rest[0]);
        Assert.StartsWith("GET /me/org_datasets/?q=climat HTTP/1.1", server.LastRequestHead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_throws_before_the_first_item()
    {
        _fx.Emulator.Override("GET", "/me/org_datasets/", 403, """{"message":"You do not have the permission"}""");

        await using var datasets = _fx.Client().MyOrgDatasetsStreamAsync().GetAsyncEnumerator();
        var ex = await Assert.ThrowsAnyAsync<ApiException>(async () => await datasets.MoveNextAsync());
        Assert.Equal(403, (int)ex.StatusCode);
        Assert.Contains("You do not have the permission", ex.ResponseBody);
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_enumeration_starts()
    {
        var datasets = _fx.Client().MyOrgDatasetsStreamAsync();
        Assert.DoesNotContain(_fx.Emulator.Requests, r => r.Path.EndsWith("/me/org_datasets/", StringComparison.Ordinal));
        await foreach (var _ in datasets)
        {
        }
        Assert.Single(_fx.Emulator.Requests, r => r.Path.EndsWith("/me/org_datasets/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_enumeration_sends_a_request_of_its_own()
    {
        // The stream method stays an iterator while the other methods hand a built request to the runtime: a request
        // message can be sent once, so a second enumeration must build a second one.
        _fx.Emulator.SetOrgDatasetCount(3);
        var datasets = _fx.Client().MyOrgDatasetsStreamAsync();
        var counts = new List<int>();
        for (var round = 0; round < 2; round++)
        {
            var count = 0;
            await foreach (var _ in datasets) count++;
            counts.Add(count);
        }
        Assert.Equal(new[] { 3, 3 }, counts);
        Assert.Equal(2, _fx.Emulator.Requests.Count(r => r.Path.EndsWith("/me/org_datasets/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WithCancellation_cancels_a_read_that_waits_for_withheld_bytes()
    {
        var items = DatasetItems(2);
        await using var server = new GatedHttpServer(200, "[" + items[0] + ",", items[1] + "]");
        using var http = new HttpClient();
        using var cts = new CancellationTokenSource();

        // WithCancellation hands the token to the [EnumeratorCancellation] parameter of the generated method.
        await using var datasets = ClientOf(server, http).MyOrgDatasetsStreamAsync().WithCancellation(cts.Token).ConfigureAwait(false).GetAsyncEnumerator();
        Assert.True(await WaitAsync(datasets.MoveNextAsync()));
        var next = WaitAsync(datasets.MoveNextAsync());
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private static async Task<bool> WaitAsync(System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable<bool> move)
    {
        var task = Task.Run(async () => await move);
        return await task.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_broken_dataset_throws_with_its_index_after_the_good_ones()
    {
        var items = DatasetItems(3);
        var at = items[2].IndexOf("\"title\":", StringComparison.Ordinal);
        var broken = items[2][..at] + "\"title\":null,\"was\":" + items[2][(at + "\"title\":".Length)..];
        await using var server = new GatedHttpServer(200, "[" + items[0] + "," + items[1] + "," + broken + "]");
        using var http = new HttpClient();

        var seen = 0;
        var ex = await Assert.ThrowsAsync<ApiJsonException>(async () =>
        {
            await foreach (var _ in ClientOf(server, http).MyOrgDatasetsStreamAsync()) seen++;
        });
        Assert.Equal(2, seen);
        Assert.Equal("$[2].title", ex.JsonPath);
    }
}
