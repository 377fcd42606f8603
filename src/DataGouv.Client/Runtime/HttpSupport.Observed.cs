using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>
/// Sending and reading under an <see cref="OperationTelemetry"/>: the status and any failure are recorded where they
/// happen. With no telemetry (nobody listens) each call is the plain one, with no extra state machine.
/// </summary>
public static partial class HttpSupport
{
    /// <summary>Sends the request, reading only the headers (the body is read by the caller, as it arrives).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, OperationTelemetry? telemetry, CancellationToken cancellationToken) =>
        telemetry is null
            ? client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : SendObservedAsync(client, request, telemetry, cancellationToken);

    private static async Task<HttpResponseMessage> SendObservedAsync(HttpClient client, HttpRequestMessage request, OperationTelemetry telemetry, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        OperationTelemetry.SetServer(telemetry, uri is { IsAbsoluteUri: false } && client.BaseAddress is { } root ? new Uri(root, uri) : uri);
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            OperationTelemetry.SetResponse(telemetry, response);
            return response;
        }
        catch (Exception ex) when (OperationTelemetry.Fail(telemetry, ex))
        {
            throw;
        }
    }

    /// <summary><see cref="ReadJsonAsync{T}(HttpResponseMessage, JsonReadFunc{T}, bool, string, CancellationToken)"/>, failures recorded.</summary>
    public static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonReadFunc<T> read, bool lenient, string typeName, OperationTelemetry? telemetry, CancellationToken cancellationToken) =>
        telemetry is null ? ReadJsonAsync(response, read, lenient, typeName, cancellationToken) : Observed(ReadJsonAsync(response, read, lenient, typeName, cancellationToken), telemetry);

    /// <summary><see cref="ReadJsonArrayAsync{T}(HttpResponseMessage, JsonReadFunc{T}, bool, string, CancellationToken)"/>, failures recorded.</summary>
    public static Task<List<T>> ReadJsonArrayAsync<T>(HttpResponseMessage response, JsonReadFunc<T> read, bool lenient, string typeName, OperationTelemetry? telemetry, CancellationToken cancellationToken) =>
        telemetry is null ? ReadJsonArrayAsync(response, read, lenient, typeName, cancellationToken) : Observed(ReadJsonArrayAsync(response, read, lenient, typeName, cancellationToken), telemetry);

    /// <summary>The response body as text, failures recorded.</summary>
    public static Task<string> ReadTextAsync(HttpResponseMessage response, OperationTelemetry? telemetry, CancellationToken cancellationToken) =>
        telemetry is null ? response.Content.ReadAsStringAsync(cancellationToken) : Observed(response.Content.ReadAsStringAsync(cancellationToken), telemetry);

    private static async Task<T> Observed<T>(Task<T> task, OperationTelemetry telemetry)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (OperationTelemetry.Fail(telemetry, ex))
        {
            throw;
        }
    }
}
