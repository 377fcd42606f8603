using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace DataGouv.Generator.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots without the Verify package: every generated file is compared with
/// <c>Snapshots/{test}/{hint}.verified.cs</c> beside the test source. A mismatch or a missing baseline fails with
/// the first differing line and writes <c>*.received.cs</c> (git-ignored). Baselines are rewritten only when the
/// environment variable <c>ACCEPT_SNAPSHOTS=1</c> is set; CI never sets it.
/// </summary>
public static partial class Snapshot
{
    public static void Match(string testId, IReadOnlyList<(string HintName, string Text)> files, [CallerFilePath] string callerPath = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Snapshots", testId);
        var accept = Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1";
        Directory.CreateDirectory(dir);
        var expected = Directory.GetFiles(dir, "*.verified.cs").Select(f => Path.GetFileName(f)[..^".verified.cs".Length]).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var actual = files.Select(f => f.HintName.EndsWith(".g.cs") ? f.HintName[..^".cs".Length] : f.HintName).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var problems = new List<string>();

        foreach (var stale in Directory.GetFiles(dir, "*.received.cs")) File.Delete(stale);
        if (accept)
        {
            foreach (var old in Directory.GetFiles(dir, "*.verified.cs")) File.Delete(old);
        }
        else if (!expected.SequenceEqual(actual))
        {
            problems.Add($"Generated file set differs.\n  expected: [{string.Join(", ", expected)}]\n  actual:   [{string.Join(", ", actual)}]");
        }

        foreach (var (hint, text) in files)
        {
            var name = hint.EndsWith(".g.cs") ? hint[..^".cs".Length] : hint;
            var normalized = Normalize(text);
            var verified = Path.Combine(dir, name + ".verified.cs");
            if (accept)
            {
                File.WriteAllText(verified, normalized);
                continue;
            }
            var baseline = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
            if (baseline == normalized) continue;
            File.WriteAllText(Path.Combine(dir, name + ".received.cs"), normalized);
            problems.Add(baseline is null ? $"{name}: no baseline (run with ACCEPT_SNAPSHOTS=1 to create it)" : $"{name}: {FirstDifference(baseline, normalized)}");
        }
        if (problems.Count > 0) throw new XunitException("Snapshot mismatch in " + testId + ":\n" + string.Join("\n", problems));
    }

    /// <summary>LF line endings, no BOM, and the generator version scrubbed so that a version bump is not a diff.</summary>
    public static string Normalize(string text) =>
        VersionPattern().Replace(text.TrimStart('\uFEFF').Replace("\r\n", "\n"), "GeneratedCode(\"DataGouv.Generator\", \"%VERSION%\")");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"first difference at line {i + 1}:\n    expected: {el}\n    actual:   {al}";
        }
        return "texts differ";
    }

    [GeneratedRegex("GeneratedCode\\(\"DataGouv\\.Generator\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
