using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Support;

/// <summary>
/// One emulator (a real Kestrel server on 127.0.0.1) per test class, shared by its tests through IClassFixture.
/// Tests of one class run one after the other, so each test calls <see cref="Reset"/> from its constructor.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Key = "test-api-key-0123456789";

    private MeEmulator.MeEmulator? _emulator;
    private HttpClient? _http;

    public MeEmulator.MeEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    /// <summary>One HttpClient for the class: the client is meant to be long-lived and shared.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _emulator = await MeEmulator.MeEmulator.StartAsync(new MeEmulatorOptions { ApiKey = Key });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_emulator is not null) await _emulator.DisposeAsync();
    }

    /// <summary>A client pointed at the emulator with the given key (the valid one by default).</summary>
    public MeClient Client(string? apiKey = Key) =>
        new(Http, new MeClientOptions { BaseAddress = Emulator.BaseAddress, ApiKey = apiKey });

    /// <summary>Back to a fresh server: initial profile, the original key, no overrides, no recorded requests.</summary>
    public void Reset()
    {
        Emulator.ClearOverrides();
        Emulator.ResetApiKey(Key);
        Emulator.ResetProfile();
        Emulator.SetOrgDatasetCount(3);
        Emulator.ClearRequests();
    }
}
