using DataGouv.Generator.Tests.Infrastructure;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// LenientParameters is a generic option (item metadata or DataGouvLenientParameters): a call that sends one of the
/// named parameters (a field mask such as udata's X-Fields) reads its response leniently. No parameter name is
/// special without it.
/// </summary>
public class LenientParametersTests
{
    private static string Client(SpecFile spec) =>
        GeneratorHarness.Run(spec).Files.Single(f => f.HintName.EndsWith(".Client.g.cs", StringComparison.Ordinal)).Text;

    [Fact]
    public void A_named_parameter_makes_the_read_lenient_when_it_is_sent()
    {
        var client = Client(GeneratorHarness.MeSpec() with { LenientParameters = "x-fields" });
        Assert.Contains("LenientByDefault || xFields is not null, \"ListOfDataset\"", client);
    }

    [Fact]
    public void Without_the_option_X_Fields_is_an_ordinary_header()
    {
        var client = Client(GeneratorHarness.MeSpec() with { LenientParameters = null });
        Assert.DoesNotContain("xFields is not null,", client);
        Assert.Contains("request.Headers.TryAddWithoutValidation(\"X-Fields\", xFields);", client);
    }

    [Fact]
    public void The_project_property_works_too_and_lists_are_comma_separated()
    {
        var driver = GeneratorHarness.CreateDriver([GeneratorHarness.MeSpec() with { LenientParameters = null }],
            new Dictionary<string, string> { ["build_property.DataGouvLenientParameters"] = "q, X-Fields" });
        var result = GeneratorHarness.Run(GeneratorHarness.NewCompilation("namespace Consumer { }"), driver);
        var client = result.Files.Single(f => f.HintName.EndsWith(".Client.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("LenientByDefault || q is not null || xFields is not null, \"ListOfDataset\"", client);
        Assert.Empty(result.CompileProblems());
    }
}
