using System.Text.Json.Nodes;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Polymorphism on real specs of tests/specs: Adyen's transfer category data (a oneOf whose variants each have a
/// single-value enum <c>type</c>), with its declared discriminator and with every discriminator removed (then it is
/// inferred), and readme.io's discriminator examples (allOf inheritance, mappings by $ref and by name, an
/// embedded discriminator). The generated code is compiled with no warning and run.
/// </summary>
public class PolymorphismRealSpecTests
{
    private static GeneratorResult Generate(string relativePath, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(GeneratorHarness.RepoSpecs, relativePath));
        return GeneratorHarness.Run(new SpecFile("/corpus/" + Path.GetFileNameWithoutExtension(relativePath) + ".openapi" + Path.GetExtension(relativePath), edit is null ? text : edit(text), "Corpus.Api", "ApiClient"));
    }

    private static readonly Lazy<(GeneratorResult Result, GeneratedAssembly Code)> Adyen = new(() =>
    {
        var result = Generate("corpus/adyen-transfers-api-4.json");
        return (result, GeneratedAssembly.Compile(result, AdyenProbe));
    });

    private static readonly Lazy<(GeneratorResult Result, GeneratedAssembly Code)> AdyenWithoutDiscriminators = new(() =>
    {
        var result = Generate("corpus/adyen-transfers-api-4.json", StripDiscriminators);
        return (result, GeneratedAssembly.Compile(result, AdyenProbe));
    });

    private static readonly Lazy<(GeneratorResult Result, GeneratedAssembly Code)> Readme = new(() =>
    {
        var result = Generate("extra/readme-oas-examples-3.0-discriminators.json");
        return (result, GeneratedAssembly.Compile(result, ReadmeProbe));
    });

    [Fact]
    public void The_specs_compile_with_no_warning()
    {
        Assert.Empty(Adyen.Value.Result.CompileProblems());
        Assert.Empty(AdyenWithoutDiscriminators.Value.Result.CompileProblems());
        Assert.Empty(Readme.Value.Result.CompileProblems());
        Assert.Empty(Generate("extra/readme-oas-examples-3.0-polymorphism.json").CompileProblems());
        Assert.Empty(Generate("corpus/adyen-configuration-webhooks-2.json").CompileProblems());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_adyen_category_reads_as_its_variant_and_only_it(bool withoutDiscriminators)
    {
        var code = (withoutDiscriminators ? AdyenWithoutDiscriminators : Adyen).Value.Code;
        const string card = """{"type":"issuedCard","panEntryMode":"chip","processingType":"pos","validationFacts":[{"type":"cvv","result":"valid"}]}""";
        Assert.Equal("IssuedCard: bank=False internal=False card=True platform=False|" + card, code.Text("ReadCategory", card));
        const string bank = """{"priority":"instant","type":"bank"}""";
        Assert.Equal("BankCategoryData: bank=True internal=False card=False platform=False|" + bank, code.Text("ReadCategory", bank));
        const string platform = """{"type":"platformPayment","platformPaymentType":"Fee","modificationPspReference":"ABC"}""";
        Assert.Equal("PlatformPayment: bank=False internal=False card=False platform=True|" + platform, code.Text("ReadCategory", platform));
        // A category this client does not know yet: no variant, and the JSON is kept to the byte.
        const string future = """{"type":"cryptoWallet","wallet":{"chain":"x","n":[1,2.5e3,null]}}""";
        Assert.Equal("Unknown: bank=False internal=False card=False platform=False|" + future, code.Text("ReadCategory", future));
    }

    [Fact]
    public void Without_its_discriminator_the_adyen_union_says_which_property_it_infers()
    {
        var union = Assert.Single(AdyenWithoutDiscriminators.Value.Result.Files, f => f.HintName.EndsWith(".Models.TransferCategoryData.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("Told by <c>type</c>, which each variant fixes to a value of its own", union);
        Assert.Contains("inferred", union);
    }

    private static readonly Lazy<(GeneratorResult Result, GeneratedAssembly Code)> Discord = new(() =>
    {
        // Only get_message and the types it reaches: the message components, whose unions dispatch on an integer.
        var text = File.ReadAllText(Path.Combine(GeneratorHarness.RepoSpecs, "corpus/discord-http-api-10.json"));
        var result = GeneratorHarness.Run(new SpecFile("/corpus/discord-http-api-10.openapi.json", text, "Corpus.Api", "ApiClient")
            { Metadata = new Dictionary<string, string> { ["IncludeOperations"] = "get_message" } });
        return (result, GeneratedAssembly.Compile(result, DiscordProbe));
    });

    [Fact]
    public void Discord_message_components_read_as_the_variant_their_integer_type_names()
    {
        Assert.Empty(Discord.Value.Result.CompileProblems());
        // A message's components as Discord sends them: an action row (type 1) holding a button (2), a string
        // select (3) and a user select (5), then a text display (10) and a component type this client does not know.
        const string components = """[{"type":1,"id":1,"components":[{"type":2,"id":2,"custom_id":"click_one","style":1,"label":"Click me!"},{"type":3,"id":3,"custom_id":"class_select_1","min_values":1,"max_values":1,"options":[{"label":"Rogue","value":"rogue","description":"Sneak n stab"}],"placeholder":"Choose a class"},{"type":5,"id":4,"custom_id":"users","min_values":1,"max_values":3}]},{"type":10,"id":5,"content":"# Hello"},{"type":99,"id":6,"future":[1,{"x":null}]}]""";
        Assert.Equal(
            "ActionRowComponentResponse[ButtonComponentResponse=2(Click me!), StringSelectComponentResponse=3(Rogue), UserSelectComponentResponse=5] TextDisplayComponentResponse Unknown|" + components,
            Discord.Value.Code.Text("ReadComponents", components));
        var union = Assert.Single(Discord.Value.Result.Files, f => f.Text.Contains("class ActionRowComponentResponseComponentsItem ", StringComparison.Ordinal)).Text;
        Assert.Contains("fixes to an integer of its own (inferred)", union);
    }

    [Fact]
    public void Readme_allOf_subtypes_are_read_from_their_base()
    {
        var code = Readme.Value.Code;
        Assert.Equal("Cat(True, 3)", code.Text("ReadPet", """{"pet_type":"Cat","hunts":true,"age":3}"""));
        Assert.Equal("Dog(Husky)", code.Text("ReadPet", """{"pet_type":"Dog","bark":false,"breed":"Husky"}"""));
        Assert.Equal("Pet(Hamster)", code.Text("ReadPet", """{"pet_type":"Hamster"}"""));
        Assert.Equal("""{"pet_type":"Cat","hunts":true}""", code.Text("WriteCat"));
        Assert.Equal("PedaledVehicle", code.Text("ReadVehicle", """{"powerSource":"human-energy","handlebars":"drop"}"""));
        Assert.Equal("ElectricVehicle", code.Text("ReadVehicle", """{"vehicleType":"car","powerSource":"electricity","chargeSpeed":150}"""));
        Assert.Equal("BaseVehicle", code.Text("ReadVehicle", """{"powerSource":"PedaledVehicle"}"""));
    }

    [Fact]
    public void Readme_unions_dispatch_by_mapping_names_and_by_embedded_discriminator()
    {
        var code = Readme.Value.Code;
        Assert.Equal("OptionTwoNoDisc", code.Text("ReadByNames", """{"discrim":"Option Two","optiontwo":"x"}"""));
        Assert.Equal("OptionOneNoDisc", code.Text("ReadByNames", """{"discrim":"Option One","optionone":1.5}"""));
        Assert.Equal("Unknown", code.Text("ReadByNames", """{"discrim":"OptionTwoNoDisc","optiontwo":"x"}"""));
        Assert.Equal("Dog", code.Text("ReadEmbedded", """{"pet_type":"Dog","bark":true}"""));
        Assert.Equal("Cat", code.Text("ReadEmbedded", """{"pet_type":"Cat","hunts":true}"""));
    }

    /// <summary>The spec with every <c>discriminator</c> keyword removed: what a spec that never declares one looks like.</summary>
    private static string StripDiscriminators(string json)
    {
        var root = JsonNode.Parse(json)!;
        var removed = 0;
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o.Remove("discriminator")) removed++;
                    foreach (var child in o.Select(p => p.Value).ToList()) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(root);
        Assert.True(removed > 5, "the Adyen spec declares discriminators: " + removed);
        return root.ToJsonString();
    }

    private const string AdyenProbe = """
        using System.Text.Json;
        using Corpus.Api;

        public static class Probe
        {
            public static string ReadCategory(string json)
            {
                var v = JsonSerializer.Deserialize<TransferCategoryData>(json, ApiClient.JsonOptions)!;
                return $"{v.Kind}: bank={v.TryGetBankCategoryData(out _)} internal={v.TryGetInternalCategoryData(out _)} card={v.TryGetIssuedCard(out _)} platform={v.TryGetPlatformPayment(out _)}|"
                    + JsonSerializer.Serialize(v, ApiClient.JsonOptions);
            }
        }
        """;

    private const string DiscordProbe = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using Corpus.Api;

        public static class Probe
        {
            private static string Row(ActionRowComponentResponse row) => "[" + string.Join(", ", row.Components.Select(c => c.Kind + "=" + c.Discriminator
                + (c.TryGetButtonComponentResponse(out var b) ? "(" + b.Label + ")" : c.TryGetStringSelectComponentResponse(out var s) ? "(" + s.Options[0].Label + ")" : ""))) + "]";

            public static string ReadComponents(string json)
            {
                var items = JsonSerializer.Deserialize<List<MessageResponseComponentsItem>>(json, ApiClient.JsonOptions)!;
                return string.Join(" ", items.Select(i => i.Kind + (i.TryGetActionRowComponentResponse(out var row) ? Row(row) : "")))
                    + "|" + JsonSerializer.Serialize(items, ApiClient.JsonOptions);
            }
        }
        """;

    private const string ReadmeProbe = """
        using System.Text.Json;
        using Corpus.Api;

        public static class Probe
        {
            private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ApiClient.JsonOptions)!;

            public static string ReadPet(string json) => Read<Pet>(json) switch
            {
                Cat c => $"Cat({c.Hunts}, {c.Age})",
                Dog d => $"Dog({d.Breed})",
                var p => $"Pet({p.PetType})",
            };

            public static string WriteCat() => JsonSerializer.Serialize<Pet>(new Cat { Hunts = true }, ApiClient.JsonOptions);

            public static string ReadVehicle(string json) => Read<BaseVehicle>(json).GetType().Name;

            public static string ReadByNames(string json) => Read<PatchMappingOfSchemaNamesRequest>(json).Kind.ToString();

            public static string ReadEmbedded(string json) => Read<PatchEmbeddedDiscriminatorRequest>(json).Kind.ToString();
        }
        """;
}
