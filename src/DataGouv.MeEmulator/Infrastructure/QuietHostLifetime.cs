using Microsoft.Extensions.Hosting;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// Replaces ConsoleLifetime: an emulator hosted inside a test run must not hook Ctrl+C/SIGTERM or print
/// "Application started" banners; its life is bounded by StartAsync/DisposeAsync only.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
