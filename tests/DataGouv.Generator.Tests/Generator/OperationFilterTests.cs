using System.Reflection;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Issue 12, item 4: item metadata picks operations by tag, path prefix or operationId, and only the types the kept
/// operations reach are generated. TestData/filtering.openapi.yaml: pets (listPets, createPet), stores (getStore,
/// listArchivedStores), admin (runAudit, whose request, report, union, maps and error response are its own).
/// </summary>
public class OperationFilterTests
{
    private static readonly string[] AdminTypes = ["AuditRequest", "AuditScope", "AuditReport", "AuditItem", "AuditEntry", "AuditNote", "AuditTotals", "AuditExtra", "AuditReportExtra", "AdminError"];

    private static SpecFile Spec(params (string Name, string Value)[] metadata) =>
        GeneratorHarness.TestData("filtering.openapi.yaml", "Filter.Api") with
        {
            ClientName = "ShopClient",
            Metadata = metadata.ToDictionary(m => m.Name, m => m.Value),
        };

    /// <summary>Runs the generator; the output must compile with no error and no warning (TreatWarningsAsErrors).</summary>
    private static GeneratorResult Run(params (string Name, string Value)[] metadata)
    {
        var result = GeneratorHarness.Run(Spec(metadata));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
        return result;
    }

    private static List<string> Types(GeneratorResult result) =>
        result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Filter.Api" && t.ContainingType is null && !t.Name.Contains("ShopClient", StringComparison.Ordinal))
            .Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    private static List<string> Methods(GeneratorResult result) =>
        result.Output.GetTypeByMetadataName("Filter.Api.ShopClient")!.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith("StreamAsync", StringComparison.Ordinal))
            .Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    [Fact]
    public void Without_filters_every_operation_and_every_component_schema_is_generated()
    {
        var result = Run();
        Assert.Equal(["CreatePetAsync", "GetStoreAsync", "ListArchivedStoresAsync", "ListPetsAsync", "RunAuditAsync"], Methods(result));
        var types = Types(result);
        Assert.Contains("Unused", types);
        Assert.All(AdminTypes, t => Assert.Contains(t, types));
        // Empty metadata is no filter.
        Assert.Equal(types, Types(Run(("IncludeTags", " "), ("ExcludePaths", ""))));
    }

    [Fact]
    public void Excluding_a_tag_removes_its_operations_and_the_types_only_they_used_and_keeps_the_shared_ones()
    {
        var result = Run(("ExcludeTags", "admin"));
        Assert.Equal(["CreatePetAsync", "GetStoreAsync", "ListArchivedStoresAsync", "ListPetsAsync"], Methods(result));
        var types = Types(result);
        Assert.All(AdminTypes, t => Assert.DoesNotContain(t, types));
        Assert.DoesNotContain("Unused", types);
        Assert.Equal(["CreatePetRequest", "Owner", "Pet", "Store"], types);
        Assert.DoesNotContain(result.Files, f => f.HintName.Contains("Audit", StringComparison.Ordinal) || f.Text.Contains("Audit", StringComparison.Ordinal));
    }

    [Fact]
    public void Including_a_tag_keeps_only_its_operations_and_what_they_reach()
    {
        var result = Run(("IncludeTags", "PETS"));
        Assert.Equal(["CreatePetAsync", "ListPetsAsync"], Methods(result));
        Assert.Equal(["CreatePetRequest", "Owner", "Pet"], Types(result));
    }

    [Fact]
    public void A_path_prefix_ends_at_a_segment_boundary()
    {
        var result = Run(("IncludePaths", "/v1/stores"));
        // /v1/stores/{id} is under /v1/stores; /v1/storesArchive is not.
        Assert.Equal(["GetStoreAsync"], Methods(result));
        Assert.Equal(["Owner", "Pet", "Store"], Types(result));
        Assert.Equal(["CreatePetAsync", "GetStoreAsync", "ListArchivedStoresAsync", "ListPetsAsync"], Methods(Run(("IncludePaths", "/v1/"))));
    }

    [Fact]
    public void An_operation_id_keeps_everything_it_reaches_through_unions_maps_and_additional_properties()
    {
        var result = Run(("IncludeOperations", "runAudit"));
        Assert.Equal(["RunAuditAsync"], Methods(result));
        var types = Types(result);
        // Request enum, report, union variants (AuditItem), map values (byStore), additionalProperties of an inline
        // object (extra), the shared error response, and Pet -> Owner through lastPet.
        Assert.All(AdminTypes, t => Assert.Contains(t, types));
        Assert.Contains("Pet", types);
        Assert.Contains("Owner", types);
        Assert.DoesNotContain("Store", types);
        Assert.DoesNotContain("Unused", types);
    }

    [Fact]
    public void Include_comes_first_then_exclude()
    {
        var result = Run(("IncludePaths", "/v1"), ("ExcludeOperations", "createPet;listArchivedStores"));
        Assert.Equal(["GetStoreAsync", "ListPetsAsync"], Methods(result));
        Assert.Equal(["Owner", "Pet", "Store"], Types(result));
    }

    [Fact]
    public void An_entry_that_matches_no_operation_is_reported_with_its_name()
    {
        var result = Run(("IncludeTags", "pets;petz"), ("ExcludePaths", "/v2"));
        var reported = result.GeneratorDiagnostics.Where(d => d.Id == "DG0022").ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains(reported, d => d.GetMessage().Contains("'petz' of IncludeTags", StringComparison.Ordinal));
        Assert.Contains(reported, d => d.GetMessage().Contains("'/v2' of ExcludePaths", StringComparison.Ordinal));
        Assert.Equal(["CreatePetAsync", "ListPetsAsync"], Methods(result));
    }

    [Fact]
    public void Changing_the_filter_metadata_regenerates_and_the_same_metadata_stays_cached()
    {
        var compilation = GeneratorHarness.NewCompilation("namespace Consumer { }");
        var driver = GeneratorHarness.CreateDriver([Spec(("ExcludeTags", "admin"))]).RunGenerators(compilation);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.ToString().Contains("RunAuditAsync", StringComparison.Ordinal));

        // The same metadata again: the model is equal, nothing is rendered again.
        driver = driver.WithUpdatedAnalyzerConfigOptions(Provider(("ExcludeTags", "admin"))).RunGenerators(compilation);
        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // Another filter: the model changes and the client is generated again, with the admin operation back.
        driver = driver.WithUpdatedAnalyzerConfigOptions(Provider(("ExcludeTags", "stores"))).RunGenerators(compilation);
        var run = driver.GetRunResult().Results.Single();
        Assert.Contains(run.TrackedSteps[TrackingNames.SpecModel].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var client = run.GeneratedSources.Single(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("RunAuditAsync", client);
        Assert.DoesNotContain("GetStoreAsync", client);
    }

    private static TestOptionsProvider Provider(params (string Name, string Value)[] metadata)
    {
        var spec = Spec(metadata);
        var meta = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace!,
            ["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName!,
        };
        foreach (var m in spec.Metadata!) meta["build_metadata.AdditionalFiles." + m.Key] = m.Value;
        return new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { [spec.Path] = meta });
    }

    [Fact]
    public void A_kept_subclass_keeps_its_base_and_the_base_keeps_every_subclass()
    {
        // get_cat returns Cat only. Cat derives from Pet (BaseType), and Pet's reader dispatches to Cat, Dog and Lion
        // (Subtypes): dropping any of them is CS0246 in the user's build.
        const string spec = """
            openapi: 3.0.3
            info: {title: Hierarchy, version: "1"}
            paths:
              /cats/{id}:
                get:
                  operationId: get_cat
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Cat'}}}}
              /other:
                get:
                  operationId: get_other
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}, name: {type: string}}
                  discriminator: {propertyName: petType}
                Cat:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {lives: {type: integer}}}]
                Dog:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {packSize: {type: integer}}}]
                Lion:
                  allOf: [{$ref: '#/components/schemas/Cat'}, {type: object, properties: {mane: {type: boolean}}}]
                Other:
                  type: object
                  properties: {x: {type: string}}
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/hierarchy.openapi.yaml", spec, "Filter.Api", "ShopClient") { Metadata = new Dictionary<string, string> { ["IncludeOperations"] = "get_cat" } });
        Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
        Assert.Equal(["Cat", "Dog", "Lion", "Pet"], Types(result));
        Assert.Equal("Filter.Api.Pet", result.Output.GetTypeByMetadataName("Filter.Api.Cat")!.BaseType!.ToDisplayString());
    }

    [Theory]
    [InlineData("ory-kratos-identities-api-2026-07-29.json", "IncludeTags", "identity")]
    [InlineData("datagouv-udata-api-1.0.json", "IncludePaths", "/me;/datasets/{dataset}")]
    public void A_filtered_real_spec_compiles_with_fewer_types(string file, string metadata, string value)
    {
        var text = File.ReadAllText(Path.Combine(GeneratorHarness.RepoSpecs, "corpus", file));
        GeneratorResult Generate(Dictionary<string, string> meta)
        {
            var result = GeneratorHarness.Run(new SpecFile("/specs/" + file, text, "Corpus.Api", "CorpusClient", OpenApi: "true") { Metadata = meta });
            Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "DG0022");
            Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
            return result;
        }
        static int Count(GeneratorResult r) => r.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .Count(t => t.ContainingNamespace.ToDisplayString() == "Corpus.Api");
        var all = Generate([]);
        var filtered = Generate(new() { [metadata] = value });
        Assert.InRange(Count(filtered), 1, Count(all) - 1);
    }

    [Fact]
    public void The_type_graph_walks_every_member_of_a_type_that_can_hold_a_type()
    {
        // TypeGraph.References walks the members marked true. A member that holds a TypeRef must be one of them; and
        // any member added to these records must be classified here, because a member that names another type by a
        // string (a base class, subclasses...) is invisible to the TypeRef check but must be walked just the same, or
        // a filtered spec loses types it needs (CS0246 in the user's build).
        var known = new Dictionary<string, bool>
        {
            ["TypeModel.Kind"] = false, ["TypeModel.Name"] = false, ["TypeModel.SchemaName"] = false, ["TypeModel.Summary"] = false,
            ["TypeModel.Deprecated"] = false, ["TypeModel.Properties"] = true, ["TypeModel.AdditionalProperties"] = true,
            ["TypeModel.EnumMembers"] = false, ["TypeModel.Variants"] = true, ["TypeModel.Discriminator"] = false,
            ["TypeModel.DiscriminatorInferred"] = false, ["TypeModel.BaseType"] = true, ["TypeModel.InheritedCount"] = false,
            ["TypeModel.DiscriminatorValue"] = false, ["TypeModel.Subtypes"] = true, ["TypeModel.DiscriminatorIsInteger"] = false,
            ["PropertyModel.JsonName"] = false, ["PropertyModel.Name"] = false, ["PropertyModel.Type"] = true, ["PropertyModel.Required"] = false,
            ["PropertyModel.ReadOnly"] = false, ["PropertyModel.Secret"] = false, ["PropertyModel.Deprecated"] = false, ["PropertyModel.Summary"] = false,
            ["PropertyModel.IsRequiredMember"] = false,
            ["UnionVariantModel.Name"] = false, ["UnionVariantModel.Type"] = true, ["UnionVariantModel.DiscriminatorValues"] = false,
            ["UnionVariantModel.Shape"] = false,
            // The name of a field of the spec's UnionShapes class, given after the filter (not a type).
            ["UnionVariantModel.ShapeKey"] = false,
        };
        var members = new[] { typeof(DataGouv.Generator.Model.TypeModel), typeof(DataGouv.Generator.Model.PropertyModel), typeof(DataGouv.Generator.Model.UnionVariantModel) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Key: t.Name + "." + p.Name, p.PropertyType)))
            .ToList();
        Assert.All(members, m => Assert.True(known.ContainsKey(m.Key),
            m.Key + " is new: if it names or holds another generated type, walk it in TypeGraph.References, then list it here."));
        Assert.All(members.Where(m => HoldsTypeRef(m.PropertyType, 0)), m => Assert.True(known[m.Key], m.Key + " holds a TypeRef: TypeGraph.References must walk it."));
    }

    private static bool HoldsTypeRef(Type type, int depth)
    {
        if (depth > 4) return false;
        if (type == typeof(DataGouv.Generator.Model.TypeRef)) return true;
        if (Nullable.GetUnderlyingType(type) is { } inner) return HoldsTypeRef(inner, depth + 1);
        if (type.IsGenericType && type.GetGenericArguments().Any(a => HoldsTypeRef(a, depth + 1))) return true;
        if (type.Namespace == "DataGouv.Generator.Model" && !type.IsEnum)
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.PropertyType != type && HoldsTypeRef(p.PropertyType, depth + 1));
        }
        return false;
    }
}
