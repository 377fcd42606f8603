using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DataGouv.Client.Runtime;

/// <summary>
/// A request body over a non-seekable caller's stream that can be sent twice (a 307/308 redirect re-sends the body):
/// it is copied aside while it is first sent and replayed from that copy.
/// </summary>
internal sealed class ReplayableStreamContent : HttpContent
{
    private readonly Stream _source;
    private MemoryStream? _copy;
    private bool _started;

    public ReplayableStreamContent(Stream source) => _source = source;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_copy is { } copy)
        {
            await stream.WriteAsync(copy.GetBuffer(), 0, (int)copy.Length, cancellationToken).ConfigureAwait(false);
            return;
        }
        // A first send cut short left the source half read: it cannot be replayed faithfully.
        if (_started) throw new InvalidOperationException("The request body stream was partly sent and cannot be read again; pass a seekable stream.");
        _started = true;
        var tee = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await _source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                tee.Write(buffer, 0, read);
                await stream.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _copy = tee;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _copy?.Length ?? 0;
        return _copy is not null;
    }
}
