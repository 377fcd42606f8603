using DataGouv.Me.Di;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataGouv.DependencyInjection.Tests;

/// <summary>
/// The generated <c>AddMeClient</c> overloads, used the way an application does: a ServiceCollection, a handler chained
/// on the returned IHttpClientBuilder, IMeClient resolved from the container, a real call to the emulator over a socket.
/// </summary>
public sealed class AddMeClientTests : IAsyncLifetime
{
    private const string Key = "di-test-api-key-0123456789";
    private MeEmulator.MeEmulator? _emulator;

    private MeEmulator.MeEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _emulator = await MeEmulator.MeEmulator.StartAsync(new MeEmulator.MeEmulatorOptions { ApiKey = Key });

    public async Task DisposeAsync()
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Delegate_overload_registers_through_the_factory_binds_options_and_runs_chained_handlers()
    {
        var seen = new RecordingHandler.Log();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddMeClient(o =>
        {
            o.BaseAddress = Emulator.BaseAddress;
            o.ApiKey = Emulator.ApiKey;
        });
        builder.AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptions<MeClientOptions>>().Value;
        Assert.Equal(Emulator.BaseAddress, options.BaseAddress);
        Assert.Equal(Key, options.ApiKey);

        var client = provider.GetRequiredService<IMeClient>();
        var me = await client.GetMeAsync();

        Assert.Equal("Camille", me.FirstName);
        AssertHandlerRanAndKeyWasSent(seen, Key);
    }

    [Fact]
    public async Task Configuration_overload_binds_BaseAddress_and_ApiKey_from_a_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataGouv:Me:BaseAddress"] = Emulator.BaseAddress.ToString(),
                ["DataGouv:Me:ApiKey"] = Key,
            })
            .Build();
        var seen = new RecordingHandler.Log();
        var services = new ServiceCollection();
        services.AddMeClient(configuration.GetSection("DataGouv:Me"))
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptions<MeClientOptions>>().Value;
        Assert.Equal(Emulator.BaseAddress, options.BaseAddress);
        Assert.Equal(Key, options.ApiKey);

        var me = await provider.GetRequiredService<IMeClient>().GetMeAsync();

        Assert.Equal("Camille", me.FirstName);
        AssertHandlerRanAndKeyWasSent(seen, Key);
    }

    [Fact]
    public void Configuration_overload_leaves_missing_keys_at_their_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Other"] = "x" }).Build();
        var services = new ServiceCollection();
        services.AddMeClient(configuration.GetSection("MeClient"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MeClientOptions>>().Value;

        Assert.Null(options.BaseAddress);
        Assert.Null(options.ApiKey);
    }

    [Fact]
    public void Configuration_overload_rejects_a_relative_BaseAddress()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BaseAddress"] = "api/1", ["ApiKey"] = Key })
            .Build();
        var services = new ServiceCollection();
        services.AddMeClient(configuration);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<MeClientOptions>>().Value);
        Assert.Contains("BaseAddress", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_DI_surface_is_the_generated_one()
    {
        // Guards against a silently missing generator output: both overloads exist and return IHttpClientBuilder.
        var methods = typeof(MeClientServiceCollectionExtensions).GetMethods().Where(m => m.Name == "AddMeClient").ToList();
        Assert.Equal(2, methods.Count);
        Assert.All(methods, m => Assert.Equal(typeof(IHttpClientBuilder), m.ReturnType));
        Assert.Contains(methods, m => m.GetParameters()[1].ParameterType == typeof(IConfiguration));
    }

    private void AssertHandlerRanAndKeyWasSent(RecordingHandler.Log seen, string key)
    {
        var request = Assert.Single(seen.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.EndsWith("/api/1/me/", request.Uri, StringComparison.Ordinal);
        Assert.Equal(key, request.ApiKey);
        var received = Assert.Single(Emulator.Requests);
        Assert.Equal("GET", received.Method);
        Assert.True(received.Headers.TryGetValue("X-API-KEY", out var sent), "X-API-KEY was not sent");
        Assert.Equal(key, sent);
    }

    /// <summary>A handler chained through IHttpClientBuilder: it records every request that goes through it.</summary>
    private sealed class RecordingHandler(RecordingHandler.Log log) : DelegatingHandler
    {
        public sealed class Log
        {
            private readonly List<(HttpMethod Method, string Uri, string? ApiKey)> _requests = [];

            public IReadOnlyList<(HttpMethod Method, string Uri, string? ApiKey)> Requests
            {
                get { lock (_requests) { return _requests.ToList(); } }
            }

            public void Add(HttpRequestMessage request)
            {
                var key = request.Headers.TryGetValues("X-API-KEY", out var values) ? string.Join(",", values) : null;
                lock (_requests) { _requests.Add((request.Method, request.RequestUri?.ToString() ?? "", key)); }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
