using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>Small helpers that write JSON the way udata/flask-restx does (dates, nulls, response bodies).</summary>
internal static class JsonOut
{
    /// <summary>
    /// Python's <c>datetime.isoformat()</c> on an aware UTC datetime: microseconds only when non-zero,
    /// and always a "+00:00" offset (never "Z"), which is what udata's ISODateTime emits.
    /// </summary>
    public static string IsoDate(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }

    public static void WriteDate(this Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v) w.WriteString(name, IsoDate(v));
        else w.WriteNull(name);
    }

    /// <summary>A date-only value as udata sends it (<c>date.isoformat()</c>): "2015-01-01", no time, no offset.</summary>
    public static void WritePlainDate(this Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } v) w.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull(name);
    }

    /// <summary>Writes a string, or an explicit JSON null: udata sends absent values as null, it does not omit them.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    /// <summary>
    /// Raw UTF-8 for accents and no "\u002B" for the '+' of "+00:00": the default encoder's HTML-safe escaping would
    /// produce valid but unrealistic JSON that naive string assertions (and humans reading recordings) trip over.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Message(string message) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static async Task WriteAsync(HttpContext ctx, int status, byte[] body, string contentType = "application/json")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteMessageAsync(HttpContext ctx, int status, string message) =>
        WriteAsync(ctx, status, Message(message));

    /// <summary>A marshalled 2xx answer: honours the X-Fields mask like flask-restx does.</summary>
    public static Task WriteMarshalledAsync(HttpContext ctx, int status, byte[] body) =>
        WriteAsync(ctx, status, FieldMask.Apply(ctx.Request.Headers["X-Fields"].ToString(), body));
}
