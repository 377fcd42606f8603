using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Reads a spec's options: item metadata first (<c>Namespace</c>, <c>ClientName</c>, <c>RequiredProperties</c>,
/// <c>LenientParameters</c>; the operation filters <c>IncludeTags</c>, <c>ExcludeTags</c>, <c>IncludePaths</c>,
/// <c>ExcludePaths</c>, <c>IncludeOperations</c>, <c>ExcludeOperations</c>), then project properties (<c>DataGouvNamespace</c>, <c>RootNamespace</c>,
/// <c>DataGouvRequiredProperties</c>, <c>DataGouvLenientParameters</c>).
/// An invalid value becomes DG0010 and stops that spec only.
/// </summary>
internal static class OptionsReader
{
    public static SpecInput Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = provider.GetOptions(file);
        var global = provider.GlobalOptions;
        var diagnostics = new List<DiagnosticInfo>();
        var fileName = Path.GetFileName(file.Path);
        var location = LocationInfo.FileStart(file.Path);

        string? Get(string metadata, string property)
        {
            if (fileOptions.TryGetValue("build_metadata.AdditionalFiles." + metadata, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            if (global.TryGetValue("build_property." + property, out var g) && !string.IsNullOrWhiteSpace(g)) return g.Trim();
            return null;
        }

        var ns = Get("Namespace", "DataGouvNamespace") ?? Get("Namespace", "RootNamespace") ?? "Generated";
        if (!IsValidNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, location, fileName, "Namespace", ns, "use dotted C# identifiers such as Contoso.Api, without keywords."));
        }

        var specStem = fileName.Split('.')[0];
        var clientName = Get("ClientName", "DataGouvClientName") ?? Identifier.ToPascalCase(specStem, "Api") + "Client";
        if (!SyntaxFacts.IsValidIdentifier(clientName) || SyntaxFacts.GetKeywordKind(clientName) != SyntaxKind.None)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, location, fileName, "ClientName", clientName, "use a C# identifier such as MeClient."));
        }

        var mode = Get("RequiredProperties", "DataGouvRequiredProperties") ?? "Strict";
        var lenient = false;
        if (string.Equals(mode, "Lenient", StringComparison.OrdinalIgnoreCase)) lenient = true;
        else if (!string.Equals(mode, "Strict", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, location, fileName, "RequiredProperties", mode, "use Strict (the default) or Lenient."));
        }

        // Operation filters are item metadata only: a list of tags or paths belongs to one spec, not to the project.
        string Item(string metadata) =>
            fileOptions.TryGetValue("build_metadata.AdditionalFiles." + metadata, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : "";

        var options = new GeneratorOptions(ns, clientName, lenient, GenerateDependencyInjection: false)
        {
            LenientParameters = Get("LenientParameters", "DataGouvLenientParameters") ?? "",
            OwnAssembly = string.Equals(Get("ClientAssembly", "DataGouvClientAssembly"), "true", StringComparison.OrdinalIgnoreCase),
            Filter = new OperationFilter(
                Item(nameof(OperationFilter.IncludeTags)), Item(nameof(OperationFilter.ExcludeTags)),
                Item(nameof(OperationFilter.IncludePaths)), Item(nameof(OperationFilter.ExcludePaths)),
                Item(nameof(OperationFilter.IncludeOperations)), Item(nameof(OperationFilter.ExcludeOperations))),
        };
        return new SpecInput(file.Path, text, options, diagnostics.ToEquatableArray());
    }

    private static bool IsValidNamespace(string ns) =>
        ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None && part != "global");
}
