using System.Text.Json;
using System.Text.Json.Nodes;
using DataGouv.MeEmulator.Fixtures;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DataGouv.MeEmulator.Endpoints;

/// <summary>GET/PUT/DELETE /me/ (get_me, update_me, delete_me).</summary>
internal static class ProfileEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet(Routes.Me, ctx => JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, ProfileJson.Me(state)));
        app.MapPut(Routes.Me, ctx => UpdateAsync(ctx, state));
        app.MapDelete(Routes.Me, ctx =>
        {
            state.MarkDeleted(DateTimeOffset.UtcNow);
            ctx.Response.StatusCode = StatusCodes.Status204NoContent; // empty body, like udata's `return "", 204`
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// 9.2.4 validates with UserProfileForm, 17.6 with patch_and_save over User's write fields: on both only first_name,
    /// last_name, email, website and about are honoured; anything else (e.g. "active": false) is ignored, and left-out
    /// fields keep their current values. A string "avatar" is ignored too (9.2.4: the form field is an upload subform
    /// that never reads it; 17.6: avatar is read-only); the avatar changes only through the upload.
    /// </summary>
    private static async Task UpdateAsync(HttpContext ctx, EmulatorState state)
    {
        if (!MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorsAsync(ctx, new() { ["Content-Type"] = "expecting application/json" }).ConfigureAwait(false);
            return;
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(RequestJournal.Current(ctx).Body) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            await JsonOut.WriteMessageAsync(ctx, StatusCodes.Status400BadRequest,
                "The browser (or proxy) sent a request that this server could not understand.").ConfigureAwait(false);
            return;
        }

        var errors = new Dictionary<string, object>();
        var firstName = RequiredName(body, "first_name", errors);
        var lastName = RequiredName(body, "last_name", errors);
        var email = Email(body, errors);
        var (hasWebsite, website) = Optional(body, "website");
        if (hasWebsite && !string.IsNullOrEmpty(website)
            && !(website.StartsWith("http://", StringComparison.Ordinal) || website.StartsWith("https://", StringComparison.Ordinal)))
        {
            errors["website"] = new[] { "Invalid URL." };
        }
        var (hasAbout, about) = Optional(body, "about");

        if (errors.Count > 0)
        {
            await WriteErrorsAsync(ctx, errors).ConfigureAwait(false);
            return;
        }

        lock (state.Sync)
        {
            if (firstName is not null) state.FirstName = firstName;
            if (lastName is not null) state.LastName = lastName;
            if (email is not null) state.Email = email;
            if (hasWebsite) state.Website = website;
            if (hasAbout) state.About = about;
        }
        await JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, ProfileJson.Me(state)).ConfigureAwait(false);
    }

    private static string? RequiredName(JsonObject body, string key, Dictionary<string, object> errors)
    {
        if (!body.TryGetPropertyValue(key, out var node)) return null; // left out: keep the current value
        var value = AsString(node);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[key] = new[] { "This field is required." };
            return null;
        }
        if (value.Contains("http://", StringComparison.OrdinalIgnoreCase) || value.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            errors[key] = new[] { "URLs not allowed in this field" };
            return null;
        }
        return value;
    }

    private static string? Email(JsonObject body, Dictionary<string, object> errors)
    {
        if (!body.TryGetPropertyValue("email", out var node)) return null;
        var value = AsString(node);
        var at = value?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (value is null || at <= 0 || at == value.Length - 1)
        {
            errors["email"] = new[] { "Invalid email address." };
            return null;
        }
        return value;
    }

    private static (bool Present, string? Value) Optional(JsonObject body, string key) =>
        body.TryGetPropertyValue(key, out var node) ? (true, AsString(node)) : (false, null);

    private static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static Task WriteErrorsAsync(HttpContext ctx, Dictionary<string, object> errors) =>
        JsonOut.WriteAsync(ctx, StatusCodes.Status400BadRequest, JsonOut.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("errors");
            foreach (var (field, error) in errors)
            {
                // udata answers a plain string for the Content-Type check and a list of messages per form field.
                if (error is string[] messages)
                {
                    w.WriteStartArray(field);
                    foreach (var m in messages) w.WriteStringValue(m);
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteString(field, error.ToString());
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }));
}
