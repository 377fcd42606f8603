using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DataGouv.Client.Runtime;

/// <summary>Streaming a JSON array to the caller: each item is handed out once complete, then forgotten.</summary>
public static partial class HttpSupport
{
    /// <summary>
    /// The items of the JSON array in the response body, each yielded as soon as its bytes have arrived. Only the
    /// items completed by the latest read are held (a few KB), never the whole body or the whole list. A malformed
    /// item throws <see cref="ApiJsonException"/> with its index (<c>$[i]...</c>) when the enumeration reaches it.
    /// </summary>
    public static IAsyncEnumerable<T> StreamJsonArrayAsync<T>(HttpResponseMessage response, JsonReadFunc<T> read, bool lenient, string typeName, OperationTelemetry? telemetry, CancellationToken cancellationToken) =>
        StreamJsonArrayCoreAsync(null, response, read, lenient, typeName, telemetry, cancellationToken);

    /// <summary>The items of the JSON array in <paramref name="stream"/>, each yielded as soon as it is complete.</summary>
    public static IAsyncEnumerable<T> StreamJsonArrayAsync<T>(Stream stream, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken) =>
        StreamJsonArrayCoreAsync(stream, null, read, lenient, typeName, null, cancellationToken);

    private static async IAsyncEnumerable<T> StreamJsonArrayCoreAsync<T>(Stream? stream, HttpResponseMessage? response, JsonReadFunc<T> read, bool lenient, string typeName,
        OperationTelemetry? telemetry, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<T>();
        JsonArrayReader<T>? reader = null;
        try
        {
            while (true)
            {
                bool more;
                // No yield inside a try with a catch: the read is observed here, the items are yielded below.
                try
                {
                    if (reader is null)
                    {
                        stream ??= await response!.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        reader = new JsonArrayReader<T>(stream, read, lenient, typeName);
                    }
                    more = await reader.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (OperationTelemetry.Fail(telemetry, ex))
                {
                    throw;
                }
                for (var i = 0; i < batch.Count; i++) yield return batch[i];
                batch.Clear();
                if (!more) yield break;
            }
        }
        finally
        {
            reader?.Dispose();
        }
    }
}
