using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>
/// Reads a JSON array from a stream item by item as the bytes arrive: only the bytes of the items not yet complete
/// are buffered, never the whole body. Each <see cref="ReadAsync"/> reads the stream once and adds the items that
/// are complete; the list method keeps them all, the streaming method hands them out and forgets them.
/// </summary>
internal sealed class JsonArrayReader<T> : IDisposable
{
    private readonly Stream _stream;
    private readonly JsonReadFunc<T> _read;
    private readonly bool _lenient;
    private readonly string _typeName;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(HttpSupport.InitialBufferSize);
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private int _filled;
    private bool _final;
    private int _phase; // 0: before '[', 1: inside, 2: after ']'
    private long _maxItem; // the largest item seen, in bytes
    private int _count; // items read so far, for the index in error paths
    private ExceptionDispatchInfo? _pending; // a broken item met after good ones in the same read

    public JsonArrayReader(Stream stream, JsonReadFunc<T> read, bool lenient, string typeName)
    {
        _stream = stream;
        _read = read;
        _lenient = lenient;
        _typeName = typeName;
    }

    /// <summary>
    /// Reads until at least one more item is complete (added to <paramref name="items"/>) or the array ends.
    /// False once the closing bracket has been read.
    /// </summary>
    public async ValueTask<bool> ReadAsync(List<T> items, CancellationToken cancellationToken)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(JsonArrayReader<T>));
        _pending?.Throw();
        var before = items.Count;
        while (_phase != 2)
        {
            if (!_final)
            {
                if (_filled == buffer.Length) _buffer = buffer = HttpSupport.Grow(buffer, _filled);
                var n = await _stream.ReadAsync(new Memory<byte>(buffer, _filled, buffer.Length - _filled), cancellationToken).ConfigureAwait(false);
                if (n == 0) _final = true;
                _filled += n;
            }
            int consumed;
            try
            {
                consumed = ReadItems(new ReadOnlySpan<byte>(buffer, 0, _filled), items);
            }
            catch (ApiJsonException ex) when (items.Count > before)
            {
                // The good items before the broken one are handed out first; the next read throws.
                _pending = ExceptionDispatchInfo.Capture(ex);
                return true;
            }
            if (consumed > 0)
            {
                Buffer.BlockCopy(buffer, consumed, buffer, 0, _filled - consumed);
                _filled -= consumed;
            }
            if (_final && consumed == 0 && _phase != 2)
                throw new ApiJsonException("The response body ends before the end of the array", _typeName, null, "[" + _count.ToString(CultureInfo.InvariantCulture) + "]");
            if (items.Count > before) return true;
        }
        return false;
    }

    private int ReadItems(ReadOnlySpan<byte> bytes, List<T> items)
    {
        var reader = new Utf8JsonReader(bytes, _final, _state);
        try
        {
            if (_phase == 0)
            {
                if (!reader.Read()) return 0;
                if (reader.TokenType != JsonTokenType.StartArray) throw JsonSupport.Unexpected(ref reader, _typeName, "an array");
                _phase = 1;
            }
            while (true)
            {
                var checkpoint = reader;
                if (!reader.Read()) { reader = checkpoint; break; }
                if (reader.TokenType == JsonTokenType.EndArray) { _phase = 2; break; }
                var start = reader.TokenStartIndex;
                // An item is converted only once all its bytes are here. When plenty of bytes follow (twice the
                // largest item seen) or the body is complete, convert directly: one pass over the bytes. A direct
                // read that runs out of data ends at the wrong depth (or throws); it is then retried with the probe.
                var direct = _final || (_maxItem > 0 && bytes.Length - start > 2 * _maxItem);
                if (direct && reader.TokenType != JsonTokenType.Null)
                {
                    var attempt = reader;
                    T item;
                    try
                    {
                        item = _read(ref attempt, _lenient);
                    }
                    catch (Exception) when (!_final)
                    {
                        direct = false;
                        item = default!;
                    }
                    catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
                    {
                        throw JsonSupport.NestIndex(ex, _typeName, _count);
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
                        items.Add(item);
                        _count++;
                        reader = attempt;
                        _maxItem = Math.Max(_maxItem, reader.BytesConsumed - start);
                        continue;
                    }
                }
                var probe = reader;
                if (!probe.TrySkip()) { reader = checkpoint; break; }
                _maxItem = Math.Max(_maxItem, probe.BytesConsumed - start);
                try
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        if (!_lenient) throw new ApiJsonException("The array holds null, but the spec says its items cannot be", _typeName, null, "");
                        items.Add(default!);
                    }
                    else
                    {
                        items.Add(_read(ref reader, _lenient));
                    }
                    _count++;
                }
                catch (Exception ex) when (JsonSupport.IsReadFailure(ex))
                {
                    throw JsonSupport.NestIndex(ex, _typeName, _count);
                }
            }
        }
        catch (Exception ex) when (JsonSupport.IsReadFailure(ex) && ex is not ApiJsonException)
        {
            throw new ApiJsonException(ex.Message, _typeName, null, "[" + _count.ToString(CultureInfo.InvariantCulture) + "]", ex);
        }
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
