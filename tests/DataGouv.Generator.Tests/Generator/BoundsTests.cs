using System.Text;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Nothing in a spec can take the compiler down: nesting is bounded (DG0018), $ref cycles end (DG0014), and a spec
/// whose output would be unreasonable is refused with an error (DG0019) instead of a compile of gigabytes.
/// </summary>
public class BoundsTests
{
    [Fact]
    public void Inline_objects_nested_past_the_limit_end_in_DG0018_and_still_compile()
    {
        // 100 levels of inline objects: each level is a type, so without a bound each is one more frame and one more file.
        var schema = new StringBuilder();
        for (var i = 0; i < 100; i++) schema.Append("{\"type\": \"object\", \"properties\": {\"p\": ");
        schema.Append("{\"type\": \"string\"}");
        for (var i = 0; i < 100; i++) schema.Append("}}");
        var text = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Deep\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Deep\": " + schema + "}}}";
        var result = GeneratorHarness.Run(new SpecFile("/s/deep.openapi.json", text, "Deep.Api", "ApiClient"));
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "DG0018");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.DoesNotContain(result.GeneratorDiagnostics, x => x.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void A_spec_over_the_type_budget_is_refused_with_DG0019()
    {
        var text = new StringBuilder("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Huge\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {");
        for (var i = 0; i < 20_001; i++)
        {
            if (i > 0) text.Append(',');
            text.Append("\"E").Append(i).Append("\": {\"type\": \"string\", \"enum\": [\"a\"]}");
        }
        text.Append("}}}");
        var result = GeneratorHarness.Run(new SpecFile("/s/huge.openapi.json", text.ToString(), "Huge.Api", "ApiClient"));
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "DG0019");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("20000 types", d.GetMessage());
        Assert.Empty(result.Files);
    }

    [Fact]
    public void A_subtree_ref_that_reaches_itself_through_items_and_allOf_ends()
    {
        // The shape of the 2.8 MB spec that killed csc, with the recursion going through items as well.
        const string text = """
            openapi: 3.0.3
            info: {title: Loop, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    b:
                      type: object
                      properties:
                        children:
                          type: array
                          items: {$ref: '#/components/schemas/A/properties/b'}
                        more:
                          allOf:
                            - $ref: '#/components/schemas/A/properties/b'
                            - {type: object, properties: {x: {type: integer}}}
            """;
        var result = GeneratorHarness.Run(new SpecFile("/s/loop.openapi.yaml", text, "Loop.Api", "ApiClient"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var b = Assert.Single(result.Files, f => f.HintName.EndsWith(".Models.AB.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("IList<global::Loop.Api.AB>? Children", b);
        Assert.Empty(result.CompileProblems());
    }
}
