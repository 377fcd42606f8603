namespace DataGouv.MeEmulator;

/// <summary>Start-up settings for <see cref="MeEmulator"/>.</summary>
public sealed class MeEmulatorOptions
{
    /// <summary>The API key the emulator accepts until a test regenerates or clears it.</summary>
    public string ApiKey { get; set; } = "test-api-key-0123456789";

    /// <summary>How many fixture datasets <c>GET /me/org_datasets/</c> returns.</summary>
    public int OrgDatasetCount { get; set; } = 3;

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS pick a free one (the default, so parallel tests never collide).</summary>
    public int Port { get; set; }
}
