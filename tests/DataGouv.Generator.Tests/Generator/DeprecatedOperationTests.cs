using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// `deprecated: true` on any operation becomes [Obsolete("...")] on the client method and its interface member; the
/// message is the first paragraph of the operation's description (where a spec names the replacement).
/// </summary>
public class DeprecatedOperationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Deprecations, version: "1" }
        paths:
          /old:
            post:
              operationId: old_thing
              deprecated: true
              description: |-
                Removed in v2 (answers 404 there): use "new_thing" (POST /new) instead.

                Older servers still serve it.
              responses:
                '204': { description: done }
          /bare:
            delete:
              operationId: bare_thing
              deprecated: true
              responses:
                '204': { description: done }
          /new:
            post:
              operationId: new_thing
              description: The replacement.
              responses:
                '204': { description: done }
        """;

    [Fact]
    public void A_deprecated_operation_is_Obsolete_with_the_first_paragraph_of_its_description()
    {
        var result = GeneratorHarness.Run(new SpecFile("/repo/deprecations.openapi.yaml", Spec, "Test.Deprecations", "DepClient"));

        Assert.Empty(result.CompileProblems());
        foreach (var type in new[] { "Test.Deprecations.DepClient", "Test.Deprecations.IDepClient" })
        {
            var symbol = result.Output.GetTypeByMetadataName(type)!;
            Assert.Equal("Removed in v2 (answers 404 there): use \"new_thing\" (POST /new) instead.", ObsoleteMessage(symbol, "OldThingAsync"));
            Assert.Equal("DELETE /bare is deprecated by the API spec.", ObsoleteMessage(symbol, "BareThingAsync"));
            Assert.Null(ObsoleteMessage(symbol, "NewThingAsync"));
        }
    }

    [Fact]
    public void Calling_a_deprecated_operation_warns_with_its_message_and_a_local_pragma_silences_it()
    {
        var result = GeneratorHarness.Run(new SpecFile("/repo/deprecations.openapi.yaml", Spec, "Test.Deprecations", "DepClient"));
        const string caller = """
            namespace Consumer
            {
                public static class Caller
                {
                    public static System.Threading.Tasks.Task Warns(Test.Deprecations.IDepClient c) => c.OldThingAsync();
            #pragma warning disable CS0618 // deliberate: this caller targets old servers
                    public static System.Threading.Tasks.Task Silenced(Test.Deprecations.DepClient c) => c.OldThingAsync();
            #pragma warning restore CS0618
                    public static System.Threading.Tasks.Task Fine(Test.Deprecations.DepClient c) => c.NewThingAsync();
                }
            }
            """;

        var compilation = result.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(caller, (CSharpParseOptions)result.Output.SyntaxTrees.First().Options));
        var warnings = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal("CS0618", warning.Id);
        Assert.Contains("use \"new_thing\" (POST /new) instead", warning.GetMessage());
    }

    private static string? ObsoleteMessage(INamedTypeSymbol type, string method)
    {
        var attributes = type.GetMembers(method).OfType<IMethodSymbol>().Single().GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute").ToList();
        return attributes.Count == 0 ? null : (string?)Assert.Single(attributes).ConstructorArguments.Single().Value;
    }
}
