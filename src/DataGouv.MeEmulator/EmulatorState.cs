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

    internal EmulatorState(MeEmulatorOptions options)
    {
        ApiKey = options.ApiKey;
        OrgDatasetCount = options.OrgDatasetCount;
        ResetProfile();
    }

    /// <summary>The identity is fixed so fixtures (owner references, metrics ids) stay deterministic.</summary>
    public string Id => UserIdentity.Id;
    public string Slug => UserIdentity.Slug;

    public string? ApiKey { get; internal set; }
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

    /// <summary>Back to the initial profile (undeleted); keeps the API key as it is.</summary>
    internal void ResetProfile()
    {
        lock (Sync)
        {
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
