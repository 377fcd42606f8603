using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>The generated code compiles with zero errors and zero warnings, nullable on, against .NET 10 reference assemblies.</summary>
public class CompilationTests
{
    [Theory]
    [InlineData("me")]
    [InlineData("shapes.openapi.yaml")]
    [InlineData("hostile.openapi.yaml")]
    [InlineData("second.openapi.json")]
    [InlineData("no-json.openapi.yaml")]
    public void Generated_code_compiles_without_errors_or_warnings(string spec)
    {
        var file = spec == "me" ? GeneratorHarness.MeSpec() : GeneratorHarness.TestData(spec);
        var result = GeneratorHarness.Run(file);
        Assert.NotEmpty(result.Files);
        var problems = result.CompileProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Me_client_exposes_the_contract_surface()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.MeSpec());
        var client = result.Output.GetTypeByMetadataName("DataGouv.Me.MeClient");
        Assert.NotNull(client);
        var methods = client!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).ToHashSet();
        foreach (var name in new[] { "GetMeAsync", "UpdateMeAsync", "DeleteMeAsync", "GenerateApikeyAsync", "ClearApikeyAsync", "MyAvatarAsync",
                     "MyDatasetsAsync", "MyMetricsAsync", "MyOrgCommunityResourcesAsync", "MyOrgDatasetsAsync", "MyOrgDiscussionsAsync", "MyOrgReusesAsync", "MyReusesAsync" })
        {
            Assert.Contains(name, methods);
        }
        var metrics = client.GetMembers("MyMetricsAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Threading.Tasks.Task<DataGouv.Me.MyMetrics>", metrics.ReturnType.ToDisplayString());
        var datasets = client.GetMembers("MyOrgDatasetsAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<DataGouv.Me.Dataset>>", datasets.ReturnType.ToDisplayString());
        Assert.Equal(["q", "xFields", "cancellationToken"], datasets.Parameters.Select(p => p.Name));
        var delete = client.GetMembers("DeleteMeAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("System.Threading.Tasks.Task", delete.ReturnType.ToDisplayString());
        var avatar = client.GetMembers("MyAvatarAsync").OfType<IMethodSymbol>().Single(m => m.Parameters[0].Type.Name == "Stream");
        Assert.Equal(["file", "fileName", "bbox", "xFields", "cancellationToken"], avatar.Parameters.Select(p => p.Name));
        Assert.NotNull(result.Output.GetTypeByMetadataName("DataGouv.Me.IMeClient"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("DataGouv.Me.MeClientOptions"));
        // The exception comes from the runtime library, one type for every client; nothing of it is generated per spec.
        Assert.Null(result.Output.GetTypeByMetadataName("DataGouv.Me.ApiException"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("DataGouv.Client.ApiException"));
    }

    [Fact]
    public void Discussion_member_named_like_its_type_gets_a_stable_suffix()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.MeSpec());
        var discussion = result.Output.GetTypeByMetadataName("DataGouv.Me.Discussion")!;
        var property = (IPropertySymbol)discussion.GetMembers("DiscussionValue").Single();
        Assert.Equal("System.Collections.Generic.IList<DataGouv.Me.DiscussionMessage>?", property.Type.ToDisplayString());
    }
}
