using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Issue 12, item 2: a response, request body or parameter declared once (components, or 2.0's root sections) and
/// referenced by several operations is one type named after the component, which every operation returns, throws
/// or takes. Identical inline shapes stay types of their own.
/// </summary>
public class SharedComponentTests
{
    private static GeneratorResult Run(string file)
    {
        var path = Path.Combine(GeneratorHarness.RepoSpecs, "regressions", file);
        var result = GeneratorHarness.Run(new SpecFile("/specs/" + file, File.ReadAllText(path), "Reg.Api", "ApiClient"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
        return result;
    }

    /// <summary>Every type the generator declared in the spec's namespace (nested ones included), by name.</summary>
    private static List<string> DeclaredTypes(GeneratorResult result) =>
        result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Reg.Api")
            .Select(t => t.ContainingType is null ? t.Name : t.ContainingType.Name + "." + t.Name)
            .ToList();

    private static INamedTypeSymbol Client(GeneratorResult result) => result.Output.GetTypeByMetadataName("Reg.Api.ApiClient")!;

    /// <summary>The body of the error map the operation <paramref name="label"/> ("GET /things") hands to the runtime.</summary>
    private static string ErrorMapOf(string client, string label)
    {
        var space = label.IndexOf(' ', StringComparison.Ordinal);
        var call = System.Text.RegularExpressions.Regex.Match(client, "\"" + System.Text.RegularExpressions.Regex.Escape(label.Substring(0, space)) + "\", \"" + System.Text.RegularExpressions.Regex.Escape(label.Substring(space + 1)) + "\", (__Errors\\d+),");
        Assert.True(call.Success, "no call with an error map for " + label);
        var start = client.IndexOf(" " + call.Groups[1].Value + "(int __status", StringComparison.Ordinal);
        Assert.True(start >= 0, "no method " + call.Groups[1].Value);
        return client.Substring(start, client.IndexOf("\n    }", start, StringComparison.Ordinal) - start);
    }

    private static string ReturnedType(GeneratorResult result, string method) =>
        ((INamedTypeSymbol)Client(result).GetMembers(method).OfType<IMethodSymbol>().Single().ReturnType).TypeArguments.Single().ToDisplayString();

    [Fact]
    public void A_response_referenced_by_four_operations_is_one_type_that_each_of_them_throws()
    {
        var result = Run("shared-components.openapi.yaml");
        var types = DeclaredTypes(result);
        // One Conflict and one nested ConflictError, not one per operation (was ListThings_409Error, CreateThing_409Error...).
        Assert.Single(types, t => t == "Conflict");
        Assert.Single(types, t => t == "ConflictError");
        Assert.DoesNotContain(types, t => t.Contains("_409", StringComparison.Ordinal));
        var client = result.Files.Single(f => f.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).Text;
        foreach (var operation in new[] { "GET /things", "POST /things", "PUT /things/{id}", "DELETE /things/{id}" })
        {
            Assert.Contains("__status == 409) return __Http.Error<global::Reg.Api.Conflict>(", ErrorMapOf(client, operation));
        }
        // 'default' errors share Problem the same way: the map's last, unconditional answer.
        foreach (var operation in new[] { "GET /things", "POST /things" })
        {
            Assert.Contains("        return __Http.Error<global::Reg.Api.Problem>(", ErrorMapOf(client, operation));
        }
    }

    [Fact]
    public void A_shared_success_response_is_what_every_operation_returns()
    {
        var result = Run("shared-components.openapi.yaml");
        Assert.Equal("Reg.Api.Created", ReturnedType(result, "CreateThingAsync"));
        Assert.Equal("Reg.Api.Created", ReturnedType(result, "ReplaceThingAsync"));
        Assert.Single(DeclaredTypes(result), t => t == "Created");
    }

    [Fact]
    public void A_shared_request_body_and_parameter_are_one_type_each()
    {
        var result = Run("shared-components.openapi.yaml");
        var types = DeclaredTypes(result);
        Assert.Single(types, t => t == "ThingInput");
        Assert.Single(types, t => t == "Sort");
        Assert.DoesNotContain(types, t => t.EndsWith("Request", StringComparison.Ordinal) || t.EndsWith("Sort", StringComparison.Ordinal) && t != "Sort");
        var client = Client(result);
        foreach (var method in new[] { "CreateThingAsync", "ReplaceThingAsync" })
        {
            var parameters = client.GetMembers(method).OfType<IMethodSymbol>().Single().Parameters;
            Assert.Contains(parameters, p => p.Type.ToDisplayString() == "Reg.Api.ThingInput");
        }
        foreach (var method in new[] { "ListThingsAsync", "ReplaceThingAsync" })
        {
            var parameters = client.GetMembers(method).OfType<IMethodSymbol>().Single().Parameters;
            Assert.Contains(parameters, p => p.Name == "sort" && p.Type.ToDisplayString().Contains("Reg.Api.Sort", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_identical_inline_shape_stays_a_type_of_its_own_and_a_clashing_name_gets_the_section_suffix()
    {
        var types = DeclaredTypes(Run("shared-components.openapi.yaml"));
        // The 410's inline schema has the same shape as Conflict's: not merged with it.
        Assert.Single(types, t => t == "ReplaceThing_410Error");
        // The response component 'Thing' is named like the schema 'Thing': ThingResponse, not Thing2.
        Assert.Single(types, t => t == "Thing");
        Assert.Single(types, t => t == "ThingResponse");
        Assert.DoesNotContain(types, t => t == "Thing2");
    }

    [Fact]
    public void Swagger2_root_responses_and_parameters_are_shared_the_same_way()
    {
        var result = Run("shared-components-swagger2.openapi.yaml");
        var types = DeclaredTypes(result);
        Assert.Single(types, t => t == "Conflict");
        Assert.Single(types, t => t == "ConflictError");
        Assert.Single(types, t => t == "ThingInput");
        Assert.Single(types, t => t == "Sort");
        var client = result.Files.Single(f => f.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("__status == 409) return __Http.Error<global::Reg.Api.Conflict>(", ErrorMapOf(client, "POST /things"));
        Assert.Contains("__status == 409) return __Http.Error<global::Reg.Api.Conflict>(", ErrorMapOf(client, "PUT /things"));
    }

    [Fact]
    public void A_ref_to_another_operations_response_body_or_parameter_is_that_one_shared()
    {
        // '#/paths/~1things/get/responses/200' was read as a component named "200" that does not exist: the
        // operation returned nothing. Now the target is a component of its own, one type for both operations.
        var result = Run("subtree-response-ref.openapi.yaml");
        var response = ReturnedType(result, "ListThingsAsync");
        Assert.Equal(response, ReturnedType(result, "CreateThingAsync"));
        Assert.Equal(response, ReturnedType(result, "ReplaceThingAsync"));
        var client = Client(result);
        var create = client.GetMembers("CreateThingAsync").OfType<IMethodSymbol>().Single().Parameters;
        var replace = client.GetMembers("ReplaceThingAsync").OfType<IMethodSymbol>().Single().Parameters;
        Assert.Equal(create.Single(p => p.Name == "body").Type.ToDisplayString(), replace.Single(p => p.Name == "body").Type.ToDisplayString());
        Assert.True(replace.Any(p => p.Name == "sort"), string.Join(", ", replace));
        // One response type, one body type, one enum: no copies.
        var types = DeclaredTypes(result).Where(t => !t.Contains('.', StringComparison.Ordinal) && !t.StartsWith("ApiClient", StringComparison.Ordinal) && !t.StartsWith("IApiClient", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, types.Count);
        // The self-reference is reported, not followed.
        Assert.True(result.GeneratorDiagnostics.Any(d => d.Id == "DG0004"), string.Join("\n", result.GeneratorDiagnostics));
    }
}
