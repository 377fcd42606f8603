using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>The emitter entry point: which files a spec produces, and how each is rendered.</summary>
internal static class EmitPlan
{
    public static IEnumerable<FileUnit> Files(SpecModel spec, string specPath)
    {
        if (spec.HasErrors) yield break;
        var o = spec.Options;
        var file = Path.GetFileName(specPath);
        // Spec-wide files get the model without diagnostics: a new warning must not re-render them.
        var whole = spec with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty };
        if (TypeFileGroups.IsGrouped(spec.Types.Count))
        {
            foreach (var (group, types) in TypeFileGroups.Split(spec.Types))
            {
                var name = "Group" + group.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                yield return new FileUnit(HintName(o, "Models", name), FileKind.Group, specPath, file, o, null, null, types);
            }
        }
        else
        {
            foreach (var type in spec.Types)
            {
                // One file per type: an object's JSON side is in the same file as its properties.
                yield return new FileUnit(HintName(o, "Models", type.Name), FileKind.Type, specPath, file, o, type, null);
            }
        }
        yield return new FileUnit(HintName(o, null, "Json"), FileKind.Json, specPath, file, o, null, whole);
        if (UnionEmitter.HasShapes(spec))
        {
            // Only the unions matter here: editing an object or an operation does not re-render it.
            var unions = whole with { Types = spec.Types.Where(t => t.Kind == TypeModelKind.Union).ToEquatableArray(), Operations = EquatableArray<OperationModel>.Empty };
            yield return new FileUnit(HintName(o, null, "UnionShapes"), FileKind.UnionShapes, specPath, file, o, null, unions);
        }
        yield return new FileUnit(HintName(o, null, "Client"), FileKind.Client, specPath, file, o, null, whole);
        if (o.GenerateDependencyInjection)
        {
            // Only the security schemes matter here (they are the options' properties): types and operations are left out.
            var security = whole with { Types = EquatableArray<TypeModel>.Empty, Operations = EquatableArray<OperationModel>.Empty };
            yield return new FileUnit(HintName(o, null, "DependencyInjection"), FileKind.DependencyInjection, specPath, file, o, null, security);
        }
    }

    /// <summary>The one file-name rule: <c>{Namespace}.{ClientName}[.{folder}].{name}.g.cs</c>, bounded in length (see <see cref="HintNames"/>).</summary>
    public static string HintName(GeneratorOptions options, string? folder, string name) =>
        HintNames.Bounded(options.Namespace + "." + options.ClientName + "." + (folder is null ? "" : folder + ".") + name) + ".g.cs";

    public static string Render(FileUnit unit)
    {
        var ctx = new EmitContext(unit.Options, unit.SpecFile);
        return unit.Kind switch
        {
            FileKind.DependencyInjection => DependencyInjectionEmitter.Emit(unit.Spec!, ctx),
            FileKind.Json => JsonEmitter.Emit(unit.Spec!, ctx),
            FileKind.UnionShapes => UnionEmitter.EmitShapes(unit.Spec!, ctx) ?? string.Empty,
            FileKind.Client => ClientEmitter.Emit(unit.Spec!, ctx),
            FileKind.Group => RenderGroup(unit.Group, ctx),
            _ => RenderType(unit.Type!, ctx, OutputSize.Builder(new[] { unit.Type! }, System.Array.Empty<OperationModel>())).ToString(),
        };
    }

    private static StringBuilder RenderType(TypeModel type, EmitContext ctx, StringBuilder into)
    {
        switch (type.Kind)
        {
            case TypeModelKind.Object: ModelEmitter.EmitModel(type, ctx.WithModelAliases(), into); break;
            case TypeModelKind.Union: UnionEmitter.Emit(type, ctx.WithModelAliases(), into); break;
            default: EnumEmitter.Emit(type, ctx, into); break;
        }
        return into;
    }

    private static string RenderGroup(EquatableArray<TypeModel> types, EmitContext ctx)
    {
        var sb = OutputSize.Builder(types, System.Array.Empty<OperationModel>());
        ctx.ModelAliases = true;
        foreach (var type in types)
        {
            RenderType(type, ctx, sb);
            ctx.WithHeader = false;
        }
        return sb.ToString();
    }
}
