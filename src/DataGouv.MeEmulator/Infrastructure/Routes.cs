namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>The exact /me paths of udata v4..v9.2.4 (apikey and avatar without a trailing slash, the rest with one).</summary>
internal static class Routes
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

    /// <summary>Where uploaded avatars are served back (unauthenticated, like static.data.gouv.fr).</summary>
    public const string AvatarFiles = "/avatars/";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Me, ApiKey, Avatar, Datasets, Metrics, OrgCommunityResources, OrgDatasets, OrgDiscussions, OrgReuses, Reuses,
    };
}
