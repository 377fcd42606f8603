using System.Text;
using System.Text.Json;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;

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

    [Fact]
    public async Task GetMe_returns_the_profile_and_sends_GET_me_with_the_key()
    {
        var me = await _fx.Client().GetMeAsync();

        Assert.Equal("65e1a2b3c4d5e6f708192a3b", me.Id);
        Assert.Equal("camille-durand", me.Slug);
        Assert.Equal("Camille", me.FirstName);
        Assert.Equal("Durand", me.LastName);
        Assert.Equal("camille.durand@example.org", me.Email);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.Zero).AddTicks(1_234_560), me.Since);
        Assert.Equal(EmulatorFixture.Key, me.Apikey);
        Assert.NotNull(me.Organizations);
        Assert.Single(me.Organizations);
        Assert.Equal(2, me.Metrics!.Value.GetProperty("datasets").GetInt32());
        // udata 10+ sends last_login_at, which the spec does not list: kept, not lost.
        Assert.True(me.AdditionalProperties!.ContainsKey("last_login_at"));

        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "GET", "/api/1/me/");
        Assert.Contains("application/json", RequestAssert.Header(sent, "Accept"));
        Assert.Empty(sent.Body);
    }

    [Fact]
    public async Task GetMe_with_a_fields_mask_sends_the_X_Fields_header()
    {
        var me = await _fx.Client().GetMeAsync(xFields: "id,first_name");

        Assert.Equal("65e1a2b3c4d5e6f708192a3b", me.Id);
        Assert.Equal("Camille", me.FirstName);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/", xFields: "id,first_name");
    }

    [Fact]
    public async Task UpdateMe_sends_a_JSON_body_with_PUT_and_returns_the_updated_profile()
    {
        var client = _fx.Client();
        var me = await client.GetMeAsync();
        var update = new MeProfile
        {
            Id = me.Id,
            Slug = me.Slug,
            FirstName = "Camila",
            LastName = "Durán",
            Since = me.Since,
            Uri = me.Uri,
            Website = "https://example.org/",
            About = "Hello",
        };

        var updated = await client.UpdateMeAsync(update, xFields: "*");

        Assert.Equal("Camila", updated.FirstName);
        Assert.Equal("Durán", updated.LastName);
        Assert.Equal("https://example.org/", updated.Website);
        Assert.Equal("Hello", updated.About);
        Assert.Equal("Camila", _fx.Emulator.State.FirstName);

        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "PUT", "/api/1/me/", xFields: "*");
        Assert.StartsWith("application/json", sent.ContentType);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("Camila", body.RootElement.GetProperty("first_name").GetString());
        Assert.Equal("Durán", body.RootElement.GetProperty("last_name").GetString());
        Assert.Equal("https://example.org/", body.RootElement.GetProperty("website").GetString());
        Assert.Equal("Hello", body.RootElement.GetProperty("about").GetString());
    }

    [Fact]
    public async Task DeleteMe_sends_DELETE_me_without_a_mask_and_the_account_is_then_gone()
    {
        var client = _fx.Client();

        await client.DeleteMeAsync();

        RequestAssert.Sent(_fx.Emulator.LastRequest, "DELETE", "/api/1/me/");
        Assert.True(_fx.Emulator.State.IsDeleted);
        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => client.GetMeAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
