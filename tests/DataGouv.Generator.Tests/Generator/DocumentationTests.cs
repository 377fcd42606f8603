using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// A consumer with <c>GenerateDocumentationFile</c> compiles the generated code with its doc comments diagnosed
/// (well-formed XML, resolvable crefs). A malformed comment is a warning there (CS1570), so it fails a build with
/// <c>TreatWarningsAsErrors</c>, and the member's documentation is dropped from the XML file.
/// </summary>
public class DocumentationTests
{
    [Theory]
    [InlineData("me")]
    [InlineData("shapes.openapi.yaml")]
    [InlineData("hostile.openapi.yaml")]
    [InlineData("polymorphism.openapi.yaml")]
    public void Doc_comments_are_well_formed_for_a_documentation_file(string spec)
    {
        var file = spec == "me" ? GeneratorHarness.MeSpec() : GeneratorHarness.TestData(spec);
        var problems = DocumentationProblems(file);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [InlineData(997)]
    [InlineData(998)]
    [InlineData(999)]
    [InlineData(1000)]
    public void A_long_description_is_cut_outside_an_escaped_character(int padding)
    {
        // The description is cut at 1,000 characters of escaped text: with '<' placed where the cut falls, a cut
        // inside "&lt;" left "&l" in the comment.
        var description = new string('a', padding) + "<b> & c " + new string('d', 200) + " \U0001F600";
        var yaml = $$"""
            openapi: 3.0.3
            info: { title: Long, version: "1" }
            paths:
              /thing:
                get:
                  operationId: getThing
                  description: "{{description}}"
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Thing" }
            components:
              schemas:
                Thing:
                  type: object
                  description: "{{description}}"
                  properties:
                    name: { type: string, description: "{{description}}" }
            """;
        var problems = DocumentationProblems(new SpecFile("/repo/long.openapi.yaml", yaml, "Test.Long"));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static List<Diagnostic> DocumentationProblems(SpecFile spec)
    {
        var result = GeneratorHarness.Run(spec);
        Assert.NotEmpty(result.Files);
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Diagnose);
        var trees = result.Files.Select(f => CSharpSyntaxTree.ParseText(f.Item2, options, f.Item1));
        var compilation = GeneratorHarness.NewCompilation().AddSyntaxTrees(trees);
        return compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }
}
