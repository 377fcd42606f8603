namespace DataGouv.MeEmulator;

/// <summary>
/// Which udata release the emulator answers as. The /me namespace changed between them in paths (trailing slashes and
/// redirects), operations (API keys replaced by API tokens, organization invitations) and field sets.
/// </summary>
public enum UdataGeneration
{
    /// <summary>udata 9.2.4 (October 2024), the version the published API page documents.</summary>
    V9_2,

    /// <summary>udata 17.6.0 (August 2026), what www.data.gouv.fr runs today.</summary>
    V17_6,
}

/// <summary>The facts about a generation that the endpoints and fixtures branch on, in one place.</summary>
public static class GenerationFacts
{
    /// <summary>/me/apikey exists up to 15.x (it is the no-slash path on 9.x); 16.0 replaced it with /me/api_tokens/.</summary>
    public static bool HasApiKey(this UdataGeneration g) => g == UdataGeneration.V9_2;

    /// <summary>/me/api_tokens/ (16.0+) and /me/org_invitations/ (15.0+).</summary>
    public static bool HasApiTokens(this UdataGeneration g) => g >= UdataGeneration.V17_6;

    /// <summary>v10.0.0 moved the avatar upload to /me/avatar/ (the old path redirects with a 308).</summary>
    internal static string AvatarPath(this UdataGeneration g) => g == UdataGeneration.V9_2 ? Infrastructure.Routes.Avatar : Infrastructure.Routes.Avatar + "/";

    /// <summary>The "udata x.y.z" a log line or the demo prints.</summary>
    public static string Label(this UdataGeneration g) => g switch
    {
        UdataGeneration.V9_2 => "udata 9.2.4",
        _ => "udata 17.6.0",
    };

    /// <summary>Accepts "9.2", "9.2.4", "V9_2", "17.6", "17.6.0", "V17_6", "17" or "9".</summary>
    public static bool TryParse(string text, out UdataGeneration generation)
    {
        var t = text.Trim().TrimStart('v', 'V').Replace('_', '.');
        generation = t.Split('.')[0] switch
        {
            "9" => UdataGeneration.V9_2,
            "17" => UdataGeneration.V17_6,
            _ => (UdataGeneration)(-1),
        };
        return Enum.IsDefined(generation);
    }
}
