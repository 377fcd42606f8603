using System.Text.Json;
using DataGouv.MeEmulator.Fixtures;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Endpoints;

/// <summary>
/// udata 15+'s organization invitations: GET /me/org_invitations/ (pending ones), POST .../{id}/accept/ and
/// .../{id}/refuse/ (200 {"message"}; 400 when no longer pending; 404 for an unknown id).
/// </summary>
internal static class InvitationEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet(Routes.OrgInvitations, ctx =>
        {
            InvitationRecord[] pending;
            lock (state.Sync) { pending = state.Invitations.Where(i => i.Status == "pending").ToArray(); }
            return JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, JsonOut.Build(w =>
            {
                w.WriteStartArray();
                foreach (var i in pending) Write(w, i);
                w.WriteEndArray();
            }));
        });

        app.MapPost(Routes.OrgInvitations + "{id}/accept/", ctx => HandleAsync(ctx, state, accept: true));
        app.MapPost(Routes.OrgInvitations + "{id}/refuse/", ctx => HandleAsync(ctx, state, accept: false));
    }

    private static Task HandleAsync(HttpContext ctx, EmulatorState state, bool accept)
    {
        var id = ctx.Request.RouteValues["id"] as string ?? "";
        int status;
        string message;
        lock (state.Sync)
        {
            var invitation = state.FindInvitation(id);
            if (invitation is null) (status, message) = (StatusCodes.Status404NotFound, "Invitation not found");
            else if (invitation.Status != "pending") (status, message) = (StatusCodes.Status400BadRequest, "Invitation is not pending");
            else
            {
                state.SetInvitationStatus(invitation.Id, accept ? "accepted" : "refused");
                if (accept) state.JoinedOrganizationIds.Add(ReferenceFixtures.OtherOrg.Id);
                (status, message) = (StatusCodes.Status200OK, accept ? "Invitation accepted" : "Invitation refused");
            }
        }
        return JsonOut.WriteMessageAsync(ctx, status, message);
    }

    private static void Write(Utf8JsonWriter w, InvitationRecord i)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WritePropertyName("organization");
        ReferenceFixtures.WriteOrganization(w, ReferenceFixtures.OtherOrg);
        w.WriteString("role", i.Role);
        w.WriteStringOrNull("comment", i.Comment);
        w.WriteDate("created", i.Created);
        w.WriteStartArray("assignments");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
