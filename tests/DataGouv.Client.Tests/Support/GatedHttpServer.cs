using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataGouv.Client.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server that answers every request with one status and a chunked body sent in parts: the
/// first part at once, each next part only after the test calls <see cref="Release"/>. A test can so prove that
/// the client handed out an item while the rest of the body was still withheld, with no timing involved. Each part
/// also trickles out in small random pieces (a slow network), so item boundaries fall inside reads.
/// </summary>
public sealed class GatedHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(60);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _gate = new(0);
    private readonly int _status;
    private readonly IReadOnlyList<byte[]> _parts;
    private readonly Task _serving;
    private readonly TaskCompletionSource<bool> _withholding = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedHttpServer(int status, params string[] parts)
    {
        _status = status;
        _parts = parts.Select(Encoding.UTF8.GetBytes).ToList();
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _serving = ServeAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The request line and headers of the last request, as received.</summary>
    public string LastRequestHead { get; private set; } = "";

    /// <summary>Completes (true) once the server has sent the first part and waits for <see cref="Release"/>.</summary>
    public Task Withholding => _withholding.Task;

    /// <summary>Lets the server send the next part of the body.</summary>
    public void Release() => _gate.Release();

    /// <summary>Lets the server send everything that is left.</summary>
    public void ReleaseAll() => _gate.Release(_parts.Count);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            LastRequestHead = await ReadHeadAsync(stream);
            var head = $"HTTP/1.1 {_status} {(HttpStatusCode)_status}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            var random = new Random(_status);
            for (var i = 0; i < _parts.Count; i++)
            {
                if (i > 0)
                {
                    _withholding.TrySetResult(true);
                    if (!await _gate.WaitAsync(GateTimeout, _stop.Token)) return;
                }
                var part = _parts[i];
                for (var at = 0; at < part.Length;)
                {
                    var n = Math.Min(part.Length - at, random.Next(1, 64));
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(n.ToString("x") + "\r\n"), _stop.Token);
                    await stream.WriteAsync(part.AsMemory(at, n), _stop.Token);
                    await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    at += n;
                }
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client went away (an enumeration stopped early): nothing to answer.
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) break;
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
