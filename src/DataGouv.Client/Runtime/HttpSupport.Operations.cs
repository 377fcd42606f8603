using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>
/// The exception of a declared error status: <c>ApiException&lt;TError&gt;</c> with the spec's error type, or null for
/// a status the spec gives no typed body (the caller then throws a plain <see cref="ApiException"/>). A client has one
/// such method per distinct list of errors, shared by every operation that declares that list.
/// </summary>
public delegate ApiException? ErrorMap(int status, string operation, HttpResponseMessage response, string? body);

/// <summary>
/// One operation, from the request the generated method built to the value it returns: telemetry, sending, the
/// mapping of error statuses, the read of the body. A generated method builds its request and returns one of these
/// calls, instead of being an async method of its own: on a big spec (hundreds of operations) the compiler's
/// lowering of as many async state machines was the largest share of the client's compile time (issue 12).
/// Each call owns <c>request</c> and disposes it.
/// </summary>
public static partial class HttpSupport
{
    /// <summary>An operation whose success has no body to read.</summary>
    public static async Task NoContentAsync(HttpClient client, ClientTelemetry telemetry, HttpRequestMessage request,
        string operation, string method, string path, ErrorMap? errors, CancellationToken cancellationToken)
    {
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        using (await SendCheckedAsync(client, request, observed, method, path, errors, cancellationToken).ConfigureAwait(false))
        {
        }
    }

    /// <summary>An operation whose success is a JSON value.</summary>
    public static async Task<T> JsonAsync<T>(HttpClient client, ClientTelemetry telemetry, HttpRequestMessage request,
        string operation, string method, string path, ErrorMap? errors, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken)
    {
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        using (var response = await SendCheckedAsync(client, request, observed, method, path, errors, cancellationToken).ConfigureAwait(false))
        {
            return await ReadJsonAsync(response, read, lenient, typeName, observed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An operation whose success is a JSON array, its items read as they arrive.</summary>
    public static async Task<IReadOnlyList<T>> JsonArrayAsync<T>(HttpClient client, ClientTelemetry telemetry, HttpRequestMessage request,
        string operation, string method, string path, ErrorMap? errors, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken)
    {
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        using (var response = await SendCheckedAsync(client, request, observed, method, path, errors, cancellationToken).ConfigureAwait(false))
        {
            return await ReadJsonArrayAsync(response, read, lenient, typeName, observed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The items of a JSON array yielded one by one, for the stream twin of a list operation.</summary>
    public static async IAsyncEnumerable<T> JsonStreamAsync<T>(HttpClient client, ClientTelemetry telemetry, HttpRequestMessage request,
        string operation, string method, string path, ErrorMap? errors, JsonReadFunc<T> read, bool lenient, string typeName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        using (var response = await SendCheckedAsync(client, request, observed, method, path, errors, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var item in StreamJsonArrayAsync(response, read, lenient, typeName, observed, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>An operation whose success is text.</summary>
    public static async Task<string> TextAsync(HttpClient client, ClientTelemetry telemetry, HttpRequestMessage request,
        string operation, string method, string path, ErrorMap? errors, CancellationToken cancellationToken)
    {
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        using (var response = await SendCheckedAsync(client, request, observed, method, path, errors, cancellationToken).ConfigureAwait(false))
        {
            return await ReadTextAsync(response, observed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An operation whose success is a binary body: the caller owns the stream, and the response is disposed with it.</summary>
    public static async Task<Stream> BinaryAsync(HttpClient client, ClientTelemetry telemetry, HttpRequestMessage request,
        string operation, string method, string path, ErrorMap? errors, CancellationToken cancellationToken)
    {
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        {
            var response = await SendCheckedAsync(client, request, observed, method, path, errors, cancellationToken).ConfigureAwait(false);
            try
            {
                return await ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Sends the request and returns a success response; an error status becomes the exception the spec declares for
    /// it (<paramref name="errors"/>), else a plain <see cref="ApiException"/>, with the body read (bounded) first.
    /// </summary>
    private static async Task<HttpResponseMessage> SendCheckedAsync(HttpClient client, HttpRequestMessage request, OperationTelemetry? telemetry,
        string method, string path, ErrorMap? errors, CancellationToken cancellationToken)
    {
        var response = await SendAsync(client, request, telemetry, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var label = method + " " + path;
            throw errors?.Invoke((int)response.StatusCode, label, response, body) ?? Error(label, response, body);
        }
    }
}
