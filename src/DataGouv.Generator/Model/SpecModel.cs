using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;

namespace DataGouv.Generator.Model;

/// <summary>Everything generated from one spec file. Built inside the first pipeline step.</summary>
/// <param name="SpecId">A stable, file-name-safe identity of the spec, used in hint names.</param>
/// <remarks>
/// Pipeline model: immutable with value equality (records + <see cref="EquatableArray{T}"/>), so an edit that does
/// not change the meaning of the spec (a comment, whitespace) produces an equal model and every output stays cached.
/// When adding members keep them equatable.
/// </remarks>
internal sealed record SpecModel(
    string SpecId,
    GeneratorOptions Options,
    string? Title,
    string? DefaultServer,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<SecuritySchemeModel> Security,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) return true;
            }
            return false;
        }
    }
}

/// <summary>Options for one spec, from item metadata with project-level fallbacks.</summary>
internal sealed record GeneratorOptions(
    string Namespace,
    string ClientName,
    bool LenientRequired,
    bool GenerateDependencyInjection)
{
    /// <summary>Also emit <c>Add{ClientName}(IServiceCollection, IConfiguration)</c>: Microsoft.Extensions.Http and
    /// Microsoft.Extensions.Configuration.Abstractions are both referenced.</summary>
    public bool GenerateConfigurationBinding { get; init; }

    /// <summary>
    /// Parameters (wire names, comma-separated, case-insensitive) that ask the server for less than the schema says,
    /// like a field mask: when a call sends one, its response is read leniently (required properties may be missing).
    /// </summary>
    public string LenientParameters { get; init; } = "";

    /// <summary>The spec's item has <c>ClientAssembly="true"</c>: its client is compiled into an assembly of its own
    /// (build/DataGouv.Generator.ClientAssembly.targets), so DG0021's advice is already followed.</summary>
    public bool OwnAssembly { get; init; }

    /// <summary>Which operations to generate (item metadata IncludeTags, ExcludePaths...); empty: all of them.</summary>
    public OperationFilter Filter { get; init; } = OperationFilter.None;

    public bool IsLenientParameter(string wireName)
    {
        foreach (var name in LenientParameters.Split(','))
        {
            if (name.Trim().Length > 0 && string.Equals(name.Trim(), wireName, System.StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
