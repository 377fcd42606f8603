using System.Text.Json;
using System.Text.Json.Nodes;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.Me.Serialization;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>Strict by default: a required non-nullable property missing or null fails loudly, naming where.</summary>
public sealed class RequiredPropertyPolicyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public RequiredPropertyPolicyTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task A_null_required_title_in_the_second_dataset_throws_naming_type_property_and_path()
    {
        var body = await DatasetsWith(items => items[1]!["title"] = null);
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, body);

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().MyOrgDatasetsAsync());

        Assert.Equal("Dataset", ex.ModelType);
        Assert.Equal("title", ex.PropertyName);
        Assert.Equal("$[1].title", ex.JsonPath);
        Assert.Contains("Dataset", ex.Message);
        Assert.Contains("'title'", ex.Message);
        Assert.Contains("$[1].title", ex.Message);
    }

    [Fact]
    public async Task A_missing_required_property_deep_in_a_list_throws_with_the_full_path()
    {
        var body = await DatasetsWith(items => items[2]!["resources"]!.AsArray()[0]!.AsObject().Remove("url"));
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, body);

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().MyOrgDatasetsAsync());

        Assert.Equal("Resource", ex.ModelType);
        Assert.Equal("url", ex.PropertyName);
        Assert.Equal("$[2].resources[0].url", ex.JsonPath);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public async Task A_profile_without_first_name_throws_naming_Me_and_first_name()
    {
        var me = JsonNode.Parse(await RawAsync("me/"))!.AsObject();
        me.Remove("first_name");
        _fx.Emulator.Override("GET", "/me/", 200, me.ToJsonString());

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().GetMeAsync());

        Assert.Equal("Me", ex.ModelType);
        Assert.Equal("first_name", ex.PropertyName);
        Assert.Equal("$.first_name", ex.JsonPath);
    }

    [Fact]
    public async Task With_a_fields_mask_GetMe_reads_leniently_and_succeeds()
    {
        var me = await _fx.Client().GetMeAsync(xFields: "id,first_name");

        Assert.Equal("65e1a2b3c4d5e6f708192a3b", me.Id);
        Assert.Equal("Camille", me.FirstName);
        Assert.Null(me.Slug);
        Assert.Null(me.LastName);
        Assert.Equal(default, me.Since);
        // The emulator really did drop the other properties.
        using var doc = JsonDocument.Parse(await RawAsync("me/", xFields: "id,first_name"));
        Assert.Equal(2, doc.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public async Task Optional_properties_accept_null_even_in_strict_mode()
    {
        // featured and private are optional, non-nullable booleans; tags an optional array.
        var body = await DatasetsWith(items =>
        {
            items[0]!["featured"] = null;
            items[0]!["private"] = null;
            items[0]!["tags"] = null;
        });
        var datasets = (IReadOnlyList<Dataset>)JsonSerializer.Deserialize(body, MeClient.JsonOptions.GetTypeInfo(typeof(IReadOnlyList<Dataset>)))!;
        Assert.Null(datasets[0].Featured);
        Assert.Null(datasets[0].Private);
        Assert.Null(datasets[0].Tags);
        // Present-and-null is written back as null, not dropped.
        var written = JsonSerializer.Serialize(datasets[0], MeClient.JsonOptions.GetTypeInfo(typeof(Dataset)));
        Assert.Contains("\"featured\":null", written);
    }

    [Fact]
    public async Task MeClient_JsonOptions_is_strict_and_the_Lenient_resolver_accepts_the_same_payload()
    {
        var body = await DatasetsWith(items =>
        {
            items[1]!["title"] = null;
            items[0]!.AsObject().Remove("slug");
        });

        var strict = Assert.Throws<ApiJsonException>(() =>
            JsonSerializer.Deserialize(body, MeClient.JsonOptions.GetTypeInfo(typeof(IReadOnlyList<Dataset>))));
        Assert.Equal("Dataset", strict.ModelType);
        Assert.Equal("$[0].slug", strict.JsonPath);

        var lenientOptions = new JsonSerializerOptions { TypeInfoResolver = MeClientJsonResolver.Lenient };
        var datasets = (IReadOnlyList<Dataset>)JsonSerializer.Deserialize(body, lenientOptions.GetTypeInfo(typeof(IReadOnlyList<Dataset>)))!;
        Assert.Equal(3, datasets.Count);
        Assert.Null(datasets[0].Slug);
        Assert.Null(datasets[1].Title);
        Assert.False(MeClientJsonResolver.LenientByDefault);
        Assert.Same(MeClientJsonResolver.Strict, MeClient.JsonOptions.TypeInfoResolver);
    }

    [Fact]
    public async Task A_null_item_in_a_list_of_objects_is_rejected_in_strict_mode()
    {
        var body = await DatasetsWith(items => items[1] = null);
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, body);

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().MyOrgDatasetsAsync());

        Assert.Equal("$[1]", ex.JsonPath);
    }

    [Fact]
    public void A_null_in_a_nested_list_of_enums_is_reported_at_its_index()
    {
        var info = MeClient.JsonOptions.GetTypeInfo(typeof(IList<ReuseTopic>));

        var ex = Assert.Throws<ApiJsonException>(() => JsonSerializer.Deserialize("""["health",null]""", info));

        Assert.Equal("$[1]", ex.JsonPath);
    }

    private async Task<string> DatasetsWith(Action<JsonArray> edit)
    {
        var items = JsonNode.Parse(await RawAsync("me/org_datasets/"))!.AsArray();
        Assert.Equal(3, items.Count);
        edit(items);
        return items.ToJsonString();
    }

    private async Task<string> RawAsync(string path, string? xFields = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fx.Emulator.BaseAddress, path));
        request.Headers.Add("X-API-KEY", EmulatorFixture.Key);
        if (xFields is not null) request.Headers.Add("X-Fields", xFields);
        using var response = await _fx.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
