using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>The top-level types one spec generates into its namespace.</summary>
internal sealed record SpecTypeNames(string SpecPath, string Namespace, EquatableArray<string> Names);

/// <summary>The specs that are not generated because a spec before them already generates one of their types.</summary>
internal sealed record TypeClashResult(EquatableArray<string> BlockedSpecs, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Two specs in one project with the same namespace (both without Namespace metadata, say) would declare the same
/// type twice: a wall of CS0101 errors. Instead the later spec (by path) is not generated, and DG0020 names the type.
/// Everything shared by all clients lives in the runtime library, so only schema and client names can clash.
/// </summary>
internal static class TypeClashes
{
    public static SpecTypeNames NamesOf(string specPath, SpecModel spec)
    {
        if (spec.HasErrors) return new SpecTypeNames(specPath, spec.Options.Namespace, EquatableArray<string>.Empty);
        var client = spec.Options.ClientName;
        // The JSON converters and the resolver live in {Namespace}.Serialization and follow these names.
        var names = spec.Types.Select(t => t.Name)
            .Concat(new[] { client, "I" + client, client + "Options", client + "ServiceCollectionExtensions" });
        return new SpecTypeNames(specPath, spec.Options.Namespace, names.ToEquatableArray());
    }

    public static TypeClashResult Find(ImmutableArray<SpecTypeNames> specs)
    {
        var blocked = new List<string>();
        var diagnostics = new List<DiagnosticInfo>();
        var owners = new Dictionary<(string Namespace, string Type), string>();
        foreach (var spec in specs.OrderBy(s => s.SpecPath, StringComparer.Ordinal))
        {
            var clash = spec.Names.FirstOrDefault(n => owners.ContainsKey((spec.Namespace, n)));
            if (clash is not null)
            {
                blocked.Add(spec.SpecPath);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeClash, LocationInfo.FileStart(spec.SpecPath),
                    Path.GetFileName(spec.SpecPath), clash, spec.Namespace, Path.GetFileName(owners[(spec.Namespace, clash)])));
                continue;
            }
            foreach (var name in spec.Names) owners[(spec.Namespace, name)] = spec.SpecPath;
        }
        return new TypeClashResult(blocked.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
