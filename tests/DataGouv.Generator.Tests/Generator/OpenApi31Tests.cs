using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>OpenAPI 3.1 as a first-class input: each construct of TestData/openapi31.openapi.yaml comes out right.</summary>
public class OpenApi31Tests
{
    private static readonly Lazy<GeneratorResult> Result = new(() => GeneratorHarness.Run(GeneratorHarness.TestData("openapi31.openapi.yaml", "Test.V31")));

    private static string File_(string suffix) => Assert.Single(Result.Value.Files, f => f.HintName.EndsWith(suffix, StringComparison.Ordinal)).Text;

    [Fact]
    public void The_spec_is_read_as_31_without_warnings_and_compiles()
    {
        Assert.DoesNotContain(Result.Value.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.DoesNotContain(Result.Value.GeneratorDiagnostics, d => d.Id == "DG0013");
        Assert.Empty(Result.Value.CompileProblems());
    }

    [Fact]
    public void Type_arrays_with_null_are_nullable_types()
    {
        var item = File_(".Models.Item.g.cs");
        Assert.Contains("public string? Name", item);
        Assert.Contains("public int? Count", item);
        Assert.Contains("GetItemAsync(string id, global::System.DateTimeOffset? since = null", File_("Client.g.cs"));
    }

    [Fact]
    public void Const_is_a_string_and_ref_siblings_override_the_description()
    {
        var item = File_(".Models.Item.g.cs");
        Assert.Contains("public required string Kind", item);
        Assert.Contains("The owner of this item (from the $ref sibling).", item);
        Assert.Contains("public global::Test.V31.Owner? Owner", item);
    }

    [Fact]
    public void A_ref_into_defs_and_content_encoding_are_typed()
    {
        var item = File_(".Models.Item.g.cs");
        Assert.Contains("public global::Test.V31.ItemDimensions? Size", item);
        Assert.Contains("public long? Width", File_(".Models.ItemDimensions.g.cs"));
        Assert.Contains("public byte[]? Thumbnail", item);
        var client = File_("Client.g.cs");
        Assert.Contains("Task<global::System.IO.Stream> GetImageAsync(", client);
        Assert.Contains("PutImageAsync(string id, global::System.IO.Stream body", client);
    }

    [Fact]
    public void A_nullable_enum_and_a_multi_type_value_are_typed()
    {
        var item = File_(".Models.Item.g.cs");
        Assert.Contains("ItemState? State", item);
        Assert.Contains("global::Test.V31.ItemLabel? Label", item);
        Assert.Contains("FromString(string value)", File_(".Models.ItemLabel.g.cs"));
    }

    [Fact]
    public void Webhooks_and_tuples_are_reported_as_not_generated()
    {
        var notGenerated = Result.Value.GeneratorDiagnostics.Where(d => d.Id == "DG0017").Select(d => d.GetMessage()).ToList();
        Assert.Contains(notGenerated, m => m.Contains("webhook 'itemCreated'"));
        Assert.Contains(notGenerated, m => m.Contains("prefixItems"));
        Assert.Contains("global::System.Text.Json.JsonElement? Point", File_(".Models.Item.g.cs"));
    }

    [Fact]
    public void Generates_the_committed_files()
    {
        // The spec's own files only: the support files are the same for every spec and have their own snapshots.
        Snapshot.Match("OpenApi31", Result.Value.Files.Where(f => f.HintName.Contains(".Models.") || f.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).ToList());
    }
}
