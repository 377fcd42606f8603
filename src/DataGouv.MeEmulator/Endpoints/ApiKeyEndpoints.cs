using System.Security.Cryptography;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Endpoints;

/// <summary>POST/DELETE /me/apikey (generate_apikey answers 201 with a body; clear_apikey 204).</summary>
internal static class ApiKeyEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost(Routes.ApiKey, ctx =>
        {
            var key = NewKey();
            lock (state.Sync) { state.ApiKey = key; } // the old key stops working immediately
            return JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status201Created, JsonOut.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("apikey", key);
                w.WriteEndObject();
            }));
        });

        app.MapDelete(Routes.ApiKey, ctx =>
        {
            lock (state.Sync) { state.ApiKey = null; }
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    /// <summary>udata's keys are HS512 JWS strings; this mimics the three dot-separated base64url segments.</summary>
    internal static string NewKey() =>
        "eyJhbGciOiJIUzUxMiJ9." + Base64Url(RandomNumberGenerator.GetBytes(27)) + "." + Base64Url(RandomNumberGenerator.GetBytes(64));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
