using System.Net;
using System.Text.Json;
using DataGouv.MeEmulator.Endpoints;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataGouv.MeEmulator;

/// <summary>
/// An in-process emulator of data.gouv.fr's <c>/api/1/me</c> namespace on 127.0.0.1, answering as the udata release
/// <see cref="MeEmulatorOptions.Generation"/> names (9.2.4 or 17.6).
/// Start one per test (or per fixture), point a client at <see cref="BaseAddress"/>, and dispose it at the end.
/// </summary>
public sealed class MeEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestJournal _journal;
    private readonly OverrideRegistry _overrides;
    private readonly CancellationTokenSource _lifetime;
    private int _disposed;

    private MeEmulator(WebApplication app, RequestJournal journal, OverrideRegistry overrides, CancellationTokenSource lifetime, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _journal = journal;
        _overrides = overrides;
        _lifetime = lifetime;
        State = state;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. <c>http://127.0.0.1:12345/api/1/</c> (always ends with '/', so relative "me/" resolves under it).</summary>
    public Uri BaseAddress { get; }

    /// <summary>9.2.4: the currently valid key (changes after generate_apikey, empty after clear_apikey). 17.6: the initial token.</summary>
    public string ApiKey
    {
        get { lock (State.Sync) { return State.ApiKey ?? ""; } }
    }

    /// <summary>Thread-safe snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    public RecordedRequest LastRequest =>
        _journal.Last() ?? throw new InvalidOperationException("The emulator has not received any request yet.");

    public EmulatorState State { get; }

    /// <summary>The udata release this emulator answers as.</summary>
    public UdataGeneration Generation => State.Generation;

    public static async Task<MeEmulator> StartAsync(MeEmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new MeEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.OrgDatasetCount);
        if (!Enum.IsDefined(options.Generation)) throw new ArgumentOutOfRangeException(nameof(options), $"Unknown generation {options.Generation}.");

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MeEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Tests and demos own the console: no log output, no Ctrl+C hooks.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddWireCompression();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        var state = new EmulatorState(options);
        var journal = new RequestJournal();
        var overrides = new OverrideRegistry();
        var lifetime = new CancellationTokenSource();

        app.UseWireCompression();
        // Order matters: record everything first, then canned answers, then udata's routing/auth rules, then handlers.
        app.Use(async (ctx, next) =>
        {
            await journal.RecordAsync(ctx).ConfigureAwait(false);
            if (await overrides.TryHandleAsync(ctx, lifetime.Token).ConfigureAwait(false)) return;
            if (await MeGate.TryRejectAsync(ctx, state).ConfigureAwait(false)) return;
            await next(ctx).ConfigureAwait(false);
        });
        app.UseRouting();

        ProfileEndpoints.Map(app, state);
        AvatarEndpoints.Map(app, state);
        ListEndpoints.Map(app, state);
        if (options.Generation.HasApiKey()) ApiKeyEndpoints.Map(app, state);
        if (options.Generation.HasApiTokens())
        {
            ApiTokenEndpoints.Map(app, state);
            InvitationEndpoints.Map(app, state);
        }

        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}{Routes.Prefix}/");
        return new MeEmulator(app, journal, overrides, lifetime, state, baseAddress);
    }

    public void ClearRequests() => _journal.Clear();

    /// <summary>
    /// Answers the next (<paramref name="once"/>) or every matching request with a canned response, before auth and the
    /// normal handlers. <paramref name="path"/> may be given with or without the "/api/1" prefix ("/me/" or "/api/1/me/");
    /// its trailing slash must match exactly. <paramref name="method"/> may be "*". A null body sends no content.
    /// A <paramref name="delay"/> is cut short when the client disconnects or the emulator is disposed.
    /// <paramref name="headers"/> are added to the response (e.g. a Location for a redirect).
    /// </summary>
    public void Override(string method, string path, int status, string? body, string contentType = "application/json", TimeSpan delay = default, bool once = true,
        IReadOnlyDictionary<string, string>? headers = null) =>
        _overrides.Add(method, path, status, body, contentType, delay, once, headers);

    /// <summary>Drops every pending override (e.g. persistent ones).</summary>
    public void ClearOverrides() => _overrides.Clear();

    public void SetOrgDatasetCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (State.Sync) { State.OrgDatasetCount = count; }
    }

    /// <summary>Makes <paramref name="key"/> the valid API key again (e.g. after a test cleared or regenerated it).</summary>
    public void ResetApiKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        State.ResetApiKey(key);
    }

    /// <summary>Restores the initial profile, undoing PUT /me/, avatar uploads and DELETE /me/ (the key is left as is).</summary>
    public void ResetProfile() => State.ResetProfile();

    /// <summary>
    /// Appends a verbatim dataset object to /me/datasets/ and /me/org_datasets/ (after the fixtures), e.g. one with a
    /// frequency the spec does not list. It must be a single JSON object.
    /// </summary>
    public void AddRawDataset(string json)
    {
        using (var doc = JsonDocument.Parse(json))
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentException("A raw dataset must be a JSON object.", nameof(json));
        }
        State.AddRawDataset(json);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Release delayed overrides first so StopAsync does not wait for them.
        await _lifetime.CancelAsync().ConfigureAwait(false);
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
    }
}
