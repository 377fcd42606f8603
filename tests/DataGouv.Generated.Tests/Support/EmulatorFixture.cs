using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Support;

/// <summary>
/// One emulator per udata generation (real Kestrel servers on 127.0.0.1) per test class, shared by its tests through
/// IClassFixture. Tests of one class run one after the other, so each test picks its server with <see cref="Use"/>
/// (which also resets it); <see cref="Emulator"/> and <see cref="Client"/> then talk to that one. A test that runs
/// against every generation is a theory over <see cref="Generations"/>.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Key = "test-api-key-0123456789";

    /// <summary>Every emulated udata generation: the data of a theory that runs once per generation.</summary>
    public static TheoryData<UdataGeneration> Generations => new(Enum.GetValues<UdataGeneration>());

    private readonly Dictionary<UdataGeneration, MeEmulator.MeEmulator> _emulators = [];
    private HttpClient? _http;

    /// <summary>The generation the current test talks to (9.2.4 until a test calls <see cref="Use"/>).</summary>
    public UdataGeneration Generation { get; private set; } = UdataGeneration.V9_2;

    public MeEmulator.MeEmulator Emulator =>
        _emulators.TryGetValue(Generation, out var e) ? e : throw new InvalidOperationException("Not started.");

    /// <summary>One HttpClient for the class: the client is meant to be long-lived and shared.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        foreach (var generation in Enum.GetValues<UdataGeneration>())
            _emulators[generation] = await MeEmulator.MeEmulator.StartAsync(new MeEmulatorOptions { ApiKey = Key, Generation = generation });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        foreach (var emulator in _emulators.Values) await emulator.DisposeAsync();
    }

    /// <summary>Talk to <paramref name="generation"/>'s emulator from now on, reset to a fresh server.</summary>
    public void Use(UdataGeneration generation)
    {
        Generation = generation;
        Reset();
    }

    /// <summary>A client pointed at the current emulator with the given key (the valid one by default).</summary>
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
