using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>HTTP plumbing the generated clients call: request bodies, query strings, errors. Public for generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class HttpSupport
{
    /// <summary>The request of an operation, to the URL built so far (absolute, or relative to HttpClient.BaseAddress).</summary>
    public static HttpRequestMessage Request(HttpMethod method, StringBuilder url) =>
        new(method, new Uri(url.ToString(), UriKind.RelativeOrAbsolute));

    /// <summary>Asks for a JSON response.</summary>
    public static void AcceptJson(HttpRequestMessage request) => request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

    /// <summary>A JSON request body written straight to bytes (no intermediate string), sent with a Content-Length.</summary>
    public static HttpContent JsonContent<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer)) write(writer, value);
        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A multipart file part with quoted name and file name (some servers reject unquoted ones).</summary>
    public static void AddFile(MultipartFormDataContent content, string name, FilePart file)
    {
        var part = StreamBody(file.Content);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? ContentTypeFor(file.FileName));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = Quote(name),
            FileName = Quote(file.FileName),
        };
        content.Add(part);
    }

    /// <summary>
    /// A request body over a caller's stream that HttpClient can send more than once: a 307/308 redirect (which the
    /// handler follows by re-sending the body) or a retry re-serializes it. A seekable stream is rewound by StreamContent;
    /// a non-seekable one is copied aside while it is first sent and replayed from that copy.
    /// </summary>
    public static HttpContent StreamBody(System.IO.Stream stream) =>
        stream.CanSeek ? new StreamContent(stream) : new ReplayableStreamContent(stream);

    /// <summary>A multipart text field.</summary>
    public static void AddField(MultipartFormDataContent content, string name, string value)
    {
        var part = new StringContent(value);
        part.Headers.ContentType = null;
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        content.Add(part);
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>The content type of a file from its extension.</summary>
    public static string ContentTypeFor(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var ext = dot < 0 ? "" : fileName.Substring(dot + 1).ToLowerInvariant();
        return ext switch
        {
            "png" => "image/png",
            "jpg" or "jpeg" => "image/jpeg",
            "webp" => "image/webp",
            "gif" => "image/gif",
            "svg" => "image/svg+xml",
            "json" => "application/json",
            "csv" => "text/csv",
            "txt" => "text/plain",
            "pdf" => "application/pdf",
            "zip" => "application/zip",
            _ => "application/octet-stream",
        };
    }

    /// <summary>Appends "name=value" to a query string, escaped; null values are left out.</summary>
    public static void AppendQuery(StringBuilder url, ref bool first, string name, string? value)
    {
        if (value is null) return;
        url.Append(first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        first = false;
    }

    /// <summary>The response body as text, bounded; null when it cannot be read.</summary>
    public static async Task<string?> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > ApiException.MaxResponseBodyLength ? text.Substring(0, ApiException.MaxResponseBodyLength) : text;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.IO.IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The response and content headers, by case-insensitive name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers) headers[h.Key] = new List<string>(h.Value);
        foreach (var h in response.Content.Headers) headers[h.Key] = new List<string>(h.Value);
        return headers;
    }

    private static string Message(string operation, HttpResponseMessage response) =>
        operation + " failed with " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + (response.ReasonPhrase ?? response.StatusCode.ToString()) + ".";

    /// <summary>An ApiException for a status without a typed body.</summary>
    public static ApiException Error(string operation, HttpResponseMessage response, string? body) =>
        new(Message(operation, response), response.StatusCode, body, Headers(response));

    /// <summary>An ApiException&lt;TError&gt; when the body parses as the declared error type, else a plain ApiException.</summary>
    public static ApiException Error<TError>(string operation, HttpResponseMessage response, string? body, JsonReadFunc<TError> read)
    {
        if (!string.IsNullOrEmpty(body))
        {
            try
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                var reader = new Utf8JsonReader(bytes);
                if (reader.Read() && reader.TokenType != JsonTokenType.Null)
                {
                    var error = read(ref reader, true);
                    return new ApiException<TError>(Message(operation, response), response.StatusCode, body, Headers(response), error);
                }
            }
            catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
            {
                // Not the declared shape (an HTML error page, a proxy's answer): fall back to the untyped exception.
            }
        }
        return Error(operation, response, body);
    }

    /// <summary>A response stream that disposes the response with it.</summary>
    public static async Task<System.IO.Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseStream(stream, response);
    }
}
