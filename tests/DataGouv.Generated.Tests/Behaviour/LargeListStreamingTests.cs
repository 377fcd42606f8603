using DataGouv.Generated.Tests.Support;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Behaviour;

/// <summary>Unpaginated lists can be big: the client reads them item by item as bytes arrive.</summary>
public sealed class LargeListStreamingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public LargeListStreamingTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task Two_thousand_org_datasets_all_come_back_in_order(UdataGeneration generation)
    {
        _fx.Use(generation);
        _fx.Emulator.SetOrgDatasetCount(2000);

        var datasets = await _fx.Client().MyOrgDatasetsAsync();

        Assert.Equal(2000, datasets.Count);
        Assert.Equal(2000, datasets.Select(d => d.Id).Distinct().Count());
        Assert.All(datasets, d => Assert.False(string.IsNullOrEmpty(d.Title)));
        Assert.True(datasets[^1].Slug!.EndsWith("-1999", StringComparison.Ordinal), datasets[^1].Slug);
        var metrics = await _fx.Client().MyMetricsAsync();
        Assert.Equal(2000, metrics.DatasetsOrgCount);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task A_list_of_two_thousand_items_read_with_a_mask_is_read_leniently(UdataGeneration generation)
    {
        _fx.Use(generation);
        _fx.Emulator.SetOrgDatasetCount(2000);

        var datasets = await _fx.Client().MyOrgDatasetsAsync(xFields: "id,title");

        Assert.Equal(2000, datasets.Count);
        Assert.All(datasets, d => Assert.Null(d.Slug));
    }
}
