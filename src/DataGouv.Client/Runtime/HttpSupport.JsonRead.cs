using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>Reading JSON response bodies: into pooled bytes (no string), and arrays item by item as bytes arrive.</summary>
public static partial class HttpSupport
{
    internal const int InitialBufferSize = 16 * 1024;

    /// <summary>Reads one JSON value from the response stream into pooled bytes, then converts it (no string).</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length) buffer = Grow(buffer, filled);
                var n = await stream.ReadAsync(new Memory<byte>(buffer, filled, buffer.Length - filled), cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                filled += n;
            }
            return ReadAll(new ReadOnlySpan<byte>(buffer, 0, filled), read, lenient, typeName);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T ReadAll<T>(ReadOnlySpan<byte> bytes, JsonReadFunc<T> read, bool lenient, string typeName)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read()) throw new ApiJsonException("The response body is empty", typeName, null, "");
            if (reader.TokenType == JsonTokenType.Null && !lenient) throw new ApiJsonException("The response body is null", typeName, null, "");
            return reader.TokenType == JsonTokenType.Null ? default! : read(ref reader, lenient);
        }
        catch (Exception ex) when (JsonSupport.IsReadFailure(ex) && ex is not ApiJsonException)
        {
            throw new ApiJsonException(ex.Message, typeName, null, "", ex);
        }
    }

    /// <summary>
    /// Reads a JSON array from the response stream item by item as the bytes arrive: only the current item is
    /// buffered, never the whole body (System.Text.Json would buffer the whole array before a converter runs).
    /// </summary>
    public static async Task<List<T>> ReadJsonArrayAsync<T>(HttpResponseMessage response, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await ReadJsonArrayAsync(stream, read, lenient, typeName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON array from a stream item by item (see the overload over a response).</summary>
    public static async Task<List<T>> ReadJsonArrayAsync<T>(Stream stream, JsonReadFunc<T> read, bool lenient, string typeName, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        using var reader = new JsonArrayReader<T>(stream, read, lenient, typeName);
        while (await reader.ReadAsync(list, cancellationToken).ConfigureAwait(false))
        {
        }
        return list;
    }

    internal static byte[] Grow(byte[] buffer, int filled)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, bigger, 0, filled);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
