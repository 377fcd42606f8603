using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

// These tests call the deprecated apikey pair on purpose: they check it still works where it exists (udata <= 15.x)
// and fails with a typed 404 where it was removed (16.0+).
#pragma warning disable CS0618

namespace DataGouv.Generated.Tests.Operations;

/// <summary>POST and DELETE /me/apikey: no trailing slash on udata 9.2.4, gone (404) on 17.6.</summary>
public sealed class ApiKeyOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ApiKeyOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task GenerateApikey_posts_to_me_apikey_and_returns_the_new_key_from_a_201_on_9_2()
    {
        _fx.Use(UdataGeneration.V9_2);

        var key = await _fx.Client().GenerateApikeyAsync(xFields: "apikey");

        Assert.False(string.IsNullOrEmpty(key.Apikey));
        Assert.NotEqual(EmulatorFixture.Key, key.Apikey);
        Assert.Equal(_fx.Emulator.ApiKey, key.Apikey);
        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "POST", "/api/1/me/apikey", xFields: "apikey");
        Assert.Empty(sent.Body);

        // The new key works, the old one does not.
        var me = await _fx.Client(key.Apikey).GetMeAsync();
        Assert.Equal(key.Apikey, me.Apikey);
        await Assert.ThrowsAnyAsync<ApiException>(() => _fx.Client().GetMeAsync());
    }

    [Fact]
    public async Task ClearApikey_sends_DELETE_me_apikey_and_the_key_stops_working_on_9_2()
    {
        _fx.Use(UdataGeneration.V9_2);
        var client = _fx.Client();

        await client.ClearApikeyAsync();

        RequestAssert.Sent(_fx.Emulator.LastRequest, "DELETE", "/api/1/me/apikey");
        Assert.Equal("", _fx.Emulator.ApiKey);
        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetMeAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }

    [Fact]
    public async Task The_removed_apikey_pair_fails_with_a_typed_404_on_17_6_and_changes_nothing()
    {
        _fx.Use(UdataGeneration.V17_6);
        var client = _fx.Client();

        var generate = await Assert.ThrowsAsync<ApiException<Error>>(() => client.GenerateApikeyAsync());
        var clear = await Assert.ThrowsAsync<ApiException<Error>>(() => client.ClearApikeyAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, generate.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, clear.StatusCode);
        Assert.StartsWith("The requested URL was not found", generate.Error.Message);
        Assert.Equal(["POST", "DELETE"], _fx.Emulator.Requests.Select(r => r.Method));
        Assert.All(_fx.Emulator.Requests, r => Assert.Equal("/api/1/me/apikey", r.Path));
        Assert.Equal("Camille", (await client.GetMeAsync()).FirstName); // the token still works
    }

    [Fact]
    public async Task On_10_8_2_to_15_x_the_pair_follows_the_308_to_me_apikey_slash()
    {
        // udata 10.8.2 ... 15.x serve /me/apikey/ and redirect the spec's /me/apikey there. The emulator has no such
        // generation, so canned answers play it: a 308 with its Location, then the real answers on the new path.
        _fx.Use(UdataGeneration.V9_2);
        var moved = new Dictionary<string, string> { ["Location"] = "/api/1/me/apikey/" };
        _fx.Emulator.Override("POST", "/me/apikey", 308, null, headers: moved);
        _fx.Emulator.Override("POST", "/me/apikey/", 201, """{"apikey":"eyJ.new.key"}""");
        _fx.Emulator.Override("DELETE", "/me/apikey", 308, null, headers: moved);
        _fx.Emulator.Override("DELETE", "/me/apikey/", 204, null);
        var client = _fx.Client();

        var key = await client.GenerateApikeyAsync();
        await client.ClearApikeyAsync();

        Assert.Equal("eyJ.new.key", key.Apikey);
        Assert.Equal(
            ["POST /api/1/me/apikey", "POST /api/1/me/apikey/", "DELETE /api/1/me/apikey", "DELETE /api/1/me/apikey/"],
            _fx.Emulator.Requests.Select(r => r.Method + " " + r.Path));
        Assert.All(_fx.Emulator.Requests, r => Assert.Equal(EmulatorFixture.Key, RequestAssert.Header(r, "X-API-KEY")));
    }

    [Fact]
    public void The_deprecated_pair_is_Obsolete_with_a_message_naming_its_replacement()
    {
        var generate = typeof(MeClient).GetMethod(nameof(MeClient.GenerateApikeyAsync))!;
        var clear = typeof(IMeClient).GetMethod(nameof(IMeClient.ClearApikeyAsync))!;

        Assert.Contains("create_api_token", Obsolete(generate).Message);
        Assert.Contains("revoke_api_token", Obsolete(clear).Message);
        Assert.False(Obsolete(generate).IsError);
        Assert.Null(typeof(MeClient).GetMethod(nameof(MeClient.CreateApiTokenAsync))!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
    }

    private static ObsoleteAttribute Obsolete(System.Reflection.MethodInfo method) =>
        Assert.IsType<ObsoleteAttribute>(Assert.Single(method.GetCustomAttributes(typeof(ObsoleteAttribute), false)));
}
