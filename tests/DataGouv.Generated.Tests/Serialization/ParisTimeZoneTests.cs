using System.Diagnostics;
using DataGouv.Generated.Tests.Support;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>
/// "2015-01-01" must read as 2015-01-01 on a machine in Paris, where a timestamp reading puts it on 2014-12-31 in UTC.
/// A .NET process fixes its time zone when it starts, so the client runs in a child process (DataGouv.TimeZoneProbe)
/// started with TZ=Europe/Paris, against this test's emulator over loopback.
/// </summary>
public sealed class ParisTimeZoneTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ParisTimeZoneTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task In_Europe_Paris_a_coverage_of_2015_01_01_reads_as_2015_01_01(UdataGeneration generation)
    {
        _fx.Use(generation);
        _fx.Emulator.SetOrgDatasetCount(12);

        var output = await RunProbeAsync("Europe/Paris", _fx.Emulator.BaseAddress.ToString(), EmulatorFixture.Key);

        // The child really ran in Paris: UTC+1 in January, and there a DateTimeOffset reading of the plain date
        // lands on the day before in UTC (the bug this spec's `format: date` removes).
        Assert.Equal("Europe/Paris", output["tz"].Single());
        Assert.Equal("01:00:00", output["offset"].Single());
        Assert.Equal("2014-12-31", output["naive"].Single());
        // What the generated client read in Paris is what the server sent.
        var starts = output["start"].Select(s => s.Split(':')[1]).ToList();
        Assert.Contains("2015-01-01", starts);
        var expected = (await _fx.Client().MyOrgDatasetsAsync())
            .Where(d => d.TemporalCoverage is not null)
            .Select(d => d.TemporalCoverage!.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, starts);
    }

    private static async Task<ILookup<string, string>> RunProbeAsync(string timeZone, params string[] args)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "DataGouv.TimeZoneProbe.dll");
        Assert.True(File.Exists(probe), $"{probe} is missing (it is a ProjectReference of this test project)");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(probe);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["TZ"] = timeZone;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        Assert.True(process.ExitCode == 0, $"probe exited with {process.ExitCode}: {await stderr}");
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .ToLookup(kv => kv[0], kv => kv[1]);
    }
}
