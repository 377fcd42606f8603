namespace DataGouv.MeEmulator;

/// <summary>
/// The mutable server-side state (the connected user's profile, the API key, fixture knobs).
/// Public getters let tests assert on what a PUT/DELETE/upload did; mutation stays internal to the endpoints.
/// All access goes through <see cref="Sync"/> because Kestrel serves requests concurrently.
/// </summary>
public sealed class EmulatorState
{
    internal object Sync { get; } = new();
    private readonly List<string> _rawDatasets = [];

    private readonly List<ApiTokenRecord> _tokens = [];
    private readonly List<InvitationRecord> _invitations = [];

    internal EmulatorState(MeEmulatorOptions options)
    {
        Generation = options.Generation;
        OrgDatasetCount = options.OrgDatasetCount;
        ResetApiKey(options.ApiKey);
        ResetProfile();
    }

    /// <summary>The udata release this emulator answers as.</summary>
    public UdataGeneration Generation { get; }

    /// <summary>The identity is fixed so fixtures (owner references, metrics ids) stay deterministic.</summary>
    public string Id => UserIdentity.Id;
    public string Slug => UserIdentity.Slug;

    /// <summary>
    /// 9.2.4: the user's one API key (null once cleared). 17.6: the plaintext of the token the emulator started with
    /// (more tokens come from create_api_token; see <see cref="ApiTokens"/>).
    /// </summary>
    public string? ApiKey { get; internal set; }

    /// <summary>17.6's API tokens (the initial one first), including revoked ones. Empty on 9.2.4.</summary>
    public IReadOnlyList<ApiTokenRecord> ApiTokens
    {
        get { lock (Sync) { return _tokens.ToArray(); } }
    }

    /// <summary>17.6's organization invitations with their current status. Empty on 9.2.4.</summary>
    public IReadOnlyList<InvitationRecord> Invitations
    {
        get { lock (Sync) { return _invitations.ToArray(); } }
    }

    /// <summary>Organizations joined by accepting an invitation (added to the profile's organizations).</summary>
    internal List<string> JoinedOrganizationIds { get; } = [];
    public string FirstName { get; internal set; } = "";
    public string LastName { get; internal set; } = "";
    public string? Email { get; internal set; }
    public string? Avatar { get; internal set; }
    public string? AvatarThumbnail { get; internal set; }
    public string? Website { get; internal set; }
    public string? About { get; internal set; }
    public bool Active { get; internal set; } = true;

    /// <summary>Set by DELETE /me/; the account is then anonymised and every further call gets 401, as on udata.</summary>
    public DateTimeOffset? Deleted { get; internal set; }
    public bool IsDeleted => Deleted is not null;

    public int OrgDatasetCount { get; internal set; }

    /// <summary>Bytes of the last avatar upload (served back under /avatars/).</summary>
    public byte[]? AvatarBytes { get; internal set; }
    public string? AvatarContentType { get; internal set; }
    public string? LastBbox { get; internal set; }

    /// <summary>Raw dataset objects injected by tests (e.g. with enum values the spec does not list).</summary>
    public IReadOnlyList<string> RawDatasets
    {
        get { lock (Sync) { return _rawDatasets.ToArray(); } }
    }

    internal void AddRawDataset(string json)
    {
        lock (Sync) { _rawDatasets.Add(json); }
    }

    /// <summary>One valid key again: 9.2.4's API key, or on 17.6 a single live token with that plaintext.</summary>
    internal void ResetApiKey(string key)
    {
        lock (Sync)
        {
            ApiKey = key;
            _tokens.Clear();
            if (Generation.HasApiTokens())
                _tokens.Add(new ApiTokenRecord("65f0a1b2c3d4e5f60718293a", key, key[..Math.Min(key.Length, 14)], "Initial token", ["admin"],
                    new DateTimeOffset(2026, 3, 30, 9, 12, 44, TimeSpan.Zero).AddTicks(5_120_000), null, null, null));
        }
    }

    internal void AddToken(ApiTokenRecord token)
    {
        lock (Sync) { _tokens.Add(token); }
    }

    internal ApiTokenRecord? FindToken(string id) => _tokens.Find(t => t.Id == id);

    internal void ReplaceToken(ApiTokenRecord token)
    {
        var i = _tokens.FindIndex(t => t.Id == token.Id);
        if (i >= 0) _tokens[i] = token;
    }

