using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>
/// Every /me model read from the real responses of each emulated generation through MeClient.JsonOptions and written back:
/// JSON → object → JSON must be equivalent (nothing lost, nothing invented).
/// </summary>
public sealed class ModelRoundTripTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ModelRoundTripTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    /// <summary>Every model in the responses both generations send, plus the ones only one of them sends.</summary>
    public static TheoryData<UdataGeneration, string, string, string, Type> Cases()
    {
        var both = new (string, string, string, Type)[]
        {
            ("GET", "me/", "", typeof(MeProfile)),
            ("GET", "me/", "", typeof(User)),
            ("GET", "me/", "metrics", typeof(UserMetrics)),
            ("GET", "me/", "organizations[*]", typeof(OrganizationReference)),
            ("GET", "me/", "organizations[*]", typeof(BaseReference)),
            ("GET", "me/", "organizations[*].badges[*]", typeof(Badge)),
            ("GET", "me/metrics/", "", typeof(MyMetrics)),
            ("GET", "me/datasets/", "[*]", typeof(Dataset)),
            ("GET", "me/org_datasets/", "[*]", typeof(Dataset)),
            ("GET", "me/datasets/", "[*].owner", typeof(UserReference)),
            ("GET", "me/org_datasets/", "[*].organization", typeof(OrganizationReference)),
            ("GET", "me/org_datasets/", "[*].badges[*]", typeof(Badge)),
            ("GET", "me/org_datasets/", "[*].metrics", typeof(DatasetMetrics)),
            ("GET", "me/org_datasets/", "[*].quality", typeof(DatasetQuality)),
            ("GET", "me/org_datasets/", "[*].resources[*]", typeof(Resource)),
            ("GET", "me/org_datasets/", "[*].resources[*].metrics", typeof(ResourceMetrics)),
            ("GET", "me/org_datasets/", "[*].resources[*].checksum", typeof(Checksum)),
            ("GET", "me/org_datasets/", "[*].resources[*].internal", typeof(ResourceInternals)),
            ("GET", "me/org_datasets/", "[*].resources[*].schema", typeof(Schema)),
            ("GET", "me/org_datasets/", "[*].harvest", typeof(HarvestDatasetMetadata)),
            ("GET", "me/org_datasets/", "[*].internal", typeof(DatasetInternals)),
            ("GET", "me/org_datasets/", "[*].temporal_coverage", typeof(TemporalCoverage)),
            ("GET", "me/org_datasets/", "[*].spatial", typeof(SpatialCoverage)),
            ("GET", "me/org_reuses/", "[*]", typeof(Reuse)),
            ("GET", "me/org_reuses/", "[*].metrics", typeof(ReuseMetrics)),
            ("GET", "me/reuses/", "[*]", typeof(Reuse)),
            ("GET", "me/org_community_resources/", "[*]", typeof(CommunityResource)),
            ("GET", "me/org_community_resources/", "[*].dataset", typeof(DatasetReference)),
            ("GET", "me/org_discussions/", "[*]", typeof(Discussion)),
            ("GET", "me/org_discussions/", "[*].subject", typeof(ModelReference)),
            ("GET", "me/org_discussions/", "[*].discussion[*]", typeof(DiscussionMessage)),
            ("GET", "me/org_discussions/", "[*].user", typeof(UserReference)),
        };
        var v9 = new (string, string, string, Type)[]
        {
            ("POST", "me/apikey", "", typeof(ApiKey)),
            ("GET", "me/org_datasets/", "[*].contact_point", typeof(ContactPoint)),
            ("GET", "me/org_discussions/", "[*].spam", typeof(Spam)),
            ("GET", "me/org_discussions/", "[*].discussion[*].spam", typeof(Spam)),
        };
        var v17 = new (string, string, string, Type)[]
        {
            ("GET", "me/org_datasets/", "[*].contact_points[*]", typeof(ContactPoint)),
            ("GET", "me/org_datasets/", "[*].access_audiences[*]", typeof(AccessAudience)),
            ("GET", "me/org_datasets/", "[*].permissions", typeof(Permissions)),
            ("GET", "me/org_reuses/", "[*].permissions", typeof(Permissions)),
            ("GET", "me/org_discussions/", "[*].permissions", typeof(Permissions)),
            ("GET", "me/org_discussions/", "[*].discussion[*].permissions", typeof(Permissions)),
            ("GET", "me/api_tokens/", "[*]", typeof(ApiToken)),
            ("POST", "me/api_tokens/", "", typeof(ApiTokenCreated)),
            ("GET", "me/org_invitations/", "[*]", typeof(PendingInvitation)),
        };
        var data = new TheoryData<UdataGeneration, string, string, string, Type>();
        foreach (var (m, p, sel, t) in both)
        {
            data.Add(UdataGeneration.V9_2, m, p, sel, t);
            data.Add(UdataGeneration.V17_6, m, p, sel, t);
        }
        foreach (var (m, p, sel, t) in v9) data.Add(UdataGeneration.V9_2, m, p, sel, t);
        foreach (var (m, p, sel, t) in v17) data.Add(UdataGeneration.V17_6, m, p, sel, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_model_read_from_a_real_response_writes_back_equivalent_JSON(UdataGeneration generation, string method, string path, string selector, Type type)
    {
        _fx.Use(generation);
        var payload = await RawAsync(method, path);
        using var doc = JsonDocument.Parse(payload);

        var items = JsonPathSelector.Select(doc.RootElement, selector).ToList();

        Assert.NotEmpty(items);
        foreach (var item in items) AssertRoundTrip(item.GetRawText(), type);
    }

    [Theory]
    [InlineData(UdataGeneration.V9_2, "me/datasets/", typeof(IReadOnlyList<Dataset>))]
    [InlineData(UdataGeneration.V9_2, "me/org_datasets/", typeof(List<Dataset>))]
    [InlineData(UdataGeneration.V9_2, "me/org_reuses/", typeof(IList<Reuse>))]
    [InlineData(UdataGeneration.V9_2, "me/org_community_resources/", typeof(IReadOnlyList<CommunityResource>))]
    [InlineData(UdataGeneration.V9_2, "me/org_discussions/", typeof(IReadOnlyList<Discussion>))]
    [InlineData(UdataGeneration.V17_6, "me/datasets/", typeof(IReadOnlyList<Dataset>))]
    [InlineData(UdataGeneration.V17_6, "me/org_datasets/", typeof(List<Dataset>))]
    [InlineData(UdataGeneration.V17_6, "me/org_reuses/", typeof(IList<Reuse>))]
    [InlineData(UdataGeneration.V17_6, "me/org_community_resources/", typeof(IReadOnlyList<CommunityResource>))]
    [InlineData(UdataGeneration.V17_6, "me/org_discussions/", typeof(IReadOnlyList<Discussion>))]
    [InlineData(UdataGeneration.V17_6, "me/api_tokens/", typeof(IReadOnlyList<ApiToken>))]
    [InlineData(UdataGeneration.V17_6, "me/org_invitations/", typeof(IReadOnlyList<PendingInvitation>))]
    public async Task A_whole_list_response_round_trips_through_the_list_type_info(UdataGeneration generation, string path, Type type)
    {
        _fx.Use(generation);
        AssertRoundTrip(await RawAsync("GET", path), type);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task The_avatar_upload_response_round_trips_as_UploadedImage(UdataGeneration generation)
    {
        _fx.Use(generation);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fx.Emulator.BaseAddress, "me/avatar"));
        request.Headers.Add("X-API-KEY", EmulatorFixture.Key);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([1, 2, 3]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "a.png");
        request.Content = form;
        using var response = await _fx.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();

        AssertRoundTrip(await response.Content.ReadAsStringAsync(), typeof(UploadedImage));
    }

    [Fact]
    public async Task Error_bodies_round_trip_as_Error_and_ValidationError()
    {
        var unauthorized = await RawAsync("GET", "me/", key: "wrong", expectSuccess: false);
        AssertRoundTrip(unauthorized, typeof(Error));

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_fx.Emulator.BaseAddress, "me/"));
        request.Headers.Add("X-API-KEY", EmulatorFixture.Key);
        request.Content = new StringContent("""{"first_name":""}""", Encoding.UTF8, "application/json");
        using var response = await _fx.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        AssertRoundTrip(await response.Content.ReadAsStringAsync(), typeof(ValidationError));
    }

    [Fact]
    public void Resource_harvest_metadata_round_trips_as_HarvestResourceMetadata()
    {
        // The emulator's resources carry "harvest": null, so this one is written by hand (udata's skip_none shape).
        AssertRoundTrip("""
            {"created_at":"2023-05-04T10:11:12.345600+00:00","modified_at":"2024-01-02T03:04:05+00:00",
             "uri":"https://example.org/dcat/resource/1","x_future":{"a":[1,2]}}
            """, typeof(HarvestResourceMetadata));
    }

    internal static void AssertRoundTrip(string json, Type type)
    {
        var info = MeClient.JsonOptions.GetTypeInfo(type);
        var value = JsonSerializer.Deserialize(json, info);
        Assert.NotNull(value);
        Assert.IsAssignableFrom(type, value);
        var written = JsonSerializer.Serialize(value, info);
        JsonAssert.Equivalent(json, written);
    }

    private async Task<string> RawAsync(string method, string path, string key = EmulatorFixture.Key, bool expectSuccess = true)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_fx.Emulator.BaseAddress, path));
        request.Headers.Add("X-API-KEY", key);
        using var response = await _fx.Http.SendAsync(request);
        if (expectSuccess) response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
