using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of <c>DependencyInjection.sbncs</c>: <c>Add{ClientName}</c> over IHttpClientFactory and, when
/// IConfiguration is referenced too, an overload that binds the options from configuration key by key (no reflection,
/// no ConfigurationBinder, so it stays trimming- and NativeAOT-safe).
/// </summary>
internal static class DependencyInjectionEmitter
{
    public static string Emit(SpecModel spec, EmitContext ctx)
    {
        var view = new DependencyInjectionView(
            ctx.File,
            ctx.ClientName,
            spec.Options.GenerateConfigurationBinding,
            spec.Security.Select(s => new SecretKeyView(s.PropertyName, CSharp.Literal(s.PropertyName))).ToList());
        return TemplateRenderer.Render("DependencyInjection", view);
    }
}

/// <summary>What <c>DependencyInjection.sbncs</c> renders.</summary>
internal sealed record DependencyInjectionView(Views.FileView File, string ClientName, bool ConfigurationBinding, IReadOnlyList<SecretKeyView> SecurityKeys);

/// <summary>An options property bound from the configuration key of the same name.</summary>
internal sealed record SecretKeyView(string PropertyName, string KeyLiteral);
