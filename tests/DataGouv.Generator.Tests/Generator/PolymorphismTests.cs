using System.Net;
using System.Net.Sockets;
using System.Text;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Polymorphism that dispatches (issue 12), on TestData/polymorphism.openapi.yaml, by running the generated code:
/// allOf hierarchies with a discriminator (with and without mapping, several levels, the 3.0 base-with-oneOf style),
/// unions with an inferred discriminator, unions told apart by what the JSON fits, and lossless round trips of
/// values no variant knows.
/// </summary>
public class PolymorphismTests
{
    private static readonly Lazy<GeneratorResult> Result = new(() => GeneratorHarness.Run(GeneratorHarness.TestData("polymorphism.openapi.yaml", "Test.Poly")));

    private static readonly Lazy<GeneratedAssembly> Code = new(() => GeneratedAssembly.Compile(Result.Value, Probe));

    private static string Run(string method, params object?[] args) => Code.Value.Text(method, args);

    [Fact]
    public void Generates_the_committed_files_with_no_warning()
    {
        Assert.Empty(Result.Value.CompileProblems());
        Assert.DoesNotContain(Result.Value.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        // The files of each shape (the client and the other models are the Shapes snapshot's business).
        Snapshot.Match("Polymorphism", Result.Value.Files.Where(f => SnapshotTypes.Any(t => f.HintName.EndsWith(".Models." + t + ".g.cs", StringComparison.Ordinal) || f.HintName.EndsWith(".Models." + t + ".Json.g.cs", StringComparison.Ordinal)) || f.HintName.EndsWith(".UnionShapes.g.cs", StringComparison.Ordinal)).ToList());
    }

    private static readonly string[] SnapshotTypes = { "Pet", "Cat", "Lion", "Vehicle", "PedaledVehicle", "Shape", "Circle", "Amphibian", "Action", "PaymentSource", "IdOrCount", "FlagOrList", "CatOrDog", "Animal", "Component", "ButtonOrLink" };

    [Fact]
    public void An_operation_filter_keeps_the_subclasses_of_a_kept_base()
    {
        // list_pets returns Pets only: its subclasses are reachable through the base's reader, Vehicle is not.
        var spec = GeneratorHarness.TestData("polymorphism.openapi.yaml", "Test.Poly") with { Metadata = new Dictionary<string, string> { ["IncludeOperations"] = "list_pets" } };
        var result = GeneratorHarness.Run(spec);
        Assert.True(result.CompileProblems().Count == 0, string.Join("\n", result.CompileProblems().Take(10)));
        Assert.All(new[] { "Pet", "Cat", "Dog", "Lion" }, t => Assert.Contains(result.Files, f => f.HintName.EndsWith(".Models." + t + ".g.cs", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Files, f => f.HintName.EndsWith(".Models.Vehicle.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_subtype_of_two_discriminated_bases_is_flattened_with_a_note_that_says_why()
    {
        var note = Assert.Single(Result.Value.GeneratorDiagnostics, d => d.Id == "DG0017");
        Assert.Contains("'Amphibian'", note.GetMessage());
        Assert.Contains("'Pet' and 'Vehicle'", note.GetMessage());
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        // Its copies of the inherited inline enums stay (it is flattened); the hierarchy's subtypes lost theirs.
        Assert.Contains(Result.Value.Files, f => f.HintName.EndsWith(".Models.AmphibianPowerSource.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(Result.Value.Files, f => f.HintName.Contains(".Models.LionHuntingSkill.", StringComparison.Ordinal));
        Assert.DoesNotContain(Result.Value.Files, f => f.HintName.Contains(".Models.ElectricVehiclePowerSource.", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_a_base_yields_the_subtype_its_discriminator_names_without_mapping()
    {
        const string json = """[{"petType":"Cat","name":"Tom","huntingSkill":"lazy","lives":9},{"petType":"Dog","name":"Rex","packSize":3},{"petType":"Lion","name":"Leo","lives":8,"mane":true}]""";
        Assert.Equal("Cat(Tom, lazy, 9) | Dog(Rex, 3) | Lion(Leo, 8, True)", Run("ReadPets", json));
        // Written back as Pets, each writes its own properties and its discriminator: the same JSON (in spec order).
        Assert.Equal(json, Run("PetsRoundTrip", json));
    }

    [Fact]
    public void An_unknown_discriminator_value_reads_as_the_base_and_keeps_every_property()
    {
        const string json = """{"petType":"Lizard","name":"Liz","scales":12,"colors":["green"]}""";
        Assert.Equal("Pet(Liz, Lizard) extra: scales, colors", Run("ReadPets", "[" + json + "]"));
        Assert.Equal("[" + json + "]", Run("PetsRoundTrip", "[" + json + "]"));
    }

    [Fact]
    public void A_subtype_built_in_code_writes_its_discriminator_and_its_own_properties_as_its_base()
    {
        Assert.Equal("""{"petType":"Cat","name":"Tom","lives":9}""", Run("WriteCatAsPet"));
        Assert.Equal("""{"powerSource":"human","handlebars":"drop"}""", Run("WritePedaledAsVehicle"));
    }

    [Fact]
    public void Subtypes_are_read_wherever_the_base_is_expected()
    {
        const string json = """{"favourite":{"petType":"Dog","name":"Rex","packSize":2},"pets":[{"petType":"Cat","name":"Tom"},{"petType":"Pet","name":"Plain"}]}""";
        Assert.Equal("Dog | Cat, Pet", Run("ReadOwner", json));
        Assert.Equal(json, Run("OwnerRoundTrip", json));
    }

    [Fact]
    public void An_explicit_mapping_names_the_subtypes_by_ref_and_by_schema_name()
    {
        Assert.Equal("ElectricVehicle", Run("ReadVehicle", """{"powerSource":"electricity","chargeSpeed":22}"""));
        Assert.Equal("FueledVehicle", Run("ReadVehicle", """{"powerSource":"gasoline","tankCapacity":50.5}"""));
        Assert.Equal("PedaledVehicle", Run("ReadVehicle", """{"powerSource":"human","handlebars":"drop"}"""));
        // With a mapping the schema name is not a value: "ElectricVehicle" is an unknown value, read as the base.
        Assert.Equal("Vehicle", Run("ReadVehicle", """{"powerSource":"ElectricVehicle","chargeSpeed":22}"""));
    }

    [Fact]
    public void A_base_that_lists_its_subtypes_in_a_oneOf_dispatches_like_one_extended_with_allOf()
    {
        Assert.Equal("Circle(2)", Run("ReadShape", """{"kind":"circle","radius":2}"""));
        Assert.Equal("Square(3)", Run("ReadShape", """{"kind":"square","side":3}"""));
        Assert.Equal("Shape(hexagon)", Run("ReadShape", """{"kind":"hexagon","sides":6}"""));
    }

    [Fact]
    public void A_union_whose_variants_fix_one_property_dispatches_on_it()
    {
        // Each variant has a "type" fixed by a single-value enum or a const: an inferred discriminator.
        Assert.Equal("ThreeDS2Action: await=False 3ds2=True redirect=False", Run("ReadAction", """{"type":"threeDS2","token":"t0k","paymentData":"pd"}"""));
        Assert.Equal("AwaitAction: await=True 3ds2=False redirect=False", Run("ReadAction", """{"type":"await","paymentData":"pd"}"""));
        Assert.Equal("RedirectAction: await=False 3ds2=False redirect=True", Run("ReadAction", """{"type":"redirect","url":"https://x"}"""));
        Assert.Contains("<c>type</c>", File_(".Models.Action.g.cs"));
        Assert.Contains("inferred", File_(".Models.Action.g.cs"));
    }

    [Fact]
    public void A_value_no_variant_accepts_is_unknown_and_written_back_as_received()
    {
        const string json = """{"type":"sdk","sdkData":{"a":[1,2,{"b":null}]},"paymentData":"pd"}""";
        Assert.Equal("Unknown: await=False 3ds2=False redirect=False", Run("ReadAction", json));
        Assert.Equal(json, Run("ActionRoundTrip", json));
        const string zoo = """{"animals":[{"animalType":"cow","moo":true},{"animalType":"fish","fins":2}],"action":{"type":"sdk"},"source":{"iban":"FR76","bic":null}}""";
        Assert.Equal(zoo, Run("ZooRoundTrip", zoo));
    }

    [Fact]
    public void A_union_of_subtypes_of_a_discriminated_base_dispatches_on_the_base_discriminator()
    {
        // Without the embedded discriminator, a Dog would fit Cat too (no Cat property contradicts it).
        Assert.Equal("Dog: cat=False dog=True", Run("ReadCatOrDog", """{"petType":"Dog","name":"Rex","packSize":1}"""));
        Assert.Equal("Cat: cat=True dog=False", Run("ReadCatOrDog", """{"petType":"Cat","name":"Tom"}"""));
        Assert.Equal("Unknown: cat=False dog=False", Run("ReadCatOrDog", """{"petType":"Cow","name":"Daisy"}"""));
        // A Lion is a Cat (Lion extends Cat): the Cat variant holds it, and reads it as a Lion.
        Assert.Equal("Cat: cat=True dog=False", Run("ReadCatOrDog", """{"petType":"Lion","name":"Leo","mane":true}"""));
        Assert.Equal("Lion(Leo, , True)", Run("ReadCatOrDogAsCat", """{"petType":"Lion","name":"Leo","mane":true}"""));
    }

    [Fact]
    public void A_declared_discriminator_on_a_union_uses_its_mapping()
    {
        Assert.Equal("Fish", Run("ReadAnimal", """{"animalType":"fish","fins":2}"""));
        Assert.Equal("Bird", Run("ReadAnimal", """{"animalType":"bird","wings":2}"""));
        Assert.Equal("Unknown", Run("ReadAnimal", """{"animalType":"cow"}"""));
    }

    [Fact]
    public void Without_a_discriminator_a_variant_matches_only_when_the_json_fits_it()
    {
        Assert.Equal("PaymentSourceVariant1: 1=True 2=False 3=True", Run("ReadSource", """{"number":"4111","expiry":"12/30"}"""));
        Assert.Equal("PaymentSourceVariant2: 1=False 2=True 3=True", Run("ReadSource", """{"iban":"FR76","bic":null}"""));
        // A present property of the wrong kind contradicts the variant; a missing required property too.
        Assert.Equal("PaymentSourceVariant3: 1=False 2=False 3=True", Run("ReadSource", """{"iban":76}"""));
        Assert.Equal("Unknown: 1=False 2=False 3=False", Run("ReadSource", """{"walletId":"w-1"}"""));
        Assert.Equal("Unknown: 1=False 2=False 3=False", Run("ReadSource", "[1]"));
    }

    [Fact]
    public void Primitive_variants_are_told_apart_by_the_json_kind()
    {
        Assert.Equal("String: string=True int64=False", Run("ReadIdOrCount", "\"abc\""));
        Assert.Equal("Int64: string=False int64=True", Run("ReadIdOrCount", "42"));
        Assert.Equal("Unknown: string=False int64=False", Run("ReadIdOrCount", "4.5"));
        Assert.Equal("Boolean", Run("ReadFlagOrList", "true"));
        Assert.Equal("ListOfString", Run("ReadFlagOrList", """["a"]"""));
        Assert.Equal("Double", Run("ReadFlagOrList", "3"));
        Assert.Equal("Unknown", Run("ReadFlagOrList", "\"text\""));
    }

    [Fact]
    public void A_union_whose_variants_fix_one_integer_property_dispatches_on_it()
    {
        // Each variant fixes "type" to an integer (single-value integer enum, or integer const): Discord's shape.
        Assert.Equal("Button 2: button=True select=False input=False", Run("ReadComponent", """{"type":2,"label":"Go","style":1}"""));
        Assert.Equal("SelectMenu 3: button=False select=True input=False", Run("ReadComponent", """{"type":3,"options":["a","b"]}"""));
        // A TextInput fits Button too (same property kinds) but for its type: the integer decides.
        Assert.Equal("TextInput 4: button=False select=False input=True", Run("ReadComponent", """{"type":4,"label":"Name"}"""));
        // A type this client does not know, or a string where an integer is expected: no variant, kept to the byte.
        const string future = """{"type":17,"spoiler":true,"items":[1,2.5,{"a":null}]}""";
        Assert.Equal("Unknown 17: button=False select=False input=False", Run("ReadComponent", future));
        Assert.Equal(future, Run("ComponentRoundTrip", future));
        Assert.Equal("Unknown : button=False select=False input=False", Run("ReadComponent", """{"type":"2","label":"Go"}"""));
        var union = File_(".Models.Component.g.cs");
        Assert.Contains("Told by <c>type</c>, which each variant fixes to an integer of its own (inferred).", union);
        Assert.Contains("public long? Discriminator", union);
    }

    [Fact]
    public void A_variant_listed_by_two_unions_has_its_shape_written_once()
    {
        var shapes = Assert.Single(Result.Value.Files, f => f.HintName.EndsWith(".UnionShapes.g.cs", StringComparison.Ordinal)).Text;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shapes, @"UnionShape Button = "));
        Assert.Contains("new __Property(\"type\", __Kinds.Integer, 2L)", shapes);
        Assert.Contains("__Shapes.Button.With(2L)", File_(".Models.Component.g.cs"));
        Assert.Contains("__Shapes.Button,", File_(".Models.ButtonOrLink.g.cs"));
        // No union repeats a property table of its own.
        Assert.All(Result.Value.Files.Where(f => f.HintName.Contains(".Models.", StringComparison.Ordinal)), f => Assert.DoesNotContain("__Property(", f.Text));
        // Both unions read through the one shape: without the discriminator the fit decides.
        Assert.Equal("Button", Run("ReadButtonOrLink", """{"type":2,"label":"Go"}"""));
        Assert.Equal("Link", Run("ReadButtonOrLink", """{"url":"https://x"}"""));
        Assert.Equal("Unknown", Run("ReadButtonOrLink", """{"type":3}"""));
    }

    [Fact]
    public void From_builds_a_value_that_reads_back_as_its_variant()
    {
        Assert.Equal("""Link {"url":"https://x"} https://x""", Run("FromLink", "https://x"));
        Assert.Equal("""SelectMenu {"type":3,"options":["a"]} a""", Run("FromSelectMenu", """{"type":3,"options":["a"]}"""));
        Assert.Equal("""Int64 42 | String "abc" abc""", Run("FromPrimitives"));
        // A string-enum variant: read through its wire table, a value it does not list kept as __Unrecognized.
        Assert.Equal("""CountOrStatusVariant2 "closed" Closed""", Run("FromStatus"));
        Assert.Equal("CountOrStatusVariant2 Open", Run("ReadCountOrStatus", "\"open\""));
        Assert.Equal("CountOrStatusVariant2 __Unrecognized", Run("ReadCountOrStatus", "\"later\""));
        Assert.Equal("Int64 7", Run("ReadCountOrStatus", "7"));
        Assert.Equal("Unknown ", Run("ReadCountOrStatus", "7.5"));
    }

    [Fact]
    public async Task A_streamed_list_of_a_base_dispatches_each_item_while_the_body_arrives_in_small_pieces()
    {
        var items = Enumerable.Range(0, 40).Select(i => (i % 3) switch
        {
            0 => $$"""{"name":"cat{{i}}","tag":"{{new string('x', i)}}","petType":"Cat","lives":{{i}}}""",
            1 => $$"""{"petType":"Dog","name":"dog{{i}}","packSize":{{i}}}""",
            _ => $$"""{"name":"pet{{i}}","petType":"Unknown{{i}}"}""",
        });
        await using var server = new TrickleServer("[" + string.Join(",", items) + "]");
        var expected = string.Join(",", Enumerable.Range(0, 40).Select(i => (i % 3) switch { 0 => "Cat", 1 => "Dog", _ => "Pet" }));
        Assert.Equal(expected, Run("StreamPets", server.BaseAddress));
        Assert.Equal(expected, Run("ListPets", server.BaseAddress));
    }

    private static string File_(string suffix) => Assert.Single(Result.Value.Files, f => f.HintName.EndsWith(suffix, StringComparison.Ordinal)).Text;

    /// <summary>A loopback HTTP server that sends one JSON body, chunked, a few bytes at a time.</summary>
    private sealed class TrickleServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _serving;

        public TrickleServer(string body)
        {
            _listener.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _serving = ServeAsync(Encoding.UTF8.GetBytes(body));
        }

        public Uri BaseAddress { get; }

        private async Task ServeAsync(byte[] body)
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception)
                {
                    return;
                }
                using (client)
                {
                    var stream = client.GetStream();
                    var head = new List<byte>();
                    while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
                    {
                        var b = stream.ReadByte();
                        if (b < 0) break;
                        head.Add((byte)b);
                    }
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
                    for (var at = 0; at < body.Length; at += 7)
                    {
                        var n = Math.Min(7, body.Length - at);
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(n.ToString("x") + "\r\n"));
                        await stream.WriteAsync(body.AsMemory(at, n));
                        await stream.WriteAsync("\r\n"u8.ToArray());
                        await stream.FlushAsync();
                    }
                    await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
        }
    }

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Test.Poly;
        using Action = Test.Poly.Action;

        public static class Probe
        {
            private static JsonSerializerOptions Options => PolymorphismClient.JsonOptions;

            private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

            private static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

            private static string Describe(Pet pet) => pet switch
            {
                Lion l => $"Lion({l.Name}, {l.Lives}, {l.Mane})",
                Cat c => $"Cat({c.Name}, {c.HuntingSkill?.ToString().ToLowerInvariant()}, {c.Lives})",
                Dog d => $"Dog({d.Name}, {d.PackSize})",
                _ => $"Pet({pet.Name}, {pet.PetType})" + (pet.AdditionalProperties is { } extra ? " extra: " + string.Join(", ", extra.Keys) : ""),
            };

            public static string ReadPets(string json) => string.Join(" | ", Read<List<Pet>>(json).Select(Describe));

            public static string PetsRoundTrip(string json) => Write(Read<List<Pet>>(json));

            public static string WriteCatAsPet() => Write<Pet>(new Cat { Name = "Tom", Lives = 9 });

            public static string WritePedaledAsVehicle() => Write<Vehicle>(new PedaledVehicle { Handlebars = "drop" });

            public static string ReadOwner(string json)
            {
                var owner = Read<Owner>(json);
                return owner.Favourite!.GetType().Name + " | " + string.Join(", ", owner.Pets!.Select(p => p.GetType().Name));
            }

            public static string OwnerRoundTrip(string json) => Write(Read<Owner>(json));

            public static string ReadVehicle(string json) => Read<Vehicle>(json).GetType().Name;

            public static string ReadShape(string json) => Read<Shape>(json) switch
            {
                Circle c => $"Circle({c.Radius})",
                Square s => $"Square({s.Side})",
                var shape => $"Shape({shape.Kind})",
            };

            public static string ReadAction(string json)
            {
                var action = Read<Action>(json);
                return $"{action.Kind}: await={action.TryGetAwaitAction(out _)} 3ds2={action.TryGetThreeDS2Action(out _)} redirect={action.TryGetRedirectAction(out _)}";
            }

            public static string ActionRoundTrip(string json) => Write(Read<Action>(json));

            public static string ZooRoundTrip(string json) => Write(Read<Zoo>(json));

            public static string ReadAnimal(string json)
            {
                var animal = Read<Animal>(json);
                // The switch a user writes.
                switch (animal.Kind)
                {
                    case Animal.Kinds.Fish: return animal.TryGetFish(out _) ? "Fish" : "Fish?";
                    case Animal.Kinds.Bird: return animal.TryGetBird(out _) ? "Bird" : "Bird?";
                    default: return animal.Kind.ToString();
                }
            }

            public static string ReadSource(string json)
            {
                var source = Read<PaymentSource>(json);
                return $"{source.Kind}: 1={source.TryGetPaymentSourceVariant1(out _)} 2={source.TryGetPaymentSourceVariant2(out _)} 3={source.TryGetPaymentSourceVariant3(out _)}";
            }

            public static string ReadIdOrCount(string json)
            {
                var value = Read<IdOrCount>(json);
                return $"{value.Kind}: string={value.TryGetString(out _)} int64={value.TryGetInt64(out _)}";
            }

            public static string ReadCatOrDog(string json)
            {
                var value = Read<CatOrDog>(json);
                return $"{value.Kind}: cat={value.TryGetCat(out _)} dog={value.TryGetDog(out _)}";
            }

            public static string ReadCatOrDogAsCat(string json) => Read<CatOrDog>(json).TryGetCat(out var cat) ? Describe(cat) : "none";

            public static string ReadFlagOrList(string json) => Read<FlagOrList>(json).Kind.ToString();

            public static string ReadComponent(string json)
            {
                var value = Read<Component>(json);
                return $"{value.Kind} {value.Discriminator}: button={value.TryGetButton(out _)} select={value.TryGetSelectMenu(out _)} input={value.TryGetTextInput(out _)}";
            }

            public static string ComponentRoundTrip(string json) => Write(Read<Component>(json));

            public static string ReadButtonOrLink(string json) => Read<ButtonOrLink>(json).Kind.ToString();

            public static string FromLink(string url)
            {
                var value = ButtonOrLink.FromLink(new Link { Url = url });
                return $"{value.Kind} {Write(value)} " + (value.TryGetLink(out var link) ? link.Url : "?");
            }

            public static string FromSelectMenu(string json)
            {
                var value = Component.FromSelectMenu(Read<SelectMenu>(json));
                return $"{value.Kind} {Write(value)} " + (value.TryGetSelectMenu(out var menu) ? menu.Options![0] : "?");
            }

            public static string FromStatus()
            {
                var value = CountOrStatus.FromCountOrStatusVariant2(CountOrStatusVariant2.Closed);
                return $"{value.Kind} {Write(value)} " + (value.TryGetCountOrStatusVariant2(out var s) ? s.ToString() : "?");
            }

            public static string ReadCountOrStatus(string json)
            {
                var value = Read<CountOrStatus>(json);
                return $"{value.Kind} " + (value.TryGetCountOrStatusVariant2(out var s) ? s.ToString() : value.TryGetInt64(out var n) ? n.ToString() : "");
            }

            public static string FromPrimitives()
            {
                var count = IdOrCount.FromInt64(42);
                var id = IdOrCount.FromString("abc");
                return $"{count.Kind} {Write(count)} | {id.Kind} {Write(id)} " + (id.TryGetString(out var s) ? s : "?");
            }

            public static async Task<string> StreamPets(Uri address)
            {
                using var http = new System.Net.Http.HttpClient { BaseAddress = address };
                var names = new List<string>();
                await foreach (var pet in new PolymorphismClient(http).ListPetsStreamAsync()) names.Add(pet.GetType().Name);
                return string.Join(",", names);
            }

            public static async Task<string> ListPets(Uri address)
            {
                using var http = new System.Net.Http.HttpClient { BaseAddress = address };
                var pets = await new PolymorphismClient(http).ListPetsAsync();
                return string.Join(",", pets.Select(p => p.GetType().Name));
            }
        }
        """;
}
