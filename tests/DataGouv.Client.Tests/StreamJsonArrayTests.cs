using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DataGouv.Client.Runtime;
using DataGouv.Client.Tests.Support;

namespace DataGouv.Client.Tests;

/// <summary>
/// <see cref="HttpSupport.StreamJsonArrayAsync{T}(HttpResponseMessage, JsonReadFunc{T}, bool, string, OperationTelemetry?, CancellationToken)"/>
/// over a real loopback socket: items come out while the server still withholds the rest of the body.
/// </summary>
public class StreamJsonArrayTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private sealed record Item(int N, string Text);

    private static Item ReadItem(ref Utf8JsonReader reader, bool lenient)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object");
        int? n = null;
        string? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "n") n = reader.GetInt32();
            else if (name == "text") text = reader.GetString();
            else reader.Skip();
        }
        return new Item(n ?? throw new JsonException("n is missing"), text ?? "");
    }

    private static string ItemJson(int n) => $"{{\"n\":{n},\"text\":\"item {n} {new string('x', 300)}\"}}";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, GatedHttpServer server) =>
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.BaseAddress), HttpCompletionOption.ResponseHeadersRead);

    [Fact]
    public async Task The_first_item_arrives_while_the_server_withholds_the_rest_of_the_body()
    {
        // Part 1: the opening bracket, item 0 and half of item 1. Part 2 (after Release): the rest.
        var item1 = ItemJson(1);
        await using var server = new GatedHttpServer(200, "[" + ItemJson(0) + "," + item1[..40], item1[40..] + "," + ItemJson(2) + "]");
        using var http = new HttpClient();
        using var response = await GetAsync(http, server);

        await using var items = HttpSupport.StreamJsonArrayAsync(response, ReadItem, false, "Item", null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(Generous));
        Assert.Equal(0, items.Current.N);
        // The server has not sent the rest yet: it waits for this test to have seen item 0.
        Assert.True(server.Withholding.IsCompleted);

        server.Release();
        var rest = new List<int>();
        while (await items.MoveNextAsync().AsTask().WaitAsync(Generous)) rest.Add(items.Current.N);
        Assert.Equal([1, 2], rest);
    }

    [Fact]
    public async Task A_malformed_item_throws_with_its_index_after_the_good_ones()
    {
        await using var server = new GatedHttpServer(200, "[" + ItemJson(0) + "," + ItemJson(1) + ",{\"n\":\"two\",\"text\":\"x\"}," + ItemJson(3) + "]");
        using var http = new HttpClient();
        using var response = await GetAsync(http, server);

        var seen = new List<int>();
        var ex = await Assert.ThrowsAsync<ApiJsonException>(async () =>
        {
            await foreach (var item in HttpSupport.StreamJsonArrayAsync(response, ReadItem, false, "Item", null, CancellationToken.None)) seen.Add(item.N);
        });
        Assert.Equal([0, 1], seen);
        Assert.StartsWith("$[2]", ex.JsonPath);
        Assert.Equal("Item", ex.ModelType);
    }

    [Fact]
    public async Task A_body_cut_inside_an_item_names_that_item()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 50).Select(ItemJson)) + "]";
        var cut = Encoding.UTF8.GetBytes(json[..(json.Length - 30)]);
        var seen = 0;
        var ex = await Assert.ThrowsAsync<ApiJsonException>(async () =>
        {
            await foreach (var _ in HttpSupport.StreamJsonArrayAsync(new MemoryStream(cut), ReadItem, false, "Item", CancellationToken.None)) seen++;
        });
        Assert.Equal(49, seen);
        Assert.StartsWith("$[49]", ex.JsonPath);
    }

    [Fact]
    public async Task Canceling_stops_a_read_that_waits_for_withheld_bytes()
    {
        await using var server = new GatedHttpServer(200, "[" + ItemJson(0) + ",", ItemJson(1) + "]");
        using var http = new HttpClient();
        using var response = await GetAsync(http, server);
        using var cts = new CancellationTokenSource();

        await using var items = HttpSupport.StreamJsonArrayAsync(response, ReadItem, false, "Item", null, CancellationToken.None).GetAsyncEnumerator(cts.Token);
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(Generous));
        var next = items.MoveNextAsync().AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Generous));
    }

    [Fact]
    public async Task Items_already_handed_out_are_not_kept()
    {
        // The list read keeps every item; the stream must not: once item 0 is handed out and more items were read,
        // nothing in the enumerator refers to it any more, so a collection frees it.
        var json = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(ItemJson)) + "]";
        await using var items = HttpSupport.StreamJsonArrayAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), ReadItem, false, "Item", CancellationToken.None).GetAsyncEnumerator();
        var first = await FirstAsWeakReference(items);
        var count = 1;
        while (count < 1500 && await items.MoveNextAsync()) count++;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // Checked mid-way: a reader that buffers the whole list (or body) would still hold item 0 here.
        Assert.False(first.TryGetTarget(out _), "the first item is still referenced after the enumeration moved on");
        while (await items.MoveNextAsync()) count++;
        Assert.Equal(2000, count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference<Item>> FirstAsWeakReference(IAsyncEnumerator<Item> items)
    {
        Assert.True(await items.MoveNextAsync());
        return new WeakReference<Item>(items.Current);
    }
}