    internal InvitationRecord? FindInvitation(string id) => _invitations.Find(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    internal void SetInvitationStatus(string id, string status)
    {
        var i = _invitations.FindIndex(t => t.Id == id);
        if (i >= 0) _invitations[i] = _invitations[i] with { Status = status };
    }

    /// <summary>Null when <paramref name="sent"/> authenticates (call under <see cref="Sync"/>), else udata's 401 message.</summary>
    internal string? Authenticate(string sent)
    {
        if (string.IsNullOrEmpty(sent)) return UnauthorizedMessage;
        if (!Generation.HasApiTokens())
            return !string.IsNullOrEmpty(ApiKey) && string.Equals(sent, ApiKey, StringComparison.Ordinal) ? null : "Invalid API Key";
        var token = _tokens.Find(t => string.Equals(t.Plaintext, sent, StringComparison.Ordinal));
        if (token is null) return "Invalid API token";
        if (token.RevokedAt is not null) return "Revoked API token";
        if (token.ExpiresAt is { } expires && expires < DateTimeOffset.UtcNow) return "Expired API token";
        return null;
    }

    /// <summary>Werkzeug's generic 401 text, what udata answers when no credentials are sent at all.</summary>
    internal const string UnauthorizedMessage =
        "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.";

    /// <summary>Back to the initial profile (undeleted) and the initial invitations; keeps the API key as it is.</summary>
    internal void ResetProfile()
    {
        lock (Sync)
        {
            JoinedOrganizationIds.Clear();
            _invitations.Clear();
            if (Generation.HasApiTokens())
            {
                _invitations.Add(new InvitationRecord("3f2b8c1e-6d4a-4e7b-9a51-0c8d2e7f4b19", "editor",
                    "Bienvenue dans l'équipe données !", new DateTimeOffset(2026, 7, 2, 14, 5, 9, TimeSpan.Zero).AddTicks(2_480_000), "pending"));
            }
            FirstName = UserIdentity.FirstName;
            LastName = UserIdentity.LastName;
            Email = UserIdentity.Email;
            Avatar = null;
            AvatarThumbnail = null;
            Website = "https://blog.example.org/camille";
            About = "Data engineer. I publish **open data** about public transport.\n\n- Bordeaux\n- Lyon";
            Active = true;
            Deleted = null;
            AvatarBytes = null;
            AvatarContentType = null;
            LastBbox = null;
        }
    }

    /// <summary>What udata's <c>User.mark_as_deleted()</c> does to the visible profile.</summary>
    internal void MarkDeleted(DateTimeOffset now)
    {
        lock (Sync)
        {
            Email = $"{Id}@deleted";
            FirstName = "DELETED";
            LastName = "DELETED";
            Avatar = null;
            AvatarThumbnail = null;
            Website = null;
            About = null;
            Deleted = now;
        }
    }
}

/// <summary>One 17.6 API token as the server stores it (the plaintext is shown once, at creation).</summary>
public sealed record ApiTokenRecord(
    string Id, string Plaintext, string Prefix, string? Name, IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>Never the plaintext.</summary>
    public override string ToString() => $"ApiToken {Id} ({Prefix}...)";
}

/// <summary>A 17.6 invitation to join <see cref="ReferenceFixturesOrg"/>; status is pending, accepted or refused.</summary>
public sealed record InvitationRecord(string Id, string Role, string? Comment, DateTimeOffset Created, string Status)
{
    /// <summary>The inviting organization is always the fixtures' second organization.</summary>
    public const string ReferenceFixturesOrg = "communaute-urbaine-de-montreuil-sur-loire";
}

/// <summary>The fixed identity of the emulated connected user.</summary>
internal static class UserIdentity
{
    public const string Id = "65e1a2b3c4d5e6f708192a3b";
    public const string Slug = "camille-durand";
    public const string FirstName = "Camille";
    public const string LastName = "Durand";
    public const string Email = "camille.durand@example.org";
    public static readonly DateTimeOffset Since = new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.Zero).AddTicks(1_234_560);
    public static readonly DateTimeOffset LastLoginAt = new DateTimeOffset(2024, 10, 22, 8, 15, 2, TimeSpan.Zero).AddTicks(9_876_540);
}
