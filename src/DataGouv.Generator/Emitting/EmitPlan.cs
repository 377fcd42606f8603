using System.Collections.Generic;
using System.IO;
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
        var prefix = o.Namespace + "." + o.ClientName + ".";
        // Spec-wide files get the model without diagnostics: a new warning must not re-render them.
        var whole = spec with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty };
        yield return new FileUnit(prefix + "Support.g.cs", FileKind.Support, specPath, file, o, null, null);
        yield return new FileUnit(prefix + "HttpSupport.g.cs", FileKind.HttpSupport, specPath, file, o, null, null);
        if (TypeFileGroups.IsGrouped(spec.Types.Count))
        {
            foreach (var (group, types) in TypeFileGroups.Split(spec.Types))
            {
                yield return new FileUnit(prefix + "Models.Group" + group.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs", FileKind.Type, specPath, file, o, null, null, types);
            }
        }
        else
        {
            foreach (var type in spec.Types)
            {
                yield return new FileUnit(HintNames.Bounded(prefix + "Models." + type.Name) + ".g.cs", FileKind.Type, specPath, file, o, type, null);
            }
        }
        yield return new FileUnit(prefix + "Json.g.cs", FileKind.Json, specPath, file, o, null, whole);
        yield return new FileUnit(prefix + "Client.g.cs", FileKind.Client, specPath, file, o, null, whole);
        if (o.GenerateDependencyInjection)
        {
            // Only the security schemes matter here (they are the options' properties): types and operations are left out.
            var security = whole with { Types = EquatableArray<TypeModel>.Empty, Operations = EquatableArray<OperationModel>.Empty };
            yield return new FileUnit(prefix + "DependencyInjection.g.cs", FileKind.DependencyInjection, specPath, file, o, null, security);
        }
    }

    public static string Render(FileUnit unit)
    {
        var ctx = new EmitContext(unit.Options, unit.SpecFile);
        return unit.Kind switch
        {
            FileKind.Support => TemplateRenderer.Render("Support", Common(ctx)),
            FileKind.HttpSupport => TemplateRenderer.Render("HttpSupport", Common(ctx)),
            FileKind.DependencyInjection => DependencyInjectionEmitter.Emit(unit.Spec!, ctx),
            FileKind.Json => JsonEmitter.Emit(unit.Spec!, ctx),
            FileKind.Client => ClientEmitter.Emit(unit.Spec!, ctx),
            _ => unit.Type is { } type ? RenderType(type, ctx) : RenderGroup(unit.Group, ctx),
        };
    }

    private static string RenderType(TypeModel type, EmitContext ctx) => type.Kind switch
    {
        TypeModelKind.Object => ModelEmitter.Emit(type, ctx),
        TypeModelKind.Union => UnionEmitter.Emit(type, ctx),
        _ => EnumEmitter.Emit(type, ctx),
    };

    private static string RenderGroup(EquatableArray<TypeModel> types, EmitContext ctx)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var type in types)
        {
            sb.Append(RenderType(type, ctx));
            ctx.WithHeader = false;
        }
        return sb.ToString();
    }

    private static object Common(EmitContext ctx) => new
    {
        Header = FileHeader.Text(ctx.SpecFile),
        Namespace = ctx.Namespace,
        ClientName = ctx.ClientName,
        GeneratedCode = FileHeader.GeneratedCode,
    };
}
