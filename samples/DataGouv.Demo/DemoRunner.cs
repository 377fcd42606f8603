using System.Diagnostics;
using System.Globalization;
using System.Net;
using DataGouv.Client;
using DataGouv.Me;

namespace DataGouv.Demo;

// Inside namespace DataGouv.*, a bare "Me" binds to the DataGouv.Me namespace; this alias (declared inside the namespace) wins.
using Me = DataGouv.Me.Me;

/// <summary>Calls every /me operation through the generated <see cref="MeClient"/> and prints one table row per call.</summary>
internal sealed class DemoRunner
{
    // A valid 1x1 PNG (70 bytes), enough for udata's/the emulator's avatar endpoint.
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private const int SummaryWidth = 88;

    private readonly Uri _baseAddress;
    private readonly bool _allowWrites;
    private readonly MeEmulator.MeEmulator? _emulator;
    private readonly MeClientOptions _clientOptions;
    private readonly List<Row> _rows = new();
    private readonly TimeSpan _timeout;

    /// <summary>Set by the first call the server did not answer (timeout, refused, reset): every later call is skipped.</summary>
    private string? _noAnswer;

    public DemoRunner(Uri baseAddress, string apiKey, bool allowWrites, MeEmulator.MeEmulator? emulator, TimeSpan timeout)
    {
        _baseAddress = baseAddress;
        _timeout = timeout;
        _allowWrites = allowWrites;
        _emulator = emulator;
        _clientOptions = new MeClientOptions { BaseAddress = baseAddress, ApiKey = apiKey };
    }

    private bool Remote => _emulator is null;

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient { Timeout = _timeout };
        IMeClient client = new MeClient(http, _clientOptions);
        Me? me = null;

        await Step("GetMe", "GET /me/", async () => me = await client.GetMeAsync(), DescribeMe);

