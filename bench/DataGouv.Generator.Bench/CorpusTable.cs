using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Bench;

/// <summary>
/// Writes docs/corpus.md: one row per spec in tests/specs with what the generator makes of it (result, files,
/// diagnostics left). A documentation tool, not a test: CorpusTests is the test that every spec compiles.
/// <c>dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --corpus-table docs/corpus.md</c>
/// </summary>
public static class CorpusTable
{
    private static readonly Regex Version = new(@"(^|[\r\n{,])\s*[""']?(openapi|swagger)[""']?\s*:\s*[""']?([^""'\s,}]*)", RegexOptions.CultureInvariant);

    public static void Write(string outPath)
    {
        var root = Specs.RepoSpecs;
        var rows = new List<string>();
        int compiles = 0, refused = 0, broken = 0;
        var totals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var relative in Directory.GetFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json") || f.EndsWith(".yaml") || f.EndsWith(".yml"))
                     .Select(f => Path.GetRelativePath(root, f)).OrderBy(f => f, StringComparer.Ordinal))
        {
            var path = Path.Combine(root, relative);
            var text = File.ReadAllText(path);
            var m = Version.Match(text);
            var version = m.Success ? (m.Groups[2].Value == "swagger" ? "Swagger " : "OpenAPI ") + m.Groups[3].Value : "?";
            var spec = new Specs.InMemoryText("/corpus/" + Path.GetFileNameWithoutExtension(path) + ".openapi" + Path.GetExtension(path), text);
            var driver = Specs.CreateDriver(spec).RunGeneratorsAndUpdateCompilation(Specs.NewCompilation(Specs.ConsumerSource), out var output, out var diagnostics);
            var files = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Count();
            var errors = diagnostics.Where(d => d.Id.StartsWith("DG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
            string outcome;
            if (errors.Count > 0)
            {
                outcome = "refused: " + string.Join(", ", errors.Select(d => d.Id).Distinct());
                refused++;
            }
            else
            {
                var compileErrors = output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                outcome = compileErrors == 0 ? "compiles" : $"**{compileErrors} compile errors**";
                if (compileErrors == 0) compiles++; else broken++;
            }
            var left = diagnostics.Where(d => d.Id.StartsWith("DG", StringComparison.Ordinal))
                .GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            foreach (var g in left) totals[g.Key] = totals.GetValueOrDefault(g.Key) + g.Count();
            var size = new FileInfo(path).Length;
            rows.Add($"| `{relative.Replace('\\', '/')}` | {version} | {Size(size)} | {outcome} | {files} | " +
                     (left.Count == 0 ? "—" : string.Join(", ", left.Select(g => $"{g.Key} ×{g.Count()}"))) + " |");
        }

        var sb = new StringBuilder();
        sb.Append("# The real-world corpus\n\n");
        sb.Append("What the generator makes of every spec in `tests/specs` (sources in its `SOURCES.md` files). \"compiles\" means the\n");
        sb.Append("generated code compiles with zero errors against .NET 10 reference assemblies; \"refused\" means the generator stopped with\n");
        sb.Append("an error diagnostic and emitted nothing. The last column lists the DG diagnostics that remain (warnings and infos).\n\n");
        sb.Append("Regenerate: `dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --corpus-table docs/corpus.md`\n\n");
        sb.Append($"**Summary:** {rows.Count} specs: {compiles} compile, {refused} refused with an error diagnostic, {broken} produce code that does not compile. ");
        sb.Append("Diagnostics left in total: " + (totals.Count == 0 ? "none" : string.Join(", ", totals.Select(t => $"{t.Key} ×{t.Value}"))) + ".\n\n");
        sb.Append("| spec | version | size | result | generated files | DG diagnostics left |\n");
        sb.Append("|---|---|---:|---|---:|---|\n");
        foreach (var row in rows) sb.Append(row).Append('\n');
        File.WriteAllText(outPath, sb.ToString());
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KB";
}
