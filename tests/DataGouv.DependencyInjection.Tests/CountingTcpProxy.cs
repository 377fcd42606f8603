using System.Net;
using System.Net.Sockets;

namespace DataGouv.DependencyInjection.Tests;

/// <summary>
/// A loopback TCP relay in front of a server that counts the bytes the server sends: what really crossed the socket,
/// before any client-side decompression. Point the client at <see cref="Port"/> instead of the server's port.
/// </summary>
internal sealed class CountingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private readonly int _targetPort;
    private readonly Task _acceptLoop;
    private long _bytesFromServer;

    public CountingTcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes the server sent to the client so far (headers and body, as on the wire).</summary>
    public long BytesFromServer => Interlocked.Read(ref _bytesFromServer);

    /// <summary><paramref name="address"/> with its port replaced by the proxy's.</summary>
    public Uri Route(Uri address) => new UriBuilder(address) { Port = Port }.Uri;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                lock (_relays) { _relays.Add(RelayAsync(client)); }
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) when (_stop.IsCancellationRequested) { }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token).ConfigureAwait(false);
                var toServer = PumpAsync(client.GetStream(), server.GetStream(), count: false);
                var toClient = PumpAsync(server.GetStream(), client.GetStream(), count: true);
                await Task.WhenAny(toServer, toClient).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException) { }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool count)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
            {
                if (count) Interlocked.Add(ref _bytesFromServer, read);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        Task[] relays;
        lock (_relays) { relays = [.. _relays]; }
        await Task.WhenAll(relays).ConfigureAwait(false);
        _stop.Dispose();
    }
}
