using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>The read-only listings and metrics end to end on every generation: paths with their trailing slash, q, X-Fields.</summary>
public sealed class ListOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ListOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyDatasets_returns_the_owned_datasets_from_GET_me_datasets(UdataGeneration generation)
    {
        _fx.Use(generation);
        var datasets = await _fx.Client().MyDatasetsAsync(xFields: "*");

        Assert.Equal(2, datasets.Count);
        Assert.All(datasets, d =>
        {
            Assert.False(string.IsNullOrEmpty(d.Id));
            Assert.False(string.IsNullOrEmpty(d.Title));
            Assert.NotEqual(Frequency.__Unrecognized, d.Frequency);
        });
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/datasets/", xFields: "*");
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyMetrics_reads_the_single_object_the_server_sends_from_GET_me_metrics(UdataGeneration generation)
    {
        _fx.Use(generation);
        _fx.Emulator.SetOrgDatasetCount(7);

        var metrics = await _fx.Client().MyMetricsAsync();

        Assert.Equal("65e1a2b3c4d5e6f708192a3b", metrics.Id);
        Assert.Equal(87.5, metrics.ResourcesAvailability);
        Assert.Equal(7, metrics.DatasetsOrgCount);
        Assert.Equal(214, metrics.FollowersOrgCount);
        Assert.Equal(2, metrics.DatasetsCount);
        Assert.Equal(3, metrics.FollowersCount);
        // MyMetrics' keys did not change from 9.2.4 to 17.6: nothing left over.
        Assert.True(metrics.AdditionalProperties is null or { Count: 0 });
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/metrics/");
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyOrgCommunityResources_sends_q_in_the_query_string_and_gets_the_matching_items(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();
        var all = await client.MyOrgCommunityResourcesAsync();
        Assert.NotEmpty(all);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_community_resources/");
        var q = Word(all[0].Title);

        var filtered = await client.MyOrgCommunityResourcesAsync(q: q, xFields: "id,title");

        Assert.NotEmpty(filtered);
        Assert.All(filtered, c => Assert.Contains(q, c.Title, StringComparison.OrdinalIgnoreCase));
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_community_resources/", "?q=" + Uri.EscapeDataString(q), xFields: "id,title");
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyOrgDatasets_sends_q_and_returns_only_datasets_whose_title_matches(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();
        var all = await client.MyOrgDatasetsAsync();
        Assert.Equal(3, all.Count);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_datasets/");
        var q = Word(all[1].Title);

        var filtered = await client.MyOrgDatasetsAsync(q: q);

        Assert.NotEmpty(filtered);
        Assert.All(filtered, d => Assert.Contains(q, d.Title, StringComparison.OrdinalIgnoreCase));
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_datasets/", "?q=" + Uri.EscapeDataString(q));
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task A_q_with_spaces_and_reserved_characters_is_percent_encoded(UdataGeneration generation)
    {
        _fx.Use(generation);
        var filtered = await _fx.Client().MyOrgDatasetsAsync(q: "a b&c=d/é");

        Assert.Empty(filtered);
        Assert.Equal("?q=a%20b%26c%3Dd%2F%C3%A9", _fx.Emulator.LastRequest.QueryString);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyOrgDiscussions_reads_the_discussion_array_and_sends_q(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();
        var all = await client.MyOrgDiscussionsAsync(xFields: "*");
        Assert.NotEmpty(all);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_discussions/", xFields: "*");
        // 9.2.4 sends class; 17.4+'s "Discussion (read)" does not (and the default Strict mode must not mind).
        Assert.All(all, d => Assert.Equal(generation == UdataGeneration.V9_2 ? "Discussion" : null, d.Class));
        // org_discussions lists open discussions only, on both generations.
        Assert.All(all, d => Assert.Null(d.Closed));
        Assert.All(all, d => Assert.Null(d.ClosedBy));
        // udata documents "discussion" as one message but sends an array of them.
        Assert.Contains(all, d => d.DiscussionValue is { Count: > 0 });
        var q = Word(all[0].Title!);

        var filtered = await client.MyOrgDiscussionsAsync(q: q);

        Assert.NotEmpty(filtered);
        Assert.All(filtered, d => Assert.Contains(q, d.Title, StringComparison.OrdinalIgnoreCase));
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_discussions/", "?q=" + Uri.EscapeDataString(q));
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyOrgReuses_returns_reuses_with_known_topics_and_sends_q(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();
        var all = await client.MyOrgReusesAsync();
        Assert.NotEmpty(all);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_reuses/");
        Assert.All(all, r => Assert.NotEqual(ReuseTopic.__Unrecognized, r.Topic));
        var q = Word(all[^1].Title);

        var filtered = await client.MyOrgReusesAsync(q: q, xFields: "*");

        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count <= all.Count);
        Assert.All(filtered, r => Assert.Contains(q, r.Title, StringComparison.OrdinalIgnoreCase));
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_reuses/", "?q=" + Uri.EscapeDataString(q), xFields: "*");
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyReuses_returns_only_the_reuses_I_own_from_GET_me_reuses(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();

        var mine = await client.MyReusesAsync();
        var org = await client.MyOrgReusesAsync();

        Assert.NotEmpty(mine);
        Assert.True(mine.Count < org.Count);
        Assert.All(mine, r => Assert.Contains(org, o => o.Id == r.Id));
        RequestAssert.Sent(_fx.Emulator.Requests[^2], "GET", "/api/1/me/reuses/");
    }

    /// <summary>The longest word of a title: a q that matches it but not necessarily everything.</summary>
    private static string Word(string title) =>
        title.Split(' ', '–', '(', ')', ',', '\'').OrderByDescending(w => w.Length).First();
}
