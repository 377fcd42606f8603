using System.Runtime.InteropServices;
using DataGouv.Demo;
using DataGouv.MeEmulator;

// Usage:
//   dotnet run --project samples/DataGouv.Demo                         embedded emulator on 127.0.0.1, every operation
//   dotnet run --project samples/DataGouv.Demo -- --base-url https://demo.data.gouv.fr/api/1 [--allow-writes]
//        (key from --api-key or DATAGOUV_API_KEY; without --allow-writes the destructive operations are skipped;
//         --timeout <seconds> bounds each call, and a server that does not answer stops the demo after one call)
//   dotnet run --project samples/DataGouv.Demo -- --serve-only 5080     host the emulator only, until SIGINT/SIGTERM
//   dotnet run --project samples/DataGouv.Demo -- --server-version 17.6 the emulator answers as udata 17.6 (default 9.2)
DemoOptions options;
try
{
    options = DemoOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine(DemoOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(DemoOptions.Usage);
    return 0;
}

if (options.ServeOnlyPort is { } port)
{
    return await ServeOnlyAsync(port, options.ApiKey, options.ServerVersion ?? UdataGeneration.V9_2);
}

if (options.BaseUrl is { } baseUrl)
{
    var key = options.ApiKey ?? Environment.GetEnvironmentVariable("DATAGOUV_API_KEY");
    if (string.IsNullOrEmpty(key))
    {
        Console.Error.WriteLine("error: --base-url needs an API key: set DATAGOUV_API_KEY or pass --api-key.");
        return 2;
    }
    Console.WriteLine($"Target: {baseUrl} (remote; writes {(options.AllowWrites ? "ALLOWED" : "skipped, pass --allow-writes to run them")})");
    var remote = new DemoRunner(new Uri(baseUrl), key, allowWrites: options.AllowWrites, emulator: null, options.Timeout);
    return await remote.RunAsync();
}

var generation = options.ServerVersion ?? UdataGeneration.V9_2;
await using (var emulator = await MeEmulator.StartAsync(new MeEmulatorOptions { ApiKey = options.ApiKey ?? new MeEmulatorOptions().ApiKey, Generation = generation }))
{
    Console.WriteLine($"Target: {emulator.BaseAddress} (embedded MeEmulator on loopback, answering as {generation.Label()})");
    var runner = new DemoRunner(emulator.BaseAddress, emulator.ApiKey, allowWrites: true, emulator, options.Timeout);
    return await runner.RunAsync();
}

static async Task<int> ServeOnlyAsync(int port, string? apiKey, UdataGeneration generation)
{
    var emulatorOptions = new MeEmulatorOptions { Port = port, Generation = generation };
    if (!string.IsNullOrEmpty(apiKey)) emulatorOptions.ApiKey = apiKey;
    await using var emulator = await MeEmulator.StartAsync(emulatorOptions);

    var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    void OnSignal(PosixSignalContext ctx)
    {
        ctx.Cancel = true; // we shut down ourselves, cleanly
        stop.TrySetResult();
    }
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

    // One machine-readable line for scripts (samples/aot-smoke.sh, tests/package-e2e.sh): READY <base-url> <api-key>
    Console.WriteLine($"READY {emulator.BaseAddress} {emulator.ApiKey}");
    Console.Out.Flush();
    await stop.Task;
    Console.WriteLine($"stopping after {emulator.Requests.Count} request(s)");
    return 0;
}
