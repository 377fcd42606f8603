using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using DataGouv.Client.Runtime;

namespace DataGouv.Client.Tests;

/// <summary>The mechanics of <see cref="ClientTelemetry"/>: nothing is created unless someone listens to this very name.</summary>
public class ClientTelemetryTests
{
    private static string UniqueName() => "DataGouv.Client.Tests.Telemetry" + Guid.NewGuid().ToString("N");

    [Fact]
    public void Nothing_is_allocated_when_nobody_listens_to_this_name()
    {
        var name = UniqueName();
        var telemetry = new ClientTelemetry(name);
        Assert.Null(telemetry.Start("op", "GET", "/x"));

        // Listeners of other sources and meters do not count.
        using var activities = new ActivityListener { ShouldListenTo = s => s.Name == "someone.else", Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == "someone.else") l.EnableMeasurementEvents(i); } };
        meters.Start();
        Assert.Null(telemetry.Start("op", "GET", "/x"));
    }

    [Fact]
    public void A_meter_listener_alone_gets_a_duration_with_the_operation_and_status()
    {
        var name = UniqueName();
        var telemetry = new ClientTelemetry(name);
        var recorded = new List<(double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == name) l.EnableMeasurementEvents(i); } };
        meters.SetMeasurementEventCallback<double>((i, value, tags, _) => recorded.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meters.Start();

        using (var op = telemetry.Start("get_thing", "GET", "/things/{id}"))
        {
            Assert.NotNull(op);
            Assert.Null(op.Activity);
            OperationTelemetry.SetServer(op, new Uri("https://api.example.org:8443/things/42?secret=1"));
            OperationTelemetry.SetResponse(op, new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var (value, tags) = Assert.Single(recorded);
        Assert.True(value >= 0);
        Assert.Equal("get_thing", tags["operation.name"]);
        Assert.Equal("GET", tags["http.request.method"]);
        Assert.Equal("/things/{id}", tags["url.template"]);
        Assert.Equal("api.example.org", tags["server.address"]);
        Assert.Equal(8443, tags["server.port"]);
        Assert.Equal(404, tags["http.response.status_code"]);
        Assert.Equal("404", tags["error.type"]);
    }

    [Fact]
    public void The_first_failure_is_the_error_type_and_the_activity_is_an_error()
    {
        var name = UniqueName();
        var telemetry = new ClientTelemetry(name);
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using (var op = telemetry.Start("get_thing", "GET", "/things/{id}"))
        {
            Assert.False(OperationTelemetry.Fail(op, new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
            OperationTelemetry.Fail(op, new InvalidOperationException());
        }

        var activity = Assert.Single(stopped);
        Assert.Equal("get_thing", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("connection_error", activity.GetTagItem("error.type"));
    }
}
