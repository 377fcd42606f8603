using DataGouv.Generated.Tests.Support;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Behaviour;

/// <summary>One MeClient instance is safe to share between many concurrent calls.</summary>
public sealed class ConcurrencyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ConcurrencyTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task Two_hundred_concurrent_calls_on_one_client_all_succeed(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();

        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            switch (i % 4)
            {
                case 0: return (await client.GetMeAsync()).Id;
                case 1: return (await client.MyOrgDatasetsAsync()).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 2: return (await client.MyMetricsAsync(xFields: "id")).Id;
                default: return (await client.MyOrgReusesAsync(q: "a")).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(200, results.Length);
        Assert.All(results.Where((_, i) => i % 4 == 0), id => Assert.Equal("65e1a2b3c4d5e6f708192a3b", id));
        Assert.All(results.Where((_, i) => i % 4 == 1), count => Assert.Equal("3", count));
        var requests = _fx.Emulator.Requests;
        Assert.Equal(200, requests.Count);
        Assert.All(requests, r => Assert.Equal(EmulatorFixture.Key, RequestAssert.Header(r, "X-API-KEY")));
        // Headers never leak between requests: only the metrics calls carried a mask.
        Assert.Equal(50, requests.Count(r => r.Headers.ContainsKey("X-Fields")));
        Assert.All(requests.Where(r => r.Headers.ContainsKey("X-Fields")), r => Assert.Equal("/api/1/me/metrics/", r.Path));
        Assert.Equal(50, requests.Count(r => r.QueryString == "?q=a"));
    }
}
