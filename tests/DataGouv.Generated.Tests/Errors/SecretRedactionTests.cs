using DataGouv.Generated.Tests.Support;
using DataGouv.Me;

namespace DataGouv.Generated.Tests.Errors;

/// <summary>The API key never shows up in messages, ToString() or logs-to-be.</summary>
public sealed class SecretRedactionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public SecretRedactionTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task The_key_is_in_no_exception_message_or_ToString()
    {
        const string wrongKey = "wrong-secret-key-4242";
        var exceptions = new List<Exception>
        {
            await Assert.ThrowsAnyAsync<ApiException>(() => _fx.Client(wrongKey).GetMeAsync()),
        };
        _fx.Emulator.Override("GET", "/me/", 500, "<html>oops</html>", "text/html");
        exceptions.Add(await Assert.ThrowsAnyAsync<ApiException>(() => _fx.Client().GetMeAsync()));
        _fx.Emulator.Override("GET", "/me/", 200, """{"id":""");
        exceptions.Add(await Assert.ThrowsAnyAsync<ApiJsonException>(() => _fx.Client().GetMeAsync()));
        _fx.Emulator.Override("GET", "/me/", 200, "{}", delay: TimeSpan.FromSeconds(10));
        using (var cts = new CancellationTokenSource(100))
            exceptions.Add(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _fx.Client().GetMeAsync(cancellationToken: cts.Token)));

        foreach (var ex in exceptions)
        {
            foreach (var key in new[] { EmulatorFixture.Key, wrongKey })
            {
                Assert.DoesNotContain(key, ex.Message);
                Assert.DoesNotContain(key, ex.ToString());
                if (ex is ApiException api)
                {
                    Assert.DoesNotContain(key, api.ResponseBody ?? "");
                    Assert.DoesNotContain(api.Headers, h => h.Value.Any(v => v.Contains(key, StringComparison.Ordinal)));
                }
            }
        }
    }

    [Fact]
    public void The_options_ToString_masks_the_key()
    {
        var options = new MeClientOptions { BaseAddress = _fx.Emulator.BaseAddress, ApiKey = EmulatorFixture.Key };

        var text = options.ToString();

        Assert.DoesNotContain(EmulatorFixture.Key, text);
        Assert.Contains("***", text);
        Assert.Contains(_fx.Emulator.BaseAddress.ToString(), text);
    }

    [Fact]
    public async Task The_profile_ToString_masks_the_apikey_it_carries()
    {
        var me = await _fx.Client().GetMeAsync();
        Assert.Equal(EmulatorFixture.Key, me.Apikey);

        var text = me.ToString();

        Assert.DoesNotContain(EmulatorFixture.Key, text);
        Assert.Contains("Apikey = ***", text);
        Assert.Contains("Camille", text);
    }

    [Fact]
    public async Task A_newly_generated_key_is_masked_in_ApiKey_ToString()
    {
#pragma warning disable CS0618 // the deprecated call is the point: the 9.2.4 key it returns must be masked
        var key = await _fx.Client().GenerateApikeyAsync();
#pragma warning restore CS0618

        Assert.False(string.IsNullOrEmpty(key.Apikey));
        Assert.DoesNotContain(key.Apikey, key.ToString());
    }
}
