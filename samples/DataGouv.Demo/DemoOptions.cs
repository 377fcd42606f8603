using DataGouv.MeEmulator;

namespace DataGouv.Demo;

internal sealed class DemoOptions
{
    public const string Usage =
        """
        usage: DataGouv.Demo [--base-url <url>] [--api-key <key>] [--allow-writes] [--timeout <seconds>] [--serve-only <port>] [--server-version <v>]
          (no option)          start the embedded MeEmulator on 127.0.0.1 and call every /me operation
          --base-url <url>     talk to a real udata API instead, e.g. https://demo.data.gouv.fr/api/1
          --api-key <key>      API key (default: env DATAGOUV_API_KEY for --base-url; the emulator's default key otherwise)
          --allow-writes       with --base-url: also run UpdateMe, MyAvatar, GenerateApikey, ClearApikey and DeleteMe
          --timeout <seconds>  how long one call may wait for the server (default 30); a server that does not answer
                               stops the demo after that one call
          --serve-only <port>  only host the emulator on 127.0.0.1:<port> (0 = any free port), print
                               "READY <base-url> <api-key>" and wait for SIGINT/SIGTERM
          --server-version <v> the udata release the embedded emulator answers as: 9.2 (default, the API page's
                               version) or 17.6 (today's www.data.gouv.fr); not with --base-url
        """;

    /// <summary>Per call, as HttpClient.Timeout. Only the first call can cost it: the demo stops when the server does not answer.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public string? BaseUrl { get; private set; }
    public string? ApiKey { get; private set; }
    public bool AllowWrites { get; private set; }
    public int? ServeOnlyPort { get; private set; }
    public UdataGeneration? ServerVersion { get; private set; }
    public bool Help { get; private set; }
    public TimeSpan Timeout { get; private set; } = DefaultTimeout;

    public static DemoOptions Parse(string[] args)
    {
        var o = new DemoOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--base-url":
                    o.BaseUrl = Value(args, ref i);
                    if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
                        throw new ArgumentException($"--base-url must be an absolute http(s) URL, got '{o.BaseUrl}'.");
                    break;
                case "--api-key":
                    o.ApiKey = Value(args, ref i);
                    break;
                case "--allow-writes":
                    o.AllowWrites = true;
                    break;
                case "--serve-only":
                    var text = Value(args, ref i);
                    if (!int.TryParse(text, out var port) || port is < 0 or > 65535)
                        throw new ArgumentException($"--serve-only needs a port number (0-65535), got '{text}'.");
                    o.ServeOnlyPort = port;
                    break;
                case "--timeout":
                    var seconds = Value(args, ref i);
                    if (!double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
                        || !(s > 0 && s <= 3600))
                        throw new ArgumentException($"--timeout needs a number of seconds above 0 and at most 3600, got '{seconds}'.");
                    o.Timeout = TimeSpan.FromSeconds(s);
                    break;
                case "--server-version":
                    var version = Value(args, ref i);
                    if (!GenerationFacts.TryParse(version, out var generation))
                        throw new ArgumentException($"--server-version must be 9.2 or 17.6, got '{version}'.");
                    o.ServerVersion = generation;
                    break;
                case "-h" or "--help":
                    o.Help = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'.");
            }
        }
        if (o.ServeOnlyPort is not null && o.BaseUrl is not null)
            throw new ArgumentException("--serve-only and --base-url cannot be combined.");
        if (o.ServerVersion is not null && o.BaseUrl is not null)
            throw new ArgumentException("--server-version picks the embedded emulator's udata release; a --base-url server has its own.");
        return o;
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
        return args[++i];
    }
}
