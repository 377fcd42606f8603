using System.Text.RegularExpressions;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// The exact /me paths of each udata generation. udata 9.2.4 serves /me/apikey and /me/avatar without a trailing
/// slash; 17.6 serves /me/avatar/, has no /me/apikey, and adds /me/api_tokens/ and /me/org_invitations/.
/// </summary>
internal static partial class Routes
{
    public const string Prefix = "/api/1";

    public const string Me = Prefix + "/me/";
    public const string ApiKey = Prefix + "/me/apikey";
    public const string Avatar = Prefix + "/me/avatar";
    public const string Datasets = Prefix + "/me/datasets/";
    public const string Metrics = Prefix + "/me/metrics/";
    public const string OrgCommunityResources = Prefix + "/me/org_community_resources/";
    public const string OrgDatasets = Prefix + "/me/org_datasets/";
    public const string OrgDiscussions = Prefix + "/me/org_discussions/";
    public const string OrgReuses = Prefix + "/me/org_reuses/";
    public const string Reuses = Prefix + "/me/reuses/";
    public const string ApiTokens = Prefix + "/me/api_tokens/";
    public const string OrgInvitations = Prefix + "/me/org_invitations/";

    /// <summary>Where uploaded avatars are served back (unauthenticated, like static.data.gouv.fr).</summary>
    public const string AvatarFiles = "/avatars/";

    private static readonly string[] Common =
        [Me, Datasets, Metrics, OrgCommunityResources, OrgDatasets, OrgDiscussions, OrgReuses, Reuses];

    /// <summary>Whether <paramref name="path"/> is a /me route of <paramref name="generation"/> exactly as spelled.</summary>
    public static bool Exists(UdataGeneration generation, string path)
    {
        if (Array.IndexOf(Common, path) >= 0 || path == generation.AvatarPath()) return true;
        if (generation.HasApiKey()) return path == ApiKey;
        return path is ApiTokens or OrgInvitations || TokenPath().IsMatch(path) || InvitationPath().IsMatch(path);
    }

    [GeneratedRegex(@"^/api/1/me/api_tokens/[^/]+/$")]
    public static partial Regex TokenPath();

    [GeneratedRegex(@"^/api/1/me/org_invitations/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/(accept|refuse)/$")]
    public static partial Regex InvitationPath();
}
