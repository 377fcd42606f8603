using System.Net;
using System.Text;
using System.Text.Json;
using DataGouv.Client;
using DataGouv.Client.Runtime;

namespace DataGouv.Client.Tests;

public class HttpSupportTests
{
    [Fact]
    public void AppendQuery_escapes_names_and_values_and_skips_null()
    {
        var url = new StringBuilder("https://x/api");
        var first = true;
        HttpSupport.AppendQuery(url, ref first, "q", "a b&c");
        HttpSupport.AppendQuery(url, ref first, "skip", null);
        HttpSupport.AppendQuery(url, ref first, "page size", "2");
        Assert.Equal("https://x/api?q=a%20b%26c&page%20size=2", url.ToString());
    }

    [Theory]
    [InlineData("avatar.PNG", "image/png")]
    [InlineData("photo.jpeg", "image/jpeg")]
    [InlineData("data.csv", "text/csv")]
    [InlineData("noextension", "application/octet-stream")]
    public void ContentTypeFor_guesses_from_the_extension(string fileName, string expected) =>
        Assert.Equal(expected, HttpSupport.ContentTypeFor(fileName));

    [Fact]
    public async Task JsonContent_is_utf8_json_with_a_length()
    {
        using var content = HttpSupport.JsonContent(42, static (w, v) => w.WriteNumberValue(v));
        Assert.Equal("application/json", content.Headers.ContentType!.MediaType);
        Assert.Equal(2, content.Headers.ContentLength);
        Assert.Equal("42", await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddFile_quotes_the_name_and_the_file_name()
    {
        using var multipart = new MultipartFormDataContent();
        HttpSupport.AddFile(multipart, "file", new FilePart(new MemoryStream([1]), "my photo.png"));
        var part = Assert.Single(multipart);
        Assert.Equal("form-data; name=\"file\"; filename=\"my photo.png\"", part.Headers.ContentDisposition!.ToString());
        Assert.Equal("image/png", part.Headers.ContentType!.MediaType);
        Assert.Equal([1], await part.ReadAsByteArrayAsync());
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string body) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        ReasonPhrase = "Nope",
    };

    [Fact]
    public void Error_of_a_typed_status_parses_the_body_and_keeps_the_headers()
    {
        using var response = Response(HttpStatusCode.Forbidden, "{\"message\":\"no\"}");
        response.Headers.Add("X-Trace", "abc");

        var ex = HttpSupport.Error("GET /me/", response, "{\"message\":\"no\"}", static (ref Utf8JsonReader r, bool lenient) =>
        {
            using var doc = JsonDocument.ParseValue(ref r);
            return doc.RootElement.GetProperty("message").GetString()!;
        });

        var typed = Assert.IsType<ApiException<string>>(ex);
        Assert.Equal("no", typed.Error);
        Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
        Assert.Equal("GET /me/ failed with 403 Nope.", typed.Message);
        Assert.Equal(["abc"], typed.Headers["x-trace"]);
    }

    [Fact]
    public void Error_falls_back_to_the_untyped_exception_when_the_body_is_not_the_declared_shape()
    {
        using var response = Response(HttpStatusCode.BadGateway, "<html>proxy</html>");
        var ex = HttpSupport.Error("GET /me/", response, "<html>proxy</html>", static (ref Utf8JsonReader r, bool lenient) => r.GetInt32());
        Assert.Equal(typeof(ApiException), ex.GetType());
        Assert.Equal("<html>proxy</html>", ex.ResponseBody);
    }

    [Fact]
    public async Task ReadErrorBodyAsync_cuts_a_huge_body()
    {
        using var response = Response(HttpStatusCode.InternalServerError, new string('x', ApiException.MaxResponseBodyLength + 10));
        var body = await HttpSupport.ReadErrorBodyAsync(response, CancellationToken.None);
        Assert.Equal(ApiException.MaxResponseBodyLength, body!.Length);
    }

    [Fact]
    public async Task ReadJsonAsync_reads_the_body_and_rejects_an_empty_one()
    {
        using var ok = Response(HttpStatusCode.OK, "[1, 2] ");
        var list = await HttpSupport.ReadJsonAsync(ok, static (ref Utf8JsonReader r, bool l) => JsonSupport.ReadList(ref r, l, static (ref Utf8JsonReader i, bool _) => i.GetInt32()), false, "ListOfInt32", CancellationToken.None);
        Assert.Equal([1, 2], list);

        using var empty = Response(HttpStatusCode.OK, "");
        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => HttpSupport.ReadJsonAsync(empty, static (ref Utf8JsonReader r, bool l) => r.GetInt32(), false, "Int32", CancellationToken.None));
        Assert.Equal("Int32", ex.ModelType);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);

        using var nullBody = Response(HttpStatusCode.OK, "null");
        var nullEx = await Assert.ThrowsAsync<ApiJsonException>(() => HttpSupport.ReadJsonAsync(nullBody, static (ref Utf8JsonReader r, bool l) => r.GetInt32(), false, "Int32", CancellationToken.None));
        Assert.Equal("The response body is null", nullEx.Reason);
    }

    [Fact]
    public async Task ReadJsonArrayAsync_reads_items_split_over_tiny_reads_and_names_a_truncated_item()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 200).Select(i => "{\"n\":" + i + "}")) + "]";
        var items = await HttpSupport.ReadJsonArrayAsync(new OneByteStream(Encoding.UTF8.GetBytes(json)), ReadN, false, "Item", CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 200), items);

        var truncated = Encoding.UTF8.GetBytes(json.Substring(0, json.Length - 20));
        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => HttpSupport.ReadJsonArrayAsync(new OneByteStream(truncated), ReadN, false, "Item", CancellationToken.None));
        Assert.StartsWith("$[19", ex.JsonPath);
    }

    private static int ReadN(ref Utf8JsonReader reader, bool lenient)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return doc.RootElement.GetProperty("n").GetInt32();
    }

    [Fact]
    public async Task ReadStreamAsync_disposes_the_response_with_the_stream()
    {
        var content = new TrackingContent([1, 2, 3]);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        var stream = await HttpSupport.ReadStreamAsync(response, CancellationToken.None);
        var buffer = new byte[3];
        Assert.Equal(3, await stream.ReadAsync(buffer));
        Assert.False(content.Disposed);
        await stream.DisposeAsync();
        Assert.True(content.Disposed);
    }

    /// <summary>A stream that hands out one byte per read: every item boundary falls inside a read.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer.Slice(0, Math.Min(1, buffer.Length)), cancellationToken);
    }

    private sealed class TrackingContent(byte[] bytes) : ByteArrayContent(bytes)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
