using System.Security.Cryptography;
using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Endpoints;

/// <summary>
/// udata 16+'s API tokens: GET/POST /me/api_tokens/ (list the live ones, create one: 201 with the plaintext, shown once)
/// and DELETE /me/api_tokens/{id}/ (204; 404 for another user's or an unknown token; 410 when already revoked).
/// </summary>
internal static class ApiTokenEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet(Routes.ApiTokens, ctx =>
        {
            ApiTokenRecord[] live;
            lock (state.Sync) { live = state.ApiTokens.Where(t => t.RevokedAt is null).OrderByDescending(t => t.CreatedAt).ToArray(); }
            return JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, JsonOut.Build(w =>
            {
                w.WriteStartArray();
                foreach (var t in live) Write(w, t, plaintext: false);
                w.WriteEndArray();
            }));
        });

        app.MapPost(Routes.ApiTokens, async ctx =>
        {
            string? name = null;
            string[]? scopes = null;
            DateTimeOffset? expires = null;
            var body = RequestJournal.Current(ctx).Body;
            if (body.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    var root = doc.RootElement;
                    if (root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) name = n.GetString();
                    if (root.TryGetProperty("scopes", out var s) && s.ValueKind == JsonValueKind.Array)
                        scopes = s.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
                    if (root.TryGetProperty("expires_at", out var e) && e.ValueKind == JsonValueKind.String)
                    {
                        if (!DateTimeOffset.TryParse(e.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                        {
                            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest, "Invalid expires_at format").ConfigureAwait(false);
                            return;
                        }
                        if (parsed < DateTimeOffset.UtcNow)
                        {
                            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest, "expires_at must be in the future").ConfigureAwait(false);
                            return;
                        }
                        expires = parsed;
                    }
                }
                catch (JsonException)
                {
                    await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest, "The browser (or proxy) sent a request that this server could not understand.").ConfigureAwait(false);
                    return;
                }
            }
            if (scopes is not null && scopes.Any(s => s != "admin"))
            {
                await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest, "Invalid scope").ConfigureAwait(false);
                return;
            }

            // udata: prefix "udata_" + secrets.token_urlsafe(48); the displayed prefix keeps 8 more characters.
            var plaintext = "udata_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var token = new ApiTokenRecord(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), plaintext, plaintext[..14], name,
                scopes is { Length: > 0 } ? scopes : ["admin"], DateTimeOffset.UtcNow, expires, null, null);
            state.AddToken(token);
            await JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status201Created, JsonOut.Build(w => Write(w, token, plaintext: true))).ConfigureAwait(false);
        });

        app.MapDelete(Routes.ApiTokens + "{id}/", ctx =>
        {
            var id = ctx.Request.RouteValues["id"] as string ?? "";
            int status;
            lock (state.Sync)
            {
                var token = state.FindToken(id);
                if (token is null) status = StatusCodes.Status404NotFound;
                else if (token.RevokedAt is not null) status = StatusCodes.Status410Gone;
                else
                {
                    state.ReplaceToken(token with { RevokedAt = DateTimeOffset.UtcNow });
                    status = StatusCodes.Status204NoContent;
                }
            }
            if (status == StatusCodes.Status204NoContent)
            {
                ctx.Response.StatusCode = status;
                return Task.CompletedTask;
            }
            return JsonOut.WriteMessageAsync(ctx, status, status == StatusCodes.Status404NotFound ? "Token not found" : "Token already revoked");
        });
    }

    private static void Write(Utf8JsonWriter w, ApiTokenRecord t, bool plaintext)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("token_prefix", t.Prefix);
        w.WriteStringOrNull("name", t.Name);
        w.WriteStartArray("scopes");
        foreach (var s in t.Scopes) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteString("kind", "api_key");
        w.WriteDate("created_at", t.CreatedAt);
        w.WriteDate("last_used_at", t.LastUsedAt);
        w.WriteStartArray("user_agents");
        w.WriteEndArray();
        w.WriteDate("revoked_at", t.RevokedAt);
        w.WriteDate("expires_at", t.ExpiresAt);
        if (plaintext) w.WriteString("token", t.Plaintext);
        w.WriteEndObject();
    }
}
