using System.Text.Json;
using DataGouv.Generated.Tests.Support;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>What PUT /me/ puts in its body: writable properties only, absent is not null.</summary>
public sealed class UpdateMeBodyTests : IClassFixture<EmulatorFixture>
{
    private static readonly string[] ReadOnlyProperties = ["page", "metrics", "apikey"];

    private readonly EmulatorFixture _fx;

    public UpdateMeBodyTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task UpdateMe_with_a_fetched_profile_leaves_out_the_readOnly_properties()
    {
        var client = _fx.Client();
        var me = await client.GetMeAsync();
        Assert.NotNull(me.Page);
        Assert.NotNull(me.Metrics);
        Assert.NotNull(me.Apikey);
        Assert.NotNull(me.Email);

        await client.UpdateMeAsync(me);

        using var body = JsonDocument.Parse(_fx.Emulator.LastRequest.Body);
        foreach (var name in ReadOnlyProperties)
            Assert.False(body.RootElement.TryGetProperty(name, out _), $"readOnly '{name}' was sent");
        Assert.Equal("Camille", body.RootElement.GetProperty("first_name").GetString());
        // email is writable on the real server (UserProfileForm), although its swagger says readOnly.
        Assert.Equal(me.Email, body.RootElement.GetProperty("email").GetString());
        Assert.Equal("https://blog.example.org/camille", body.RootElement.GetProperty("website").GetString());
    }

    [Fact]
    public async Task UpdateMe_leaves_out_optional_properties_never_set_and_sends_null_for_one_set_to_null()
    {
        var me = new MeProfile
        {
            Id = "65e1a2b3c4d5e6f708192a3b",
            Slug = "camille-durand",
            FirstName = "Camille",
            LastName = "Durand",
            Since = new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.Zero),
            Uri = "https://www.data.gouv.fr/api/1/users/camille-durand/",
            About = null,
            Apikey = "must-never-be-sent",
        };

        var updated = await _fx.Client().UpdateMeAsync(me);

        using var body = JsonDocument.Parse(_fx.Emulator.LastRequest.Body);
        var root = body.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "about", "first_name", "id", "last_name", "since", "slug", "uri" }, names);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("about").ValueKind);
        // The server applied exactly that: about cleared, website (never set, so not sent) kept.
        Assert.Null(updated.About);
        Assert.Equal("https://blog.example.org/camille", updated.Website);
        Assert.Null(_fx.Emulator.State.About);
        Assert.Equal("https://blog.example.org/camille", _fx.Emulator.State.Website);
    }
}
