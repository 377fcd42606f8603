using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataGouv.Generator.Tests.Infrastructure;

/// <summary>MSBuild properties and per-file metadata, as the compiler would pass them from .editorconfig-like options.</summary>
public sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(perFile.TryGetValue(textFile.Path, out var o) ? o : new Dictionary<string, string>());

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
