using System.Text;
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
        var keys = new StringBuilder("<c>BaseAddress</c> (an absolute URI)");
        var binding = new StringBuilder();
        foreach (var s in spec.Security)
        {
            keys.Append(", <c>").Append(s.PropertyName).Append("</c>");
            binding.Append($"        if (configuration[{CSharp.Literal(s.PropertyName)}] is {{ Length: > 0 }} value{s.PropertyName}) options.{s.PropertyName} = value{s.PropertyName};\n");
        }
        var view = new
        {
            Header = FileHeader.Text(ctx.SpecFile),
            Namespace = ctx.Namespace,
            ClientName = ctx.ClientName,
            GeneratedCode = FileHeader.GeneratedCode,
            ConfigurationBinding = spec.Options.GenerateConfigurationBinding,
            ConfigurationKeys = keys.ToString(),
            SecurityBinding = binding.ToString(),
        };
        return TemplateRenderer.Render("DependencyInjection", view);
    }
}
