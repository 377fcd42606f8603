using System.Diagnostics;
using DataGouv.Generated.Tests.Support;

namespace DataGouv.Generated.Tests.Errors;

/// <summary>A cancelled token stops a request that the server is still holding, promptly.</summary>
public sealed class CancellationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public CancellationTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task Cancelling_mid_request_throws_OperationCanceledException_quickly()
    {
        _fx.Emulator.Override("GET", "/me/", 200, "{}", delay: TimeSpan.FromSeconds(20));
        using var cts = new CancellationTokenSource();
        var call = _fx.Client().GetMeAsync(cancellationToken: cts.Token);
        // Cancel once the request is at the server (an event, not a 200 ms timer that a busy machine can outrun).
        await WaitForRequestAsync("/api/1/me/");
        var watch = Stopwatch.StartNew();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        // The request did reach the server: it was cancelled mid-flight, not before sending.
        Assert.Equal("/api/1/me/", _fx.Emulator.LastRequest.Path);
    }

    [Fact]
    public async Task Cancelling_a_list_call_mid_request_throws_TaskCanceledException()
    {
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, "[]", delay: TimeSpan.FromSeconds(20));
        using var cts = new CancellationTokenSource();
        var call = _fx.Client().MyOrgDatasetsAsync(cancellationToken: cts.Token);
        await WaitForRequestAsync("/api/1/me/org_datasets/");

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsType<TaskCanceledException>(ex);
        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _fx.Client().MyReusesAsync(cancellationToken: cts.Token));

        Assert.Empty(_fx.Emulator.Requests);
    }

    private async Task WaitForRequestAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!_fx.Emulator.Requests.Any(r => r.Path == path))
        {
            Assert.True(DateTime.UtcNow < deadline, "the request never reached the emulator");
            await Task.Delay(10);
        }
    }
}
