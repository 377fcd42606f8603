using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DataGouv.Generated.Tests.Behaviour;

/// <summary>
/// samples/DataGouv.Demo against servers that do not answer: one failed call, a clear message, the other calls not
/// attempted. The demo runs as a child process (its built DataGouv.Demo.dll), with its real argument parsing.
/// </summary>
public sealed class DemoTimeoutTests
{
    /// <summary>Generous: the run needs one --timeout (1 s) plus process start-up, on a busy machine.</summary>
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_costs_one_timeout_and_a_clear_message()
    {
        await using var silent = new SilentServer();

        var run = await RunDemoAsync("--base-url", $"http://127.0.0.1:{silent.Port}/api/1", "--api-key", "k", "--timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, silent.Connections); // one request; every later call was skipped, not sent
        var failed = Assert.Single(run.StdOut.Split('\n'), l => l.Contains(" FAIL", StringComparison.Ordinal));
        Assert.StartsWith("GetMe ", failed, StringComparison.Ordinal);
        Assert.Contains("no answer within 1 s", failed, StringComparison.Ordinal);
        Assert.Contains("0 ok, 1 failed", run.StdOut, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{silent.Port}/api/1 did not answer GetMe within 1 s (--timeout)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("the other calls were not attempted", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_stops_the_demo_after_one_call()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        } // closed: connecting to it is refused

        var run = await RunDemoAsync("--base-url", $"http://127.0.0.1:{port}/api/1", "--api-key", "k", "--timeout", "30");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.StdOut.Split('\n'), l => l.Contains(" FAIL", StringComparison.Ordinal));
        Assert.Contains($"http://127.0.0.1:{port}/api/1 could not be reached for GetMe", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("the other calls were not attempted", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task A_timeout_that_is_not_a_positive_number_of_seconds_is_a_usage_error(string value)
    {
        var run = await RunDemoAsync("--timeout", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--timeout needs a number of seconds above 0 and at most 3600, got '{value}'", run.StdErr, StringComparison.Ordinal);
    }

    private sealed record DemoRun(int ExitCode, string StdOut, string StdErr);

    private static async Task<DemoRun> RunDemoAsync(params string[] args)
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "DataGouv.Demo.dll");
        Assert.True(File.Exists(demo), "missing " + demo);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(demo);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("DATAGOUV_API_KEY");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(ProcessLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the demo did not exit within {ProcessLimit.TotalSeconds} s");
        }
        return new DemoRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Accepts TCP connections on loopback, reads what comes, and never answers.</summary>
    private sealed class SilentServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<TcpClient> _clients = [];
        private readonly Task _loop;
        private int _connections;

        public SilentServer()
        {
            _listener.Start();
            _loop = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    lock (_clients) _clients.Add(client);
                    _ = DrainAsync(client);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { }
        }

        private async Task DrainAsync(TcpClient client)
        {
            var buffer = new byte[4096];
            try
            {
                while (await client.GetStream().ReadAsync(buffer, _stop.Token) > 0) { }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException) { }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _loop;
            lock (_clients) foreach (var c in _clients) c.Dispose();
            _stop.Dispose();
        }
    }
}
