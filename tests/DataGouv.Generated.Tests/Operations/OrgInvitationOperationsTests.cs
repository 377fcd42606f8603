using System.Net;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>udata 15+'s /me/org_invitations/ (list, accept, refuse), and the typed 404 a 9.2.4 server answers instead.</summary>
public sealed class OrgInvitationOperationsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fx;

    public OrgInvitationOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task Accepting_the_pending_invitation_joins_the_organization_on_17_6()
    {
        _fx.Use(UdataGeneration.V17_6);
        var client = _fx.Client();

        var invitation = Assert.Single(await client.ListOrgInvitationsAsync());
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/org_invitations/");
        Assert.Equal("editor", invitation.Role);
        Assert.Equal("communaute-urbaine-de-montreuil-sur-loire", invitation.Organization!.Slug);

        var accepted = await client.AcceptOrgInvitationAsync(Guid.Parse(invitation.Id!));

        Assert.Equal("Invitation accepted", accepted.Message);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "POST", $"/api/1/me/org_invitations/{invitation.Id}/accept/");
        Assert.Empty(await client.ListOrgInvitationsAsync());
        Assert.Equal(2, (await client.GetMeAsync()).Organizations!.Count);
        var again = await Assert.ThrowsAsync<ApiException<Error>>(() => client.RefuseOrgInvitationAsync(Guid.Parse(invitation.Id!)));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Invitation is not pending", again.Error.Message);
    }

    [Fact]
    public async Task Refusing_leaves_the_organizations_unchanged_and_an_unknown_id_is_a_typed_404_on_17_6()
    {
        _fx.Use(UdataGeneration.V17_6);
        var client = _fx.Client();
        var invitation = Assert.Single(await client.ListOrgInvitationsAsync());

        var refused = await client.RefuseOrgInvitationAsync(Guid.Parse(invitation.Id!));

        Assert.Equal("Invitation refused", refused.Message);
        Assert.Single((await client.GetMeAsync()).Organizations!);
        var unknown = await Assert.ThrowsAsync<ApiException<Error>>(() => client.AcceptOrgInvitationAsync(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Invitation not found", unknown.Error.Message);
    }

    [Fact]
    public async Task Every_invitation_operation_is_a_typed_404_on_9_2()
    {
        _fx.Use(UdataGeneration.V9_2);
        var client = _fx.Client();
        var id = Guid.Parse("3f2b8c1e-6d4a-4e7b-9a51-0c8d2e7f4b19");

        var errors = new[]
        {
            await Assert.ThrowsAsync<ApiException<Error>>(() => client.ListOrgInvitationsAsync()),
            await Assert.ThrowsAsync<ApiException<Error>>(() => client.AcceptOrgInvitationAsync(id)),
            await Assert.ThrowsAsync<ApiException<Error>>(() => client.RefuseOrgInvitationAsync(id)),
        };

        Assert.All(errors, ex => Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode));
        Assert.Equal(3, _fx.Emulator.Requests.Count);
    }
}
