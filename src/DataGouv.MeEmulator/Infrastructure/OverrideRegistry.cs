using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// Canned answers for error-path tests (4xx/5xx, HTML bodies, truncated JSON, slow answers). They are matched
/// before authentication and the normal handlers, first registered first served; one-shot entries are consumed.
/// </summary>
internal sealed class OverrideRegistry
{
    private sealed record Entry(string Method, string Path, int Status, string? Body, string ContentType, TimeSpan Delay, bool Once, IReadOnlyDictionary<string, string>? Headers);

    private readonly object _sync = new();
    private readonly List<Entry> _entries = [];

    /// <param name="path">"/me/" or "/api/1/me/" (both mean the same); the trailing slash must match exactly. Query strings are ignored.</param>
    /// <param name="method">An HTTP method, or "*" for any.</param>
    public void Add(string method, string path, int status, string? body, string contentType, TimeSpan delay, bool once, IReadOnlyDictionary<string, string>? headers)
    {
        lock (_sync) { _entries.Add(new Entry(method.ToUpperInvariant(), Normalize(path), status, body, contentType, delay, once, headers)); }
    }

    public void Clear()
    {
        lock (_sync) { _entries.Clear(); }
    }

    /// <returns>True when an override answered the request.</returns>
    public async Task<bool> TryHandleAsync(HttpContext ctx, CancellationToken lifetime)
    {
        Entry? match = null;
        var path = ctx.Request.Path.Value ?? "";
        lock (_sync)
        {
            var i = _entries.FindIndex(e =>
                (e.Method == "*" || e.Method.Equals(ctx.Request.Method, StringComparison.OrdinalIgnoreCase))
                && e.Path.Equals(path, StringComparison.Ordinal));
            if (i >= 0)
            {
                match = _entries[i];
                if (match.Once) _entries.RemoveAt(i);
            }
        }
        if (match is null) return false;

        if (match.Delay > TimeSpan.Zero)
        {
            // Cancelled by the client hanging up (cancellation tests) or by the emulator shutting down.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, lifetime);
            try
            {
                await Task.Delay(match.Delay, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ctx.Abort();
                return true;
            }
        }

        ctx.Response.StatusCode = match.Status;
        if (match.Headers is not null)
        {
            foreach (var (name, value) in match.Headers) ctx.Response.Headers[name] = value;
        }
        if (match.Body is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(match.Body);
            ctx.Response.ContentType = match.ContentType;
            ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
        }
        if (match.Status == StatusCodes.Status401Unauthorized)
            ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"uData\"";
        return true;
    }

    internal static string Normalize(string path)
    {
        var p = path;
        var q = p.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) p = p[..q];
        if (!p.StartsWith('/')) p = "/" + p;
        if (!p.StartsWith(Routes.Prefix + "/", StringComparison.Ordinal) && p != Routes.Prefix) p = Routes.Prefix + p;
        return p;
    }
}
