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
    private const int InitialBufferSize = 16 * 1024;

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
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var list = new List<T>();
        var state = new ArrayReadState { Reader = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip }) };
        var filled = 0;
        var final = false;
        try
        {
            while (true)
            {
                if (!final)
                {
                    if (filled == buffer.Length) buffer = Grow(buffer, filled);
                    var n = await stream.ReadAsync(new Memory<byte>(buffer, filled, buffer.Length - filled), cancellationToken).ConfigureAwait(false);
                    if (n == 0) final = true;
                    filled += n;
                }
                var consumed = ReadItems(new ReadOnlySpan<byte>(buffer, 0, filled), final, ref state, list, read, lenient, typeName);
                if (consumed > 0)
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;
                }
                if (state.Phase == 2) return list;
                if (final && consumed == 0) throw new ApiJsonException("The response body ends before the end of the array", typeName, null, "[" + list.Count.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private struct ArrayReadState
    {
        public JsonReaderState Reader;
        public int Phase; // 0: before '[', 1: inside, 2: after ']'
        public long MaxItem; // the largest item seen, in bytes
    }

    private static int ReadItems<T>(ReadOnlySpan<byte> bytes, bool final, ref ArrayReadState state, List<T> list, JsonReadFunc<T> read, bool lenient, string typeName)
    {
        var reader = new Utf8JsonReader(bytes, final, state.Reader);
        try
        {
            if (state.Phase == 0)
            {
                if (!reader.Read()) return 0;
                if (reader.TokenType != JsonTokenType.StartArray) throw JsonSupport.Unexpected(ref reader, typeName, "an array");
                state.Phase = 1;
            }
            while (true)
            {
                var checkpoint = reader;
                if (!reader.Read()) { reader = checkpoint; break; }
                if (reader.TokenType == JsonTokenType.EndArray) { state.Phase = 2; break; }
                var start = reader.TokenStartIndex;
                // An item is converted only once all its bytes are here. When plenty of bytes follow (twice the
                // largest item seen) or the body is complete, convert directly: one pass over the bytes. A direct
                // read that runs out of data ends at the wrong depth (or throws); it is then retried with the probe.
                var direct = final || (state.MaxItem > 0 && bytes.Length - start > 2 * state.MaxItem);
                if (direct && reader.TokenType != JsonTokenType.Null)
                {
                    var attempt = reader;
                    T item;
                    try
                    {
                        item = read(ref attempt, lenient);
                    }
                    catch (Exception) when (!final)
                    {
                        direct = false;
                        item = default!;
                    }
                    catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
                    {
                        throw JsonSupport.NestIndex(ex, typeName, list.Count);
                    }
                    // Complete only if the read ended on the item's own closing token (scalars are complete already).
                    var complete = reader.TokenType switch
                    {
                        JsonTokenType.StartObject => attempt.TokenType == JsonTokenType.EndObject && attempt.CurrentDepth == reader.CurrentDepth,
                        JsonTokenType.StartArray => attempt.TokenType == JsonTokenType.EndArray && attempt.CurrentDepth == reader.CurrentDepth,
                        _ => true,
                    };
                    if (direct && complete)
                    {
                        list.Add(item);
                        reader = attempt;
                        state.MaxItem = Math.Max(state.MaxItem, reader.BytesConsumed - start);
                        continue;
                    }
                }
                var probe = reader;
                if (!probe.TrySkip()) { reader = checkpoint; break; }
                state.MaxItem = Math.Max(state.MaxItem, probe.BytesConsumed - start);
                try
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        if (!lenient) throw new ApiJsonException("The array holds null, but the spec says its items cannot be", typeName, null, "");
                        list.Add(default!);
                    }
                    else
                    {
                        list.Add(read(ref reader, lenient));
                    }
                }
                catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
                {
                    throw JsonSupport.NestIndex(ex, typeName, list.Count);
                }
            }
        }
        catch (Exception ex) when (JsonSupport.IsReadFailure(ex) && ex is not ApiJsonException)
        {
            throw new ApiJsonException(ex.Message, typeName, null, "[" + list.Count.ToString(CultureInfo.InvariantCulture) + "]", ex);
        }
        state.Reader = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, bigger, 0, filled);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
