using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// What udata does before a /me handler runs: Werkzeug's strict-slash routing (308 to the slashed URL when only that
/// one exists, 404 for a path the generation does not serve, e.g. "/me/apikey/" on 9.2.4 or "/me/apikey" on 17.6) and
/// then authentication (X-API-KEY must be the current key, 9.2.4, or a live API token, 17.6, of an undeleted user;
/// otherwise 401 with WWW-Authenticate: Bearer realm="uData").
/// </summary>
internal static class MeGate
{
    public const string NotFoundMessage =
        "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.";

    public static async Task<bool> TryRejectAsync(HttpContext ctx, EmulatorState state)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (!path.StartsWith(Routes.Prefix + "/me", StringComparison.Ordinal)) return false;

        if (!Routes.Exists(state.Generation, path))
        {
            if (Routes.Exists(state.Generation, path + "/"))
            {
                ctx.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                ctx.Response.Headers.Location = path + "/" + ctx.Request.QueryString.Value;
                return true;
            }
            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status404NotFound, NotFoundMessage).ConfigureAwait(false);
            return true;
        }

        var sent = ctx.Request.Headers["X-API-KEY"].ToString();
        string? failure;
        lock (state.Sync)
        {
            // Deleting the account clears the key (9.2.4) or revokes every token (17.6).
            failure = !state.IsDeleted ? state.Authenticate(sent)
                : state.Generation.HasApiTokens() ? "Revoked API token" : "Invalid API Key";
        }
        if (failure is null) return false;

        ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"uData\"";
        await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status401Unauthorized, failure).ConfigureAwait(false);
        return true;
    }
}
