using System.Text;
using System.Text.Json;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>GET, PUT and DELETE /me/ end to end.</summary>
public sealed class ProfileOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ProfileOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task GetMe_returns_the_profile_and_sends_GET_me_with_the_key(UdataGeneration generation)
    {
        _fx.Use(generation);
        var me = await _fx.Client().GetMeAsync();

        Assert.Equal("65e1a2b3c4d5e6f708192a3b", me.Id);
        Assert.Equal("camille-durand", me.Slug);
        Assert.Equal("Camille", me.FirstName);
        Assert.Equal("Durand", me.LastName);
        Assert.Equal("camille.durand@example.org", me.Email);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.Zero).AddTicks(1_234_560), me.Since);
        Assert.NotNull(me.Organizations);
        Assert.Single(me.Organizations);
        Assert.Equal(2, me.Metrics!.Datasets);
        Assert.Equal(5, me.Metrics.Following);
        if (generation == UdataGeneration.V9_2)
        {
            // 9.2.4 shows the API key and knows nothing of login dates.
            Assert.Equal(EmulatorFixture.Key, me.Apikey);
            Assert.Null(me.LastLoginAt);
            Assert.Null(me.Metrics.Dataservices);
        }
        else
        {
            // 16+ never shows a key again; 10.1.3+ sends last_login_at; 17.2+ counts dataservices.
            Assert.Null(me.Apikey);
            Assert.Equal(new DateTimeOffset(2024, 10, 22, 8, 15, 2, TimeSpan.Zero).AddTicks(9_876_540), me.LastLoginAt);
            Assert.Equal(0, me.Metrics.Dataservices);
        }
        Assert.True(me.AdditionalProperties is null or { Count: 0 }, "every field either generation sends is in the spec");

        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "GET", "/api/1/me/");
        Assert.Contains("application/json", RequestAssert.Header(sent, "Accept"));
        Assert.Empty(sent.Body);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task GetMe_with_a_fields_mask_sends_the_X_Fields_header(UdataGeneration generation)
    {
        _fx.Use(generation);
        var me = await _fx.Client().GetMeAsync(xFields: "id,first_name");

        Assert.Equal("65e1a2b3c4d5e6f708192a3b", me.Id);
        Assert.Equal("Camille", me.FirstName);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/", xFields: "id,first_name");
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task UpdateMe_sends_a_JSON_body_with_PUT_and_returns_the_updated_profile(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();
        var me = await client.GetMeAsync();
        var update = new MeUpdate
        {
            FirstName = "Camila",
            LastName = "Durán",
            Website = "https://example.org/",
            About = "Hello",
        };

        var updated = await client.UpdateMeAsync(update, xFields: "*");

        Assert.Equal("Camila", updated.FirstName);
        Assert.Equal("Durán", updated.LastName);
        Assert.Equal("https://example.org/", updated.Website);
        Assert.Equal("Hello", updated.About);
        Assert.Equal("Camila", _fx.Emulator.State.FirstName);
        Assert.Equal(me.Email, updated.Email);

        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "PUT", "/api/1/me/", xFields: "*");
        Assert.StartsWith("application/json", sent.ContentType);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("Camila", body.RootElement.GetProperty("first_name").GetString());
        Assert.Equal("Durán", body.RootElement.GetProperty("last_name").GetString());
        Assert.Equal("https://example.org/", body.RootElement.GetProperty("website").GetString());
        Assert.Equal("Hello", body.RootElement.GetProperty("about").GetString());
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task DeleteMe_sends_DELETE_me_without_a_mask_and_the_account_is_then_gone(UdataGeneration generation)
    {
        _fx.Use(generation);
        var client = _fx.Client();

        await client.DeleteMeAsync();

        RequestAssert.Sent(_fx.Emulator.LastRequest, "DELETE", "/api/1/me/");
        Assert.True(_fx.Emulator.State.IsDeleted);
        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => client.GetMeAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
