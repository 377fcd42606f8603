using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// What udata does before a /me handler runs: Werkzeug's strict-slash routing (308 to the slashed URL, 404 for an
/// unknown path such as "/me/apikey/" in v9) and then authentication (X-API-KEY must be the current key of an
/// undeleted user, otherwise 401 with WWW-Authenticate: Bearer realm="uData").
/// </summary>
internal static class MeGate
{
    public static async Task<bool> TryRejectAsync(HttpContext ctx, EmulatorState state)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (!path.StartsWith(Routes.Prefix + "/me", StringComparison.Ordinal)) return false;

        if (!Routes.All.Contains(path))
        {
            if (Routes.All.Contains(path + "/"))
            {
                ctx.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                ctx.Response.Headers.Location = path + "/" + ctx.Request.QueryString.Value;
                return true;
            }
            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status404NotFound,
                "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.")
                .ConfigureAwait(false);
            return true;
        }

        var sent = ctx.Request.Headers["X-API-KEY"].ToString();
        bool ok;
        lock (state.Sync)
        {
            ok = !string.IsNullOrEmpty(state.ApiKey) && string.Equals(sent, state.ApiKey, StringComparison.Ordinal) && !state.IsDeleted;
        }
        if (ok) return false;

        ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"uData\"";
        await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status401Unauthorized, "Invalid API Key").ConfigureAwait(false);
        return true;
    }
}
