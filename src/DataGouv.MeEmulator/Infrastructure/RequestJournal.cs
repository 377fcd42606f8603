using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// Records every request (before any handler runs, so even 401/404/overridden ones are kept) and exposes a
/// thread-safe snapshot in arrival order.
/// </summary>
internal sealed class RequestJournal
{
    private const string ItemKey = "DataGouv.MeEmulator.RecordedRequest";
    private readonly object _sync = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_sync) { return _requests.ToArray(); }
    }

    public RecordedRequest? Last()
    {
        lock (_sync) { return _requests.Count == 0 ? null : _requests[^1]; }
    }

    public void Clear()
    {
        lock (_sync) { _requests.Clear(); }
    }

    /// <summary>The record of the current request, for handlers that need the parsed multipart parts.</summary>
    public static RecordedRequest Current(HttpContext ctx) => (RecordedRequest)ctx.Items[ItemKey]!;

    public async Task RecordAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        // Buffer so the body can be both recorded and read again by the handler.
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, ctx.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        var body = copy.ToArray();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers) headers[name] = values.ToString();

        var parts = await ParsePartsAsync(request.ContentType, body, ctx.RequestAborted).ConfigureAwait(false);
        var record = new RecordedRequest(
            request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, request.ContentType, parts);

        ctx.Items[ItemKey] = record;
        lock (_sync) { _requests.Add(record); }
    }

    private static async Task<IReadOnlyList<RecordedPart>> ParsePartsAsync(string? contentType, byte[] body, CancellationToken ct)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return [];

        var parts = new List<RecordedPart>();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            while (await reader.ReadNextSectionAsync(ct).ConfigureAwait(false) is { } section)
            {
                string name = "", fileName = "";
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                        ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                }
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, ct).ConfigureAwait(false);
                parts.Add(new RecordedPart(name, fileName.Length == 0 ? null : fileName, section.ContentType, content.ToArray()));
            }
        }
        catch (IOException)
        {
            // A malformed multipart body is recorded with the parts read so far; the handler answers 400.
        }
        return parts;
    }
}
