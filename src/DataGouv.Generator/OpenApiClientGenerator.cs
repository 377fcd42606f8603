using System;
using System.Linq;
using System.Text;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Emitting;
using DataGouv.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataGouv.Generator;

/// <summary>
/// OpenAPI spec (an AdditionalFile named *.openapi.yaml|yml|json, or marked OpenApi="true") in, typed zero-reflection client out.
/// This class only builds the pipeline: parsing lives in Parsing/, the model in Model/, rendering in Emitting/.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // A spec is a file named *.openapi.yaml|yml|json, or any AdditionalFiles item marked OpenApi="true" (what
        // <OpenApiReference> produces, whatever the file is called). Other AdditionalFiles are left alone.
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSpec(pair.Left.Path) || IsMarkedSpec(pair.Right.GetOptions(pair.Left)))
            .WithTrackingName(TrackingNames.SpecFiles);

        var inputs = specFiles
            .Select(static (pair, ct) => OptionsReader.Read(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.SpecText);

        // Only a bool leaves the compilation, so a C# edit stops here (the bool compares equal).
        var hasHttpFactory = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.Extensions.Http"))
            .WithTrackingName(TrackingNames.Environment);

        // Same pattern: IConfiguration-based registration is generated only when the consumer can name IConfiguration.
        var hasConfiguration = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.Extensions.Configuration.Abstractions"))
            .WithTrackingName(TrackingNames.Environment);

        var models = inputs
            .Combine(hasHttpFactory)
            .Combine(hasConfiguration)
            .Select(static (pair, ct) =>
            {
                var input = pair.Left.Left;
                var options = input.Options with { GenerateDependencyInjection = pair.Left.Right, GenerateConfigurationBinding = pair.Left.Right && pair.Right };
                return (Path: input.Path, Model: SpecParser.Parse(input.Path, input.Text, options, input.OptionDiagnostics, ct));
            })
            .WithTrackingName(TrackingNames.SpecModel);

        context.RegisterSourceOutput(
            models.Select(static (m, _) => m.Model.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (spc, diagnostics) =>
            {
                foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
            });

        // Specs that would generate a type another spec already generates into the same namespace are left out,
        // with DG0020 naming the type (instead of a wall of CS0101 errors).
        var clashes = models
            .Select(static (m, _) => TypeClashes.NamesOf(m.Path, m.Model))
            .WithTrackingName(TrackingNames.TypeNames)
            .Collect()
            .Select(static (all, _) => TypeClashes.Find(all))
            .WithTrackingName(TrackingNames.Clashes);

        context.RegisterSourceOutput(
            clashes.Select(static (c, _) => c.Diagnostics),
            static (spc, diagnostics) =>
            {
                foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
            });

        var files = models
            .Combine(clashes.Select(static (c, _) => c.BlockedSpecs))
            .SelectMany(static (pair, _) => pair.Right.Contains(pair.Left.Path) ? Enumerable.Empty<FileUnit>() : EmitPlan.Files(pair.Left.Model, pair.Left.Path))
            .WithTrackingName(TrackingNames.Files);

        context.RegisterSourceOutput(files, static (spc, unit) =>
        {
            string text;
            try
            {
                text = EmitPlan.Render(unit);
                spc.AddSource(unit.HintName, SourceText.From(text, Encoding.UTF8));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(unit.SpecPath),
                    unit.SpecFile, ex.GetType().Name, SpecReader.OneLine(unit.HintName + ": " + ex.Message)).ToDiagnostic());
            }
        });
    }

    /// <summary>The item metadata that makes any AdditionalFiles item a spec: <c>&lt;AdditionalFiles Include="swagger.json" OpenApi="true" /&gt;</c>.</summary>
    public const string SpecMetadata = "OpenApi";

    private static bool IsMarkedSpec(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
        options.TryGetValue("build_metadata.AdditionalFiles." + SpecMetadata, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Specs are recognised by name (or by the <see cref="SpecMetadata"/> flag) so that other AdditionalFiles are left alone.</summary>
    public static bool IsSpec(string path) =>
        path.EndsWith(".openapi.yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".openapi.yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".openapi.json", StringComparison.OrdinalIgnoreCase);
}
