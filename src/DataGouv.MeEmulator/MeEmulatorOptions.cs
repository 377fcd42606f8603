namespace DataGouv.MeEmulator;

/// <summary>Start-up settings for <see cref="MeEmulator"/>.</summary>
public sealed class MeEmulatorOptions
{
    /// <summary>
    /// The udata release to answer as (paths, redirects, operations, field sets). Default <see cref="UdataGeneration.V9_2"/>,
    /// the version the published API page documents; <see cref="UdataGeneration.V17_6"/> is today's www.data.gouv.fr.
    /// </summary>
    public UdataGeneration Generation { get; set; } = UdataGeneration.V9_2;

    /// <summary>The API key (9.2.4) or the initial API token (17.6) the emulator accepts until a test changes it.</summary>
    public string ApiKey { get; set; } = "test-api-key-0123456789";

    /// <summary>How many fixture datasets <c>GET /me/org_datasets/</c> returns.</summary>
    public int OrgDatasetCount { get; set; } = 3;

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS pick a free one (the default, so parallel tests never collide).</summary>
    public int Port { get; set; }
}
