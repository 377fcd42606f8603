using DataGouv.Client.Runtime;
using System.Text;
using System.Text.Json;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.Me.Serialization;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>
/// The item-by-item array reader gives exactly what a whole-body read gives, however the bytes are split:
/// items cut anywhere, items much larger than the ones before them (which defeats the one-pass fast path).
/// </summary>
public class StreamingReadTests
{
    private static async Task<string> ReadThroughStream(byte[] body, int seed, int maxChunk, bool lenient = true)
    {
        using var stream = new TricklingStream(body, seed, maxChunk);
        var items = await DataGouv.Client.Runtime.HttpSupport.ReadJsonArrayAsync(stream, static (ref Utf8JsonReader r, bool l) => JsonModelConverter<Dataset>.ReadValue(ref r, l), lenient, "Dataset", CancellationToken.None);
        return JsonSerializer.Serialize<IList<Dataset>>(items, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<IList<Dataset>>)MeClient.JsonOptions.GetTypeInfo(typeof(IList<Dataset>)));
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 300)]
    [InlineData(3, 5000)]
    [InlineData(4, 70000)]
    public async Task Split_reads_give_the_same_datasets_as_the_whole_body(int seed, int maxChunk)
    {
        var json = DatasetFixtures.CreateDatasetArrayJson(40, seed);
        var read = await ReadThroughStream(Encoding.UTF8.GetBytes(json), seed, maxChunk);
        JsonAssert.Equivalent(json, read);
    }

    [Fact]
    public async Task An_item_far_larger_than_the_previous_ones_is_still_read_whole()
    {
        // Small items teach the reader a small "largest item"; then a huge one arrives in small chunks. Lenient
        // reading, so that a half-read item would not be caught by the required-property check either.
        var small = DatasetFixtures.CreateDatasetArrayJson(20, 7);
        using var doc = JsonDocument.Parse(small);
        var first = doc.RootElement[0].GetRawText();
        var huge = first.Replace("\"tags\":[", "\"tags\":[" + string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"tag-{i}\"")) + (first.Contains("\"tags\":[]") ? "" : ","));
        Assert.NotEqual(first, huge);
        var json = "[" + string.Join(",", Enumerable.Range(0, 20).Select(i => doc.RootElement[i].GetRawText())) + "," + huge + "," + first + "]";
        var read = await ReadThroughStream(Encoding.UTF8.GetBytes(json), 11, 1000);
        JsonAssert.Equivalent(json, read);
    }

    [Fact]
    public async Task A_truncated_body_fails_with_the_index_of_the_broken_item()
    {
        var json = DatasetFixtures.CreateDatasetArrayJson(5, 3);
        var cut = Encoding.UTF8.GetBytes(json[..(json.Length - 40)]);
        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => ReadThroughStream(cut, 5, 200));
        Assert.Contains("[4]", ex.JsonPath);
    }

    /// <summary>A stream that returns random-sized pieces of its bytes, as a slow network does.</summary>
    private sealed class TricklingStream(byte[] data, int seed, int maxChunk) : Stream
    {
        private readonly Random _random = new(seed);
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, data.Length - _position), _random.Next(1, maxChunk + 1));
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
