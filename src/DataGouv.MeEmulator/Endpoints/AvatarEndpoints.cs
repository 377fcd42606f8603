using System.Globalization;
using System.Security.Cryptography;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Endpoints;

/// <summary>POST /me/avatar (9.2.4) or /me/avatar/ (17.6) (multipart: file + optional bbox) and GET /avatars/{name} to serve the upload back.</summary>
internal static class AvatarEndpoints
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/webp"] = "webp",
    };

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost(state.Generation.AvatarPath(), ctx => UploadAsync(ctx, state));
        app.MapGet(Routes.AvatarFiles + "{name}", ctx =>
        {
            var name = ctx.Request.RouteValues["name"] as string;
            byte[]? bytes;
            string? contentType;
            lock (state.Sync)
            {
                var matches = state.Avatar is { } url && name is not null && url.EndsWith("/" + name, StringComparison.Ordinal);
                bytes = matches ? state.AvatarBytes : null;
                contentType = state.AvatarContentType;
            }
            return bytes is null
                ? JsonOut.WriteMessageAsync(ctx, StatusCodes.Status404NotFound, "Not found")
                : JsonOut.WriteAsync(ctx, StatusCodes.Status200OK, bytes, contentType ?? "application/octet-stream");
        });
    }

    private static async Task UploadAsync(HttpContext ctx, EmulatorState state)
    {
        var parts = RequestJournal.Current(ctx).Parts;
        var file = parts.FirstOrDefault(p => p.Name == "file");
        if (file is null)
        {
            // udata does not validate a missing file (it fails with a 500); a 400 is more useful to test against.
            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest, "Missing file").ConfigureAwait(false);
            return;
        }

        var mime = (file.ContentType ?? "").Split(';')[0].Trim();
        if (!Extensions.TryGetValue(mime, out var extension))
        {
            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest, "Unsupported image format").ConfigureAwait(false);
            return;
        }

        var bboxPart = parts.FirstOrDefault(p => p.Name == "bbox");
        string? bbox = bboxPart is null ? null : System.Text.Encoding.UTF8.GetString(bboxPart.Content);
        if (!string.IsNullOrEmpty(bbox) && !IsValidBbox(bbox))
        {
            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest,
                "Invalid bbox: expected 4 comma-separated numbers \"x1,y1,x2,y2\"").ConfigureAwait(false);
            return;
        }

        var baseName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var root = $"{ctx.Request.Scheme}://{ctx.Request.Host}{Routes.AvatarFiles}";
        var image = $"{root}{baseName}-original.{extension}";
        lock (state.Sync)
        {
            state.Avatar = image;
            state.AvatarThumbnail = $"{root}{baseName}-500.{extension}";
            state.AvatarBytes = file.Content;
            state.AvatarContentType = mime;
            state.LastBbox = bbox;
        }

        await JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, JsonOut.Build(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteString("image", image);
            w.WriteEndObject();
        })).ConfigureAwait(false);
    }

    /// <summary>udata does <c>[int(float(c)) for c in bbox.split(",")]</c> and hands 4 values to PIL's crop.</summary>
    internal static bool IsValidBbox(string bbox)
    {
        var items = bbox.Split(',');
        return items.Length == 4 && items.All(i =>
            double.TryParse(i.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d));
    }
}
