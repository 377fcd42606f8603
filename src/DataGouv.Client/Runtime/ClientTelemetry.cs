using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataGouv.Client.Runtime;

/// <summary>
/// The traces and metrics of one generated client type: an <see cref="ActivitySource"/> and a <see cref="Meter"/>,
/// both named after the client (its full type name, the client's <c>TelemetryName</c>). One static instance per
/// client type. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientTelemetry
{
    /// <summary>The name of the duration histogram.</summary>
    /// <remarks>
    /// Shaped like OpenTelemetry's <c>http.client.request.duration</c> (seconds, same attribute names) but per
    /// operation: one operation can take several HTTP requests (a redirect followed), and System.Net.Http already
    /// publishes <c>http.client.request.duration</c> per request under its own meter; the same name for a different
    /// measure would collide in exporters that key metrics by name alone (Prometheus).
    /// </remarks>
    public const string DurationName = "http.client.operation.duration";

    internal readonly ActivitySource Source;
    internal readonly Histogram<double> Duration;

    /// <summary>Creates the source and the meter named <paramref name="name"/>.</summary>
    public ClientTelemetry(string name)
    {
        var version = typeof(ClientTelemetry).Assembly.GetName().Version?.ToString();
        Source = new ActivitySource(name, version);
        var meter = new Meter(name, version);
        Duration = meter.CreateHistogram<double>(DurationName, "s", "Duration of client operations, from the first byte sent to the last byte of the response read.");
    }

    /// <summary>
    /// Starts observing one operation; null (nothing allocated) when no listener wants the activity or the
    /// histogram. <paramref name="operation"/> is the spec's operationId, <paramref name="urlTemplate"/> its path
    /// with the {parameters} unfilled: never a value a caller passed.
    /// </summary>
    public OperationTelemetry? Start(string operation, string method, string urlTemplate)
    {
        var tracing = Source.HasListeners();
        if (!tracing && !Duration.Enabled) return null;
        Activity? activity = null;
        if (tracing)
        {
            activity = Source.StartActivity(operation, ActivityKind.Client);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(OperationTelemetry.MethodTag, method);
                activity.SetTag(OperationTelemetry.UrlTemplateTag, urlTemplate);
            }
        }
        return new OperationTelemetry(this, activity, operation, method, urlTemplate);
    }
}
