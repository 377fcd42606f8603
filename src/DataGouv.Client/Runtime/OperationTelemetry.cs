using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;

namespace DataGouv.Client.Runtime;

/// <summary>
/// One operation being observed: its activity (if traced) and its start time (for the histogram). Created by
/// <see cref="ClientTelemetry.Start"/> only when someone listens; the static helpers accept null for the case
/// where nobody does. Tags follow OpenTelemetry's HTTP client conventions and never hold a URL, a query value or
/// a header: only the method, the spec's path template, the server's host and port, the status and the error type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OperationTelemetry : IDisposable
{
    internal const string OperationTag = "operation.name";
    internal const string MethodTag = "http.request.method";
    internal const string UrlTemplateTag = "url.template";
    internal const string ServerAddressTag = "server.address";
    internal const string ServerPortTag = "server.port";
    internal const string StatusTag = "http.response.status_code";
    internal const string ErrorTypeTag = "error.type";

    private readonly ClientTelemetry _owner;
    private readonly Activity? _activity;
    private readonly string _operation;
    private readonly string _method;
    private readonly string _urlTemplate;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _serverAddress;
    private int _serverPort;
    private int _status;
    private string? _errorType;
    private bool _disposed;

    internal OperationTelemetry(ClientTelemetry owner, Activity? activity, string operation, string method, string urlTemplate)
    {
        _owner = owner;
        _activity = activity;
        _operation = operation;
        _method = method;
        _urlTemplate = urlTemplate;
    }

    /// <summary>The activity of this operation, when it is traced (for tests and enrichment).</summary>
    public Activity? Activity => _activity;

    /// <summary>Records the server the request goes to: host and port only, never the path or the query.</summary>
    public static void SetServer(OperationTelemetry? telemetry, Uri? uri)
    {
        if (telemetry is null || uri is null || !uri.IsAbsoluteUri) return;
        telemetry._serverAddress = uri.Host;
        telemetry._serverPort = uri.Port;
        if (telemetry._activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(ServerAddressTag, uri.Host);
            activity.SetTag(ServerPortTag, uri.Port);
        }
    }

    /// <summary>Records the response status; a 4xx or 5xx is the operation's error type, as OpenTelemetry says.</summary>
    public static void SetResponse(OperationTelemetry? telemetry, HttpResponseMessage response)
    {
        if (telemetry is null) return;
        var status = (int)response.StatusCode;
        telemetry._status = status;
        telemetry._activity?.SetTag(StatusTag, status);
        if (status >= 400) telemetry.SetError(status.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Records a failure (the first one wins: a 404 stays "404" when its ApiException passes by). Always false, to
    /// be used as an exception filter that observes without catching.
    /// </summary>
    public static bool Fail(OperationTelemetry? telemetry, Exception exception)
    {
        telemetry?.SetError(ErrorType(exception));
        return false;
    }

    private void SetError(string errorType)
    {
        if (_errorType is not null) return;
        _errorType = errorType;
        if (_activity is { } activity)
        {
            activity.SetTag(ErrorTypeTag, errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>What OpenTelemetry calls the error type: HttpClient's error kind for a network failure, else the exception type.</summary>
    private static string ErrorType(Exception exception) => exception is HttpRequestException http ? http.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "name_resolution_error",
        HttpRequestError.ConnectionError => "connection_error",
        HttpRequestError.SecureConnectionError => "secure_connection_error",
        HttpRequestError.HttpProtocolError => "http_protocol_error",
        HttpRequestError.ExtendedConnectNotSupported => "extended_connect_not_supported",
        HttpRequestError.VersionNegotiationError => "version_negotiation_error",
        HttpRequestError.UserAuthenticationError => "user_authentication_error",
        HttpRequestError.ProxyTunnelError => "proxy_tunnel_error",
        HttpRequestError.InvalidResponse => "invalid_response",
        HttpRequestError.ResponseEnded => "response_ended",
        HttpRequestError.ConfigurationLimitExceeded => "configuration_limit_exceeded",
        _ => exception.GetType().FullName!,
    } : exception.GetType().FullName!;

    /// <summary>Ends the activity and records the duration, once.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        // No response and no failure seen: something failed before the request was sent (OpenTelemetry's fallback).
        if (_status == 0) SetError("_OTHER");
        _activity?.Dispose();
        var duration = _owner.Duration;
        if (!duration.Enabled) return;
        var tags = new TagList
        {
            { OperationTag, _operation },
            { MethodTag, _method },
            { UrlTemplateTag, _urlTemplate },
        };
        if (_serverAddress is not null)
        {
            tags.Add(ServerAddressTag, _serverAddress);
            tags.Add(ServerPortTag, _serverPort);
        }
        if (_status != 0) tags.Add(StatusTag, _status);
        if (_errorType is not null) tags.Add(ErrorTypeTag, _errorType);
        duration.Record(elapsed, tags);
    }
}
