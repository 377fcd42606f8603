using DataGouv.Generated.Tests.Support;
using DataGouv.Me;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>POST and DELETE /me/apikey (no trailing slash in udata v9) end to end.</summary>
public sealed class ApiKeyOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ApiKeyOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task GenerateApikey_posts_to_me_apikey_and_returns_the_new_key_from_a_201()
    {
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
    public async Task ClearApikey_sends_DELETE_me_apikey_and_the_key_stops_working()
    {
        var client = _fx.Client();

        await client.ClearApikeyAsync();

        RequestAssert.Sent(_fx.Emulator.LastRequest, "DELETE", "/api/1/me/apikey");
        Assert.Equal("", _fx.Emulator.ApiKey);
        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetMeAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
