using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Add{ClientName} is generated only when the consumer references Microsoft.Extensions.Http, and its IConfiguration
/// overload only when Microsoft.Extensions.Configuration.Abstractions is referenced too. Whatever is generated compiles
/// with zero warnings, XML doc references checked.
/// </summary>
public class DependencyInjectionTests
{
    private const string DiHint = "DataGouv.Me.MeClient.DependencyInjection.g.cs";

    /// <summary>Microsoft.Extensions.Http and what its public API exposes, from this test project's own package references.</summary>
    private static MetadataReference[] HttpFactoryReferences() =>
    [
        MetadataReference.CreateFromFile(typeof(IHttpClientFactory).Assembly.Location), // Microsoft.Extensions.Http
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location), // DependencyInjection.Abstractions
        MetadataReference.CreateFromFile(typeof(IOptions<>).Assembly.Location), // Options
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Primitives.IChangeToken).Assembly.Location),
    ];

    private static MetadataReference ConfigurationReference() =>
        MetadataReference.CreateFromFile(typeof(IConfiguration).Assembly.Location); // Configuration.Abstractions

    private static GeneratorResult Run(SpecFile spec, params MetadataReference[] extra)
    {
        var compilation = GeneratorHarness.NewCompilation("namespace Consumer { public class Existing { } }").AddReferences(extra);
        // Diagnose makes the compiler check the generated XML docs (crefs) as a GenerateDocumentationFile consumer would.
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Diagnose);
        var driver = GeneratorHarness.CreateDriver([spec]).WithUpdatedParseOptions(parse);
        return GeneratorHarness.Run(compilation, driver);
    }

    private static void AssertCompilesClean(GeneratorResult result)
    {
        Assert.Empty(result.GeneratorDiagnostics);
        var problems = result.CompileProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void With_http_and_configuration_references_both_overloads_are_generated_and_compile_clean()
    {
        var result = Run(GeneratorHarness.MeSpec(), [.. HttpFactoryReferences(), ConfigurationReference()]);

        AssertCompilesClean(result);
        Assert.Contains(result.Files, f => f.HintName == DiHint);
        var extensions = result.Output.GetTypeByMetadataName("DataGouv.Me.MeClientServiceCollectionExtensions");
        Assert.NotNull(extensions);
        var add = extensions!.GetMembers("AddMeClient").OfType<IMethodSymbol>().ToList();
        Assert.Equal(2, add.Count);
        Assert.All(add, m => Assert.Equal("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder", m.ReturnType.ToDisplayString()));
        Assert.All(add, m => Assert.True(m.IsExtensionMethod));
        Assert.Contains(add, m => m.Parameters[1].Type.ToDisplayString() == "System.Action<DataGouv.Me.MeClientOptions>?");
        Assert.Contains(add, m => m.Parameters[1].Type.ToDisplayString() == "Microsoft.Extensions.Configuration.IConfiguration");
    }

    [Fact]
    public void Configuration_binding_reads_each_known_key_by_name_without_ConfigurationBinder()
    {
        var result = Run(GeneratorHarness.MeSpec(), [.. HttpFactoryReferences(), ConfigurationReference()]);

        var text = result.Files.Single(f => f.HintName == DiHint).Text;
        Assert.Contains("configuration[\"BaseAddress\"]", text);
        Assert.Contains("global::System.UriKind.Absolute", text);
        Assert.Contains("configuration[\"ApiKey\"]", text);
        Assert.DoesNotContain("ConfigurationBinder.", text);
        Assert.DoesNotContain(".Bind(", text);
        Assert.DoesNotContain(".Get<", text);
    }

    [Fact]
    public void Every_security_scheme_becomes_a_configuration_key()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Two schemes, version: '1' }
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { type: object, properties: { ok: { type: boolean } } }
            components:
              securitySchemes:
                key: { type: apiKey, in: header, name: X-API-KEY }
                token: { type: http, scheme: bearer }
            security:
              - key: []
              - token: []
            """;
        var result = Run(new SpecFile("/repo/two.openapi.yaml", spec, "Two.Api", "TwoClient"), [.. HttpFactoryReferences(), ConfigurationReference()]);

        AssertCompilesClean(result);
        var text = result.Files.Single(f => f.HintName == "Two.Api.TwoClient.DependencyInjection.g.cs").Text;
        Assert.Contains("configuration[\"ApiKey\"]", text);
        Assert.Contains("configuration[\"BearerToken\"]", text);
        Assert.Contains("options.BearerToken = ", text);
    }

    [Fact]
    public void With_http_but_without_configuration_only_the_delegate_overload_is_generated()
    {
        var result = Run(GeneratorHarness.MeSpec(), HttpFactoryReferences());

        AssertCompilesClean(result);
        var text = result.Files.Single(f => f.HintName == DiHint).Text;
        Assert.DoesNotContain("IConfiguration", text);
        var add = result.Output.GetTypeByMetadataName("DataGouv.Me.MeClientServiceCollectionExtensions")!.GetMembers("AddMeClient");
        Assert.Single(add);
    }

    [Fact]
    public void Configuration_alone_generates_nothing_for_DI()
    {
        var result = Run(GeneratorHarness.MeSpec(), ConfigurationReference());

        AssertCompilesClean(result);
        Assert.DoesNotContain(result.Files, f => f.HintName.Contains("DependencyInjection", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_references_no_DI_file_is_generated_and_the_rest_compiles()
    {
        var result = Run(GeneratorHarness.MeSpec());

        AssertCompilesClean(result);
        Assert.Contains(result.Files, f => f.HintName == "DataGouv.Me.MeClient.Client.g.cs");
        Assert.DoesNotContain(result.Files, f => f.HintName.Contains("DependencyInjection", StringComparison.Ordinal));
        Assert.Null(result.Output.GetTypeByMetadataName("DataGouv.Me.MeClientServiceCollectionExtensions"));
    }
}
