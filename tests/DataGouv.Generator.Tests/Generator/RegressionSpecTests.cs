using System.Text;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// One test per failure found by trying the generator on real specs it had never seen (issue 14). Each spec in
/// tests/specs/regressions reproduces one failure; the generated code must compile with no warning (as under
/// TreatWarningsAsErrors), and the construct must come out right, not merely compile.
/// </summary>
public class RegressionSpecTests
{
    private static GeneratorResult Run(string file, string ns = "Reg.Api")
    {
        var path = Path.Combine(GeneratorHarness.RepoSpecs, "regressions", file);
        var result = GeneratorHarness.Run(new SpecFile("/specs/" + file, File.ReadAllText(path), ns, "ApiClient"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784" or "DG0012");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
        return result;
    }

    private static string File_(GeneratorResult result, string suffix) =>
        Assert.Single(result.Files, f => f.HintName.EndsWith(suffix, StringComparison.Ordinal)).Text;

    [Fact]
    public void A_ref_into_a_subtree_of_another_component_resolves_to_that_subtree()
    {
        // Readers 1.6 resolved '#/components/schemas/Node/properties/child' to the whole of Node, and the generator
        // recursed without end (csc died with a stack overflow).
        var result = Run("subtree-ref.openapi.yaml");
        var node = File_(result, ".Models.Node.g.cs");
        Assert.Contains("public global::Reg.Api.NodeChild? Child", node);
        // 'sibling' points at child/allOf/0: the inline part with 'name', a type of its own.
        Assert.Contains("public global::Reg.Api.NodeChild0? Sibling", node);
        Assert.Contains("public string? Name", File_(result, ".Models.NodeChild0.g.cs"));
        // The subtree refers to itself through allOf: its properties come once, and the recursion ends.
        Assert.Contains("public string? Name", File_(result, ".Models.NodeChild.g.cs"));
    }

    [Fact]
    public void Escaped_surrogate_pairs_in_json_are_read()
    {
        var result = Run("surrogate-pair.openapi.json");
        var greeting = File_(result, ".Models.Greeting.g.cs");
        Assert.Contains("A greeting 🎉 with an emoji", greeting);
        var mood = File_(result, ".Models.GreetingMood.g.cs");
        Assert.Contains("😀", mood);
        Assert.Contains("😢", mood);
    }

    [Fact]
    public void Escaped_surrogate_pairs_in_yaml_are_read()
    {
        var result = Run("surrogate-pair-yaml.openapi.yaml");
        Assert.Contains(result.Files, f => f.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_nullable_string_enum_as_array_items_compiles()
    {
        // Was EnumList<AccountSubtype?>: CS0453, EnumList<T> needs a non-nullable enum.
        var result = Run("nullable-enum-items.openapi.yaml");
        Assert.Contains("IList<global::Reg.Api.AccountSubtype>? Subtypes", File_(result, ".Models.Account.g.cs"));
        Assert.Contains("EnumList<global::Reg.Api.AccountSubtype>", string.Concat(result.Files.Select(f => f.Text)));
        Assert.DoesNotContain(result.Files, f => f.Text.Contains("EnumList<global::Reg.Api.AccountSubtype?>"));
    }

    [Fact]
    public void Null_items_of_an_enum_list_read_leniently_stay_null_when_written_back()
    {
        // Lenient reads took a null item of an enum list as default(T), the first member ("checking"), and wrote
        // "checking" back. Now it is kept as a null (EnumList.IsNullAt) and written as null; strict reads refused it
        // although the items are nullable.
        var code = GeneratedAssembly.Compile(Run("nullable-enum-items.openapi.yaml"), NullableEnumProbe);
        const string json = """{"subtypes":[null,"checking","future"],"inline":[null,"a"]}""";
        Assert.Equal("null=True,False,False first=__Unrecognized|" + json, code.Text("RoundTrip", json, true));
        // The items are nullable, so a strict read takes the nulls too, and writes them back.
        Assert.Equal("null=True,False,False first=__Unrecognized|" + json, code.Text("RoundTrip", json, false));
    }

    private const string NullableEnumProbe = """
        using System.Text.Json;
        using DataGouv.Client;
        using Reg.Api;

        public static class Probe
        {
            public static string RoundTrip(string json, bool lenient)
            {
                var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
                reader.Read();
                var account = DataGouv.Client.Runtime.JsonModelConverter<Account>.ReadValue(ref reader, lenient);
                var list = (EnumList<AccountSubtype>)account.Subtypes!;
                return $"null={list.IsNullAt(0)},{list.IsNullAt(1)},{list.IsNullAt(2)} first={list[0]}|" + JsonSerializer.Serialize(account, ApiClient.JsonOptions);
            }
        }
        """;

    [Fact]
    public void Int64_integer_enums_are_long_enums()
    {
        // Was an int enum: CS0266 on 1099511627776.
        var result = Run("int64-enum.openapi.yaml");
        var permission = File_(result, ".Models.Permission.g.cs");
        Assert.Contains("public enum Permission : long", permission);
        Assert.Contains("= 1099511627776", permission);
        Assert.Contains("= -9223372036854775808", permission);
    }

    [Fact]
    public void Long_schema_and_operation_names_give_hint_names_a_file_system_accepts()
    {
        // EmitCompilerGeneratedFiles writes each hint name as a file name: over 255 bytes it was CS0016.
        var result = Run("long-names.openapi.yaml");
        Assert.All(result.Files, f => Assert.True(Encoding.UTF8.GetByteCount(f.HintName) <= 200, f.HintName + " is " + Encoding.UTF8.GetByteCount(f.HintName) + " bytes"));
        Assert.Equal(result.Files.Count, result.Files.Select(f => f.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_required_deprecated_property_puts_no_warning_into_the_users_build()
    {
        // [Obsolete] on a required member is CS9042; Run asserts no warning at all.
        var result = Run("required-deprecated.openapi.yaml");
        var thing = File_(result, ".Models.Thing.g.cs");
        Assert.Contains("Use name. (Deprecated.)", thing);
        // An optional deprecated property keeps [Obsolete].
        Assert.Contains("[global::System.Obsolete]", thing);
    }

    [Fact]
    public void Parameters_keep_their_names_whatever_the_generated_method_body_calls_its_locals()
    {
        // A query parameter named 'url' became 'url2' because the body owned a local called 'url'.
        var client = File_(Run("local-names.openapi.yaml"), "Client.g.cs");
        Assert.Contains("SearchAsync(string request, string? url = null, string? response = null, string? content = null, string? first = null, long? status = null, string? errorBody = null, string? fields = null", client);
        Assert.Contains("string? reader = null, bool? lenient = null, string? w = null", client);
    }

    [Fact]
    public void Duplicate_operation_ids_get_their_suffix_before_Async()
    {
        var result = Run("duplicate-operation-ids.openapi.yaml");
        var client = File_(result, "Client.g.cs");
        Assert.Contains(" PostDesignAsync(", client);
        Assert.Contains(" PostDesign2Async(", client);
        Assert.Contains(" PostDesign3Async(", client);
        Assert.DoesNotContain("PostDesignAsync2", client);
        Assert.Equal(2, result.GeneratorDiagnostics.Count(d => d.Id == "DG0007" && d.Severity == DiagnosticSeverity.Info));
    }

    [Fact]
    public void Properties_named_like_the_generated_members_compile_and_keep_their_names()
    {
        // A property called "json" once got the backing field __Json, which hid the file's __Json alias (CS0236).
        var result = Run("member-names.openapi.yaml");
        var thing = File_(result, ".Models.Thing.g.cs");
        Assert.Contains("public required string Json", thing);
        Assert.Contains("public string? Present0", thing);
        Assert.Contains("public string? JsonField", thing);
    }

    [Fact]
    public void A_form_body_that_is_an_alias_of_itself_is_DG0014_and_the_rest_compiles()
    {
        var path = Path.Combine(GeneratorHarness.RepoSpecs, "regressions", "self-alias-form.openapi.yaml");
        var result = GeneratorHarness.Run(new SpecFile("/specs/self-alias-form.openapi.yaml", File.ReadAllText(path), "Reg.Api", "ApiClient"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784" or "DG0012");
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "DG0014");
        var client = File_(result, ".ApiClient.Client.g.cs");
        Assert.Contains(" UploadAsync(", client);
        Assert.Contains(" AttachAsync(", client);
        Assert.Contains(" PingAsync(", client);
        Assert.Empty(result.CompileProblems());
    }

    [Fact]
    public void A_yaml_scalar_over_65536_characters_is_read()
    {
        // Microsoft.OpenApi.YamlReader refuses such scalars; the generator parses YAML itself and keeps them.
        var description = new string('x', 70_000);
        var text = "openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: get_a\n      description: \"" + description + "\"\n" +
                   "      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {x: {type: string}}}}}}}\n";
        var result = GeneratorHarness.Run(new SpecFile("/s/big.openapi.yaml", text, "Big.Api", "ApiClient"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        // The doc comment keeps the start of it (the emitter shortens long docs).
        Assert.Contains(result.Files, f => f.Text.Contains(new string('x', 900)));
        Assert.Empty(result.CompileProblems());
    }
}
