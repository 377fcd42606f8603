using System.Text.Json;
using System.Text.RegularExpressions;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.Me.Serialization;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>
/// What the spec promises about both udata generations: the default (Strict) mode reads everything they send, and
/// temporal coverage travels as plain dates.
/// </summary>
public sealed partial class GenerationContractTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public GenerationContractTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task Every_list_and_profile_response_reads_without_an_exception_in_the_default_Strict_mode(UdataGeneration generation)
    {
        _fx.Use(generation);
        _fx.Emulator.SetOrgDatasetCount(40); // every fixture variant: harvested, restricted, open-ended coverage, no contact...
        Assert.False(MeClientJsonResolver.LenientByDefault);
        var client = _fx.Client();

        var me = await client.GetMeAsync();
        var metrics = await client.MyMetricsAsync();
        var lists = new List<int>
        {
            (await client.MyDatasetsAsync()).Count,
            (await client.MyOrgDatasetsAsync()).Count,
            (await client.MyReusesAsync()).Count,
            (await client.MyOrgReusesAsync()).Count,
            (await client.MyOrgCommunityResourcesAsync()).Count,
            (await client.MyOrgDiscussionsAsync()).Count,
        };
        if (generation >= UdataGeneration.V17_6)
        {
            lists.Add((await client.ListApiTokensAsync()).Count);
            lists.Add((await client.ListOrgInvitationsAsync()).Count);
        }

        Assert.Equal("Camille", me.FirstName);
        Assert.Equal(me.Id, metrics.Id);
        Assert.All(lists, count => Assert.True(count > 0));
        Assert.Equal(40, lists[1]);
        // Nothing was read with a mask: every call above went through the Strict reader.
        Assert.All(_fx.Emulator.Requests, r => Assert.False(r.Headers.ContainsKey("X-Fields")));
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task Temporal_coverage_is_sent_as_a_plain_date_and_read_as_that_very_date(UdataGeneration generation)
    {
        _fx.Use(generation);
        _fx.Emulator.SetOrgDatasetCount(12);

        var datasets = await _fx.Client().MyOrgDatasetsAsync();

        using var raw = JsonDocument.Parse(await RawAsync("me/org_datasets/"));
        var checkedDates = 0;
        for (var i = 0; i < datasets.Count; i++)
        {
            var wire = raw.RootElement[i].GetProperty("temporal_coverage");
            if (wire.ValueKind == JsonValueKind.Null)
            {
                Assert.Null(datasets[i].TemporalCoverage);
                continue;
            }
            var start = wire.GetProperty("start").GetString()!;
            Assert.Matches(PlainDate(), start); // "2015-01-01", never "2015-01-01T00:00:00+00:00"
            Assert.Equal(DateOnly.ParseExact(start, "yyyy-MM-dd"), datasets[i].TemporalCoverage!.Start);
            var end = wire.GetProperty("end");
            if (end.ValueKind == JsonValueKind.Null) Assert.Null(datasets[i].TemporalCoverage!.End);
            else
            {
                Assert.Matches(PlainDate(), end.GetString()!);
                Assert.Equal(DateOnly.ParseExact(end.GetString()!, "yyyy-MM-dd"), datasets[i].TemporalCoverage!.End);
            }
            checkedDates++;
        }
        Assert.True(checkedDates >= 4, $"only {checkedDates} coverages to check");
        Assert.Contains(datasets, d => d.TemporalCoverage?.Start == new DateOnly(2015, 1, 1));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex PlainDate();

    private async Task<string> RawAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fx.Emulator.BaseAddress, path));
        request.Headers.Add("X-API-KEY", EmulatorFixture.Key);
        using var response = await _fx.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
