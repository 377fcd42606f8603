using System.Text;
using System.Text.Json;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>
/// What PUT /me/ puts in its body: MeUpdate's writable fields only, and only those set (absent is not null). Both
/// generations keep the current value of a field left out, and neither takes an avatar from PUT.
/// </summary>
public sealed class UpdateMeBodyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public UpdateMeBodyTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task UpdateMe_with_one_field_set_sends_only_that_field_and_the_server_keeps_the_others(UdataGeneration generation)
    {
        _fx.Use(generation);

        var updated = await _fx.Client().UpdateMeAsync(new MeUpdate { About = "Only this." });

        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "PUT", "/api/1/me/");
        Assert.Equal("""{"about":"Only this."}""", Encoding.UTF8.GetString(sent.Body));
        Assert.Equal("Only this.", updated.About);
        Assert.Equal("Camille", updated.FirstName);
        Assert.Equal("https://blog.example.org/camille", updated.Website);
        Assert.Equal("camille.durand@example.org", _fx.Emulator.State.Email);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task UpdateMe_leaves_out_properties_never_set_and_sends_null_for_one_set_to_null(UdataGeneration generation)
    {
        _fx.Use(generation);

        var updated = await _fx.Client().UpdateMeAsync(new MeUpdate { FirstName = "Camille", About = null });

        using var body = JsonDocument.Parse(_fx.Emulator.LastRequest.Body);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "about", "first_name" }, names);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("about").ValueKind);
        // The server applied exactly that: about cleared, website (never set, so not sent) kept.
        Assert.Null(updated.About);
        Assert.Equal("https://blog.example.org/camille", updated.Website);
        Assert.Null(_fx.Emulator.State.About);
        Assert.Equal("https://blog.example.org/camille", _fx.Emulator.State.Website);
    }

    [Fact]
    public void MeUpdate_has_no_avatar_the_avatar_changes_only_through_the_upload()
    {
        Assert.Null(typeof(MeUpdate).GetProperty("Avatar"));
        Assert.NotNull(typeof(MeUpdate).GetProperty("About"));
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task A_string_avatar_sent_with_PUT_is_ignored_by_both_generations(UdataGeneration generation)
    {
        _fx.Use(generation);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_fx.Emulator.BaseAddress, "me/"));
        request.Headers.Add("X-API-KEY", EmulatorFixture.Key);
        request.Content = new StringContent("""{"avatar":"https://evil.example/a.png","about":"x"}""", Encoding.UTF8, "application/json");

        using var response = await _fx.Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Null(_fx.Emulator.State.Avatar);
        Assert.Equal("x", _fx.Emulator.State.About);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("avatar").ValueKind);
    }
}
