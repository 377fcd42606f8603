using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Which AdditionalFiles are specs (README, "Which files are picked up"), and severities that respect users: renames
/// the generator makes on its own are Info, so an upstream spec builds under TreatWarningsAsErrors.
/// </summary>
public class PickUpAndSeverityTests
{
    private const string Petstore = "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: list_pets\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object, properties: {name: {type: string}}}}}}}}\n";

    [Fact]
    public void A_file_with_another_name_is_left_alone_unless_marked()
    {
        var result = GeneratorHarness.Run(new SpecFile("/p/swagger.json", "{\"swagger\": \"2.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}"));
        Assert.Empty(result.Files);
        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("/p/swagger.json")]
    [InlineData("/p/openapi.yaml")]
    [InlineData("/p/api-spec.yml")]
    public void Any_file_marked_OpenApi_true_is_a_spec_with_its_options(string path)
    {
        var result = GeneratorHarness.Run(new SpecFile(path, Petstore, "Marked.Api", "PetsClient", OpenApi: "true"));
        Assert.Contains(result.Files, f => f.HintName == "Marked.Api.PetsClient.Client.g.cs");
        Assert.Contains(result.Files, f => f.Text.Contains("public partial class PetsClient") || f.Text.Contains("class PetsClient"));
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void A_file_marked_as_a_spec_that_is_not_openapi_is_DG0002()
    {
        var result = GeneratorHarness.Run(new SpecFile("/p/notes.json", "{\"hello\": \"world\"}", OpenApi: "true"));
        var d = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("DG0002", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void The_real_data_gouv_fr_swagger_builds_under_TreatWarningsAsErrors()
    {
        // 28 DG0006/DG0007 warnings about renames the user cannot fix in an upstream spec used to fail such a build.
        var path = Path.Combine(GeneratorHarness.RepoSpecs, "corpus", "datagouv-udata-api-1.0.json");
        var result = GeneratorHarness.Run(new SpecFile("/p/swagger.json", File.ReadAllText(path), "DataGouv.Api", "UdataClient", OpenApi: "true"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.NotEmpty(result.Files);
        Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
    }

    [Theory]
    [InlineData("DG0006")]
    [InlineData("DG0007")]
    [InlineData("DG0008")]
    [InlineData("DG0017")]
    [InlineData("DG0018")]
    public void Renames_and_things_not_generated_are_Info_by_default(string id)
    {
        var descriptor = typeof(OpenApiClientGenerator).Assembly.GetType("DataGouv.Generator.Diagnostics.DiagnosticDescriptors")!
            .GetMethod("Get")!.Invoke(null, [id]) as DiagnosticDescriptor;
        Assert.Equal(DiagnosticSeverity.Info, descriptor!.DefaultSeverity);
    }

    [Fact]
    public void DG0011_says_what_is_wrong_and_what_was_generated_instead()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.TestData("fuzz-regressions.openapi.yaml"));
        var d = result.GeneratorDiagnostics.First(x => x.Id == "DG0011");
        Assert.Contains("'!!!' is not an HTTP status code", d.GetMessage());
        Assert.Contains("no code is generated for that response", d.GetMessage());
    }
}
