using System.Net;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>udata 16+'s /me/api_tokens/ (list, create, revoke), and the typed 404 a 9.2.4 server answers instead.</summary>
public sealed class ApiTokenOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public ApiTokenOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task Create_list_and_revoke_a_token_on_17_6()
    {
        _fx.Use(UdataGeneration.V17_6);
        var client = _fx.Client();
        var expires = DateTimeOffset.UtcNow.AddDays(30);

        var created = await client.CreateApiTokenAsync(new ApiTokenCreate { Name = "CI", ExpiresAt = expires });

        Assert.StartsWith("udata_", created.Token);
        Assert.Equal("CI", created.Name);
        Assert.Equal(["admin"], created.Scopes!);
        Assert.StartsWith(created.TokenPrefix!, created.Token);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "POST", "/api/1/me/api_tokens/");
        Assert.Contains("\"name\":\"CI\"", System.Text.Encoding.UTF8.GetString(_fx.Emulator.LastRequest.Body));

        // The new token authenticates; the list shows both live tokens but never a plaintext.
        Assert.Equal("Camille", (await _fx.Client(created.Token).GetMeAsync()).FirstName);
        var tokens = await client.ListApiTokensAsync();
        Assert.Equal(2, tokens.Count);
        Assert.Contains(tokens, t => t.Id == created.Id);
        Assert.All(tokens, t => Assert.False(t.AdditionalProperties?.ContainsKey("token") ?? false));
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/api_tokens/");

        await client.RevokeApiTokenAsync(created.Id);

        RequestAssert.Sent(_fx.Emulator.LastRequest, "DELETE", $"/api/1/me/api_tokens/{created.Id}/");
        var revoked = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client(created.Token).GetMeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("Revoked API token", revoked.Error.Message);
        var again = await Assert.ThrowsAsync<ApiException<Error>>(() => client.RevokeApiTokenAsync(created.Id));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Single(await client.ListApiTokensAsync());
    }

    [Fact]
    public async Task An_unknown_token_id_is_a_typed_404_on_17_6()
    {
        _fx.Use(UdataGeneration.V17_6);

        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client().RevokeApiTokenAsync("000000000000000000000000"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Token not found", ex.Error.Message);
    }

    [Fact]
    public async Task Every_api_token_operation_is_a_typed_404_on_9_2()
    {
        _fx.Use(UdataGeneration.V9_2);
        var client = _fx.Client();

        var list = await Assert.ThrowsAsync<ApiException<Error>>(() => client.ListApiTokensAsync());
        var create = await Assert.ThrowsAsync<ApiException<Error>>(() => client.CreateApiTokenAsync(new ApiTokenCreate()));
        var revoke = await Assert.ThrowsAsync<ApiException<Error>>(() => client.RevokeApiTokenAsync("65f0a1b2c3d4e5f60718293a"));

        Assert.All(new[] { list, create, revoke }, ex => Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode));
        Assert.Equal(["/api/1/me/api_tokens/", "/api/1/me/api_tokens/", "/api/1/me/api_tokens/65f0a1b2c3d4e5f60718293a/"],
            _fx.Emulator.Requests.Select(r => r.Path));
    }
}