        await Step("UpdateMe", "PUT /me/", async () =>
        {
            // Only the fields set are sent; the server keeps the others. Against the emulator the profile really
            // changes; against a real account the PUT re-sends the current "about" unchanged.
            var about = Remote ? (me ?? await client.GetMeAsync()).About
                : "Edited by DataGouv.Demo at " + DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture);
            return await client.UpdateMeAsync(new MeUpdate { About = about });
        }, m => $"about is now {Quote(m.About)}", write: true);

        await Step("MyAvatar", "POST /me/avatar", async () =>
        {
            using var png = new MemoryStream(TinyPng, writable: false);
            return await client.MyAvatarAsync(new FilePart(png, "demo.png", "image/png"), bbox: "0,0,1,1");
        }, a => $"{(a.Success == true ? "success" : "success=" + (a.Success?.ToString() ?? "null"))}, {TinyPng.Length}-byte PNG stored at {a.Image ?? "?"}", write: true);

        await Step("MyDatasets", "GET /me/datasets/", () => client.MyDatasetsAsync(), DescribeDatasets);

        await Step("MyMetrics", "GET /me/metrics/", () => client.MyMetricsAsync(), m =>
            $"{N(m.DatasetsCount)} datasets, {N(m.FollowersCount)} followers, {N(m.DatasetsOrgCount)} org datasets, "
            + $"{N(m.FollowersOrgCount)} org followers, resources availability {(m.ResourcesAvailability is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "n/a")}");

        await ListWithAndWithoutQ("MyOrgDatasets", "GET /me/org_datasets/", q => client.MyOrgDatasetsAsync(q), d => d.Title, DescribeDatasets);
        await ListWithAndWithoutQ("MyOrgReuses", "GET /me/org_reuses/", q => client.MyOrgReusesAsync(q), r => r.Title, DescribeReuses);
        await ListWithAndWithoutQ("MyOrgCommunityResources", "GET /me/org_community_resources/", q => client.MyOrgCommunityResourcesAsync(q), c => c.Title,
            l => l.Count == 0 ? "0 community resources" : $"{Plural(l.Count, "community resource")}, first: {Quote(l[0].Title)} (format {l[0].Format ?? "n/a"})");
        await ListWithAndWithoutQ("MyOrgDiscussions", "GET /me/org_discussions/", q => client.MyOrgDiscussionsAsync(q), d => d.Title,
            l => l.Count == 0 ? "0 discussions" : $"{Plural(l.Count, "discussion")}, first: {Quote(l[0].Title)} ({Plural(l[0].DiscussionValue?.Count ?? 0, "message")})");

        await Step("MyReuses", "GET /me/reuses/", () => client.MyReusesAsync(), DescribeReuses);

        // API keys: udata 16+ replaced the one key (/me/apikey, now 404) with API tokens (/me/api_tokens/). The client
        // does not know which server it talks to: it asks for the tokens and falls back to the old key on a 404.
        var hasTokens = await Optional("ListApiTokens", "GET /me/api_tokens/", () => client.ListApiTokensAsync(),
            l => $"{Plural(l.Count, "live token")}, first prefix {l.FirstOrDefault()?.TokenPrefix ?? "n/a"}");
        var cleared = hasTokens ? await TokensAsync(client, http) : await LegacyKeyAsync(client, http);

        var invitations = await Optional("ListOrgInvitations", "GET /me/org_invitations/", () => client.ListOrgInvitationsAsync(),
            l => l.Count == 0 ? "no pending invitation" : $"{Plural(l.Count, "pending invitation")}, first from {Quote(l[0].Organization?.Name)} as {l[0].Role}");
        if (invitations && !Remote)
        {
            // Only the emulator's own invitation is accepted: a real account's invitations are left alone.
            var pending = await client.ListOrgInvitationsAsync();
            if (pending.Count > 0 && Guid.TryParse(pending[0].Id, out var id))
                await Step("AcceptOrgInvitation", $"POST /me/org_invitations/{id}/accept/", () => client.AcceptOrgInvitationAsync(id), m => m.Message ?? "accepted", write: true);
        }

        if (cleared && Remote)
        {
            Skip("DeleteMe", "DELETE /me/", "no API key left after ClearApikey");
        }
        else
        {
            var deleted = await Step("DeleteMe", "DELETE /me/", async () => { await client.DeleteMeAsync(); return true; },
                _ => "no content (204); account deleted" + (cleared ? " (emulator restored the key after ClearApikey)" : ""), write: true);
            if (deleted) await ExpectStatus("GetMe (deleted)", "GET /me/", HttpStatusCode.Unauthorized, () => client.GetMeAsync());
        }

        return Print();
    }

    /// <summary>udata 16+: create a token, use it, revoke it. Returns false: the original key still works.</summary>
    private async Task<bool> TokensAsync(IMeClient client, HttpClient http)
    {
        ApiTokenCreated? created = null;
        await Step("CreateApiToken", "POST /me/api_tokens/", async () => created = await client.CreateApiTokenAsync(new ApiTokenCreate { Name = "DataGouv.Demo" }),
            t => $"token {Mask(t.Token)} ({t.Token?.Length ?? 0} chars, prefix {t.TokenPrefix}), shown once", write: true);
        if (created?.Token is null || created.Id is null) return false;
        await Step("GetMe (new token)", "GET /me/", () => WithKey(http, created.Token).GetMeAsync(), m => "new token accepted: " + DescribeMe(m));
        var revoked = await Step("RevokeApiToken", $"DELETE /me/api_tokens/{created.Id}/", async () => { await client.RevokeApiTokenAsync(created.Id); return true; },
            _ => "no content (204); the token is revoked", write: true);
        if (revoked) await ExpectStatus("GetMe (revoked token)", "GET /me/", HttpStatusCode.Unauthorized, () => WithKey(http, created.Token).GetMeAsync());
        return false;
    }

    /// <summary>udata up to 15.x: regenerate the one key, then clear it. Returns whether the key was cleared.</summary>
    private async Task<bool> LegacyKeyAsync(IMeClient client, HttpClient http)
    {
#pragma warning disable CS0618 // the deprecated pair is what a server without API tokens offers
        var keyBefore = _clientOptions.ApiKey;
        await Step("GenerateApikey", "POST /me/apikey", async () =>
        {
            var generated = await client.GenerateApikeyAsync();
            if (string.IsNullOrEmpty(generated.Apikey)) throw new InvalidOperationException("the response has no apikey");
            _clientOptions.ApiKey = generated.Apikey; // the client reads its options on every request
            return generated;
        }, k => $"new key {Mask(k.Apikey)} ({k.Apikey!.Length} chars); client switched to it", write: true);

        if (_clientOptions.ApiKey != keyBefore)
        {
            await Step("GetMe (new key)", "GET /me/", () => client.GetMeAsync(), m => "new key accepted: " + DescribeMe(m));
            await ExpectStatus("GetMe (old key)", "GET /me/", HttpStatusCode.Unauthorized, () => WithKey(http, keyBefore).GetMeAsync());
        }

        var clearedKey = _clientOptions.ApiKey;
        var cleared = await Step("ClearApikey", "DELETE /me/apikey", async () => { await client.ClearApikeyAsync(); return true; },
            _ => "no content (204); the key is revoked", write: true);
#pragma warning restore CS0618
        if (cleared)
        {
            await ExpectStatus("GetMe (cleared key)", "GET /me/", HttpStatusCode.Unauthorized, () => client.GetMeAsync());
            if (_emulator is not null && clearedKey is not null)
            {
                // A real account has no key left now; the emulator can hand one back so DeleteMe can still be shown.
                _emulator.ResetApiKey(clearedKey);
            }
        }
        return cleared;
    }

    /// <summary>An operation only some udata releases have: a 404 is shown as "not on this server", not as a failure.</summary>
    private async Task<bool> Optional<T>(string op, string http, Func<Task<T>> call, Func<T, string> summarize)
    {
        if (SkippedForNoAnswer(op, http)) return false;
        var sw = Stopwatch.StartNew();
        try
        {
            var result = await call();
            _rows.Add(new Row(op, http, "OK", sw.Elapsed, summarize(result), Failed: false));
            return true;
        }
        catch (ApiException api) when (api.StatusCode == HttpStatusCode.NotFound)
        {
            _rows.Add(new Row(op, http, "N/A (404)", sw.Elapsed, "not on this server (older udata)", Failed: false));
            return false;
        }
        catch (Exception ex)
        {
            NoteNoAnswer(op, ex);
            _rows.Add(new Row(op, http, ex is ApiException api ? $"FAIL {(int)api.StatusCode}" : "FAIL", sw.Elapsed, Describe(ex), Failed: true));
            return false;
        }
    }

    private MeClient WithKey(HttpClient http, string? key) =>
        new(http, new MeClientOptions { BaseAddress = _baseAddress, ApiKey = key });

    private async Task ListWithAndWithoutQ<T>(string op, string http, Func<string?, Task<IReadOnlyList<T>>> call, Func<T, string?> title, Func<IReadOnlyList<T>, string> describe)
    {
        IReadOnlyList<T>? all = null;
        await Step(op, http, async () => all = await call(null), describe);

        // Search for a word of the first title, so that q has something to find (udata: case-insensitive substring of title).
        var q = all is { Count: > 0 } ? PickWord(title(all[0])) : null;
        q ??= "data";
        await Step(op + " (q)", http + "?q=" + Uri.EscapeDataString(q), () => call(q),
            l => $"{l.Count} of {(all is null ? "?" : all.Count.ToString(CultureInfo.InvariantCulture))} match q={Quote(q)}"
                 + (l.Count > 0 ? ", first: " + Quote(title(l[0])) : ""));
    }

    private async Task<bool> Step<T>(string op, string http, Func<Task<T>> call, Func<T, string> summarize, bool write = false)
    {
        if (write && !_allowWrites)
        {
            Skip(op, http, "write operation; pass --allow-writes to run it");
            return false;
        }
        if (SkippedForNoAnswer(op, http)) return false;
        var sw = Stopwatch.StartNew();
        try
        {
            var result = await call();
            sw.Stop();
            _rows.Add(new Row(op, http, "OK", sw.Elapsed, summarize(result), Failed: false));
            return true;
        }
        catch (Exception ex)
        {
            sw.Stop();
            NoteNoAnswer(op, ex);
            _rows.Add(new Row(op, http, ex is ApiException api ? $"FAIL {(int)api.StatusCode}" : "FAIL", sw.Elapsed, Describe(ex), Failed: true));
            return false;
        }
    }

    /// <summary>
    /// A call that got no HTTP answer at all (timeout, connection refused or reset) means the next ones would wait as long
    /// for nothing: one timeout is enough to say so. An error status is an answer, and the demo goes on after it.
    /// </summary>
    private void NoteNoAnswer(string op, Exception ex)
    {
        if (_noAnswer is not null || !IsNoAnswer(ex)) return;
        _noAnswer = ex is OperationCanceledException
            ? $"{_baseAddress} did not answer {op} within {Seconds(_timeout)} (--timeout)"
            : $"{_baseAddress} could not be reached for {op}: {ex.Message}";
    }

    private static bool IsNoAnswer(Exception ex) => ex is HttpRequestException or OperationCanceledException;

    private bool SkippedForNoAnswer(string op, string http)
    {
        if (_noAnswer is null) return false;
        Skip(op, http, "not attempted: the server did not answer an earlier call");
        return true;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private async Task ExpectStatus<T>(string op, string http, HttpStatusCode expected, Func<Task<T>> call)
    {
        if (SkippedForNoAnswer(op, http)) return;
        var sw = Stopwatch.StartNew();
        try
        {
            await call();
            sw.Stop();
            _rows.Add(new Row(op, http, "FAIL", sw.Elapsed, $"expected {(int)expected}, but the call succeeded", Failed: true));
        }
        catch (ApiException api) when (api.StatusCode == expected)
        {
            sw.Stop();
            _rows.Add(new Row(op, http, $"OK ({(int)expected})", sw.Elapsed, $"rejected as expected: {(int)api.StatusCode} {Trim(api.ResponseBody ?? "", 50)}", Failed: false));
        }
        catch (Exception ex)
        {
            sw.Stop();
            NoteNoAnswer(op, ex);
            _rows.Add(new Row(op, http, "FAIL", sw.Elapsed, $"expected {(int)expected}: " + Describe(ex), Failed: true));
        }
    }

    private void Skip(string op, string http, string why) => _rows.Add(new Row(op, http, "SKIPPED", null, why, Failed: false));

    private int Print()
    {
        string[] headers = ["Operation", "HTTP", "Outcome", "Time", "Summary"];
        var cells = _rows.Select(r => new[]
        {
            r.Operation, r.Http, r.Outcome,
            r.Elapsed is { } e ? e.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "-",
            Trim(r.Summary, SummaryWidth),
        }).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();

        string Line(string[] c) => string.Join("  ", c.Select((s, i) => i == 3 ? s.PadLeft(widths[i]) : s.PadRight(widths[i]))).TrimEnd();
        Console.WriteLine();
        Console.WriteLine(Line(headers));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var c in cells) Console.WriteLine(Line(c));
        Console.WriteLine();

        var failed = _rows.Count(r => r.Failed);
        var skipped = _rows.Count(r => r.Outcome == "SKIPPED");
        Console.WriteLine($"{_rows.Count} calls: {_rows.Count - failed - skipped} ok, {failed} failed, {skipped} skipped.");
        foreach (var r in _rows.Where(r => r.Failed)) Console.Error.WriteLine($"FAILED {r.Operation} ({r.Http}): {r.Summary}");
        if (_noAnswer is not null)
            Console.Error.WriteLine($"error: {_noAnswer}; the other calls were not attempted. Check the URL and the network, or raise --timeout.");
        return failed == 0 ? 0 : 1;
    }

    private static string DescribeMe(Me m) =>
        $"{m.FirstName} {m.LastName} <{m.Email ?? "no email"}>, {Plural(m.Organizations?.Count ?? 0, "organization")}, "
        + $"roles [{string.Join(",", m.Roles ?? [])}], since {m.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string DescribeDatasets(IReadOnlyList<Dataset> l) =>
        l.Count == 0 ? "0 datasets"
        : $"{Plural(l.Count, "dataset")}, first: {Quote(l[0].Title)} (frequency {Wire(l[0].Frequency, l[0].FrequencyWireValue)}, {Plural(l[0].Resources?.Count ?? 0, "resource")})";

    private static string DescribeReuses(IReadOnlyList<Reuse> l) =>
        l.Count == 0 ? "0 reuses" : $"{Plural(l.Count, "reuse")}, first: {Quote(l[0].Title)} (type {Wire(l[0].Type, l[0].TypeWireValue)})";

    /// <summary>An enum value, or the raw wire value when the server sent one the spec does not list.</summary>
    private static string Wire<TEnum>(TEnum value, string? raw) where TEnum : struct, Enum =>
        raw is not null && Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0 ? $"'{raw}' (not in the spec)" : value.ToString();

    private string Describe(Exception ex) => ex switch
    {
        ApiException api => $"{(int)api.StatusCode} {api.StatusCode}: {Trim(api.ResponseBody ?? api.Message, 120)}",
        HttpRequestException h => "network: " + h.Message,
        OperationCanceledException => $"no answer within {Seconds(_timeout)}",
        _ => ex.GetType().Name + ": " + ex.Message,
    };

    private static string? PickWord(string? title) =>
        title?.Split([' ', '\'', ',', '-', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length >= 4);

    private static string N(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
    private static string Plural(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
    private static string Quote(string? s) => s is null ? "null" : "'" + Trim(s, 40) + "'";
    private static string Mask(string? key) => key is null ? "null" : key.Length <= 12 ? "***" : key[..8] + "…" + key[^4..];

    private static string Trim(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }

    private sealed record Row(string Operation, string Http, string Outcome, TimeSpan? Elapsed, string Summary, bool Failed);
}
