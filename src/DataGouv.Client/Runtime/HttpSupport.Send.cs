using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>The typed error of a status, or null for the untyped <see cref="ApiException"/>.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate ApiException? ErrorFunc(int status, HttpResponseMessage response, string? body);

/// <summary>
/// The whole exchange of an operation whose response is JSON: telemetry, send, error, read, disposal. A generated
/// method builds its request and returns this task, instead of being an async method of its own: every async
/// method is a state machine csc lowers, once per operation (issue 12).
/// </summary>
public static partial class HttpSupport
{
    /// <summary>Sends <paramref name="request"/> (disposed here) and reads the JSON body as <typeparamref name="T"/>; a failure status throws the exception <paramref name="errors"/> chooses.</summary>
    public static async Task<T> SendJsonAsync<T>(HttpClient client, HttpRequestMessage request, ClientTelemetry telemetry, string operation, string method, string path,
        ErrorFunc? errors, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken)
    {
        // Started here, inside the async method, so Activity.Current is the operation's only while it runs and the
        // caller's again when it returns.
        using var observed = telemetry.Start(operation, method, path);
        using (request)
        {
            using var response = await SendAsync(client, request, observed, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw await ErrorAsync(method + " " + path, response, errors, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, read, lenient, typeName, observed, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ApiException> ErrorAsync(string label, HttpResponseMessage response, ErrorFunc? errors, CancellationToken cancellationToken)
    {
        var body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return errors?.Invoke((int)response.StatusCode, response, body) ?? Error(label, response, body);
    }
}
