using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;

namespace DataGouv.Generated.Tests.Behaviour;

/// <summary>
/// One activity and one duration measure per operation, from the source and meter named <see cref="MeClient.TelemetryName"/>,
/// with OpenTelemetry's HTTP client attributes and never a secret or a query value. Listeners are process-wide and
/// other test classes call the same client at the same time: each test keeps only what carries its own server port.
/// </summary>
public sealed class TelemetryTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string SecretQuery = "query-value-that-must-not-leak";

    private readonly EmulatorFixture _fx;
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measures = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MeClient.TelemetryName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MeClient.TelemetryName) listener.EnableMeasurementEvents(instrument);
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measures.Enqueue((instrument.Name, value, tags.ToArray())));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private List<Activity> Mine(int port) => _activities.Where(a => a.GetTagItem("server.port") is int p && p == port).ToList();

    private List<KeyValuePair<string, object?>[]> MyMeasures(int port) =>
        _measures.Where(m => m.Tags.Any(t => t.Key == "server.port" && t.Value is int p && p == port)).Select(m =>
        {
            Assert.Equal("http.client.operation.duration", m.Instrument);
            Assert.True(m.Value >= 0);
            return m.Tags;
        }).ToList();

    private static object? Tag(KeyValuePair<string, object?>[] tags, string key) => tags.FirstOrDefault(t => t.Key == key).Value;

    [Fact]
    public async Task One_activity_per_operation_with_the_http_client_attributes()
    {
        var port = _fx.Emulator.BaseAddress.Port;

        var datasets = await _fx.Client().MyOrgDatasetsAsync(q: SecretQuery, xFields: "id,title");

        var activity = Assert.Single(Mine(port));
        Assert.Equal("my_org_datasets", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("/me/org_datasets/", activity.GetTagItem("url.template"));
        Assert.Equal(_fx.Emulator.BaseAddress.Host, activity.GetTagItem("server.address"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);

        var tags = Assert.Single(MyMeasures(port));
        Assert.Equal("my_org_datasets", Tag(tags, "operation.name"));
        Assert.Equal("GET", Tag(tags, "http.request.method"));
        Assert.Equal(200, Tag(tags, "http.response.status_code"));
    }

    [Fact]
    public async Task The_api_key_and_query_values_appear_in_no_tag()
    {
        var port = _fx.Emulator.BaseAddress.Port;
        var client = _fx.Client();

        await client.GetMeAsync();
        await client.MyOrgDatasetsAsync(q: SecretQuery);
        await foreach (var _ in client.MyOrgReusesStreamAsync(q: SecretQuery))
        {
        }
        await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client("wrong-" + EmulatorFixture.Key).MyOrgDatasetsAsync(q: SecretQuery));

        var activities = Mine(port);
        var measures = MyMeasures(port);
        Assert.Equal(4, activities.Count);
        Assert.Equal(4, measures.Count);
        var texts = activities.SelectMany(a => a.TagObjects.Select(t => t.Key + "=" + t.Value).Append(a.DisplayName).Append(a.StatusDescription ?? ""))
            .Concat(measures.SelectMany(m => m.Select(t => t.Key + "=" + t.Value)))
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(EmulatorFixture.Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretQuery, text, StringComparison.Ordinal);
            Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(404, "/me/reuses/")]
    [InlineData(500, "/me/metrics/")]
    public async Task An_error_status_is_the_error_type(int status, string path)
    {
        var port = _fx.Emulator.BaseAddress.Port;
        _fx.Emulator.Override("GET", path, status, """{"message":"no"}""");

        await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            if (path == "/me/reuses/") await _fx.Client().MyReusesAsync();
            else await _fx.Client().MyMetricsAsync();
        });

        var activity = Assert.Single(Mine(port));
        Assert.Equal(status, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(status.ToString(), activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        var tags = Assert.Single(MyMeasures(port));
        Assert.Equal(status.ToString(), Tag(tags, "error.type"));
        Assert.Equal(status, Tag(tags, "http.response.status_code"));
    }

    [Fact]
    public async Task A_network_failure_is_the_error_type_with_no_status()
    {
        // A port nobody listens on: the connection is refused.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var http = new HttpClient();
        var client = new MeClient(http, new MeClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/1"), ApiKey = EmulatorFixture.Key });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetMeAsync());

        var activity = Assert.Single(Mine(port));
        Assert.Equal("get_me", activity.DisplayName);
        Assert.Equal("connection_error", activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        var tags = Assert.Single(MyMeasures(port));
        Assert.Equal("connection_error", Tag(tags, "error.type"));
        Assert.Null(Tag(tags, "http.response.status_code"));
    }

    [Fact]
    public async Task A_broken_body_is_the_error_type_of_a_json_failure()
    {
        var port = _fx.Emulator.BaseAddress.Port;
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, """[{"id": 42}]""");

        await Assert.ThrowsAsync<ApiJsonException>(async () =>
        {
            await foreach (var _ in _fx.Client().MyOrgDatasetsStreamAsync())
            {
            }
        });

        var activity = Assert.Single(Mine(port));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(ApiJsonException).FullName, activity.GetTagItem("error.type"));
    }

    [Fact]
    public async Task The_http_client_request_is_a_child_of_the_operation()
    {
        var port = _fx.Emulator.BaseAddress.Port;
        var children = new ConcurrentQueue<Activity>();
        using var httpListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = children.Enqueue,
        };
        ActivitySource.AddActivityListener(httpListener);

        await _fx.Client().GetMeAsync();

        var operation = Assert.Single(Mine(port));
        Assert.Contains(children, c => c.ParentSpanId == operation.SpanId && c.TraceId == operation.TraceId);
    }
}
