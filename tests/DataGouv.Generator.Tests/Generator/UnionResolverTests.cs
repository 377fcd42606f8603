using DataGouv.Generator.Tests.Infrastructure;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// A union and lists of it through the spec's JsonResolver (one <c>UnionInfo</c> line per union, issue 12): read and
/// written as the JSON value received, with reflection off (the resolver alone answers).
/// </summary>
public class UnionResolverTests
{
    [Fact]
    public void A_union_and_lists_of_it_round_trip_through_the_resolver()
    {
        var code = GeneratedAssembly.Compile(GeneratorHarness.Run(GeneratorHarness.TestData("shapes.openapi.yaml", "Test.Shapes")), Probe);
        Assert.Equal("""1.5|["a",2]|["b",{"x":1}]|["c"]""", code.Text("RoundTrip"));
    }

    private const string Probe = """"
        using System.Collections.Generic;
        using System.Text.Json;
        using Test.Shapes;
        using Test.Shapes.Serialization;

        public static class Probe
        {
            public static string RoundTrip()
            {
                var options = new JsonSerializerOptions { TypeInfoResolver = ShapesClientJsonResolver.Strict };
                var one = JsonSerializer.Deserialize<StringOrNumber>("1.5", options)!;
                var list = JsonSerializer.Deserialize<List<StringOrNumber>>("""["a",2]""", options)!;
                var readOnly = JsonSerializer.Deserialize<IReadOnlyList<StringOrNumber>>("""["b",{"x":1}]""", options)!;
                var iList = JsonSerializer.Deserialize<IList<StringOrNumber>>("""["c"]""", options)!;
                return JsonSerializer.Serialize(one, options) + "|" + JsonSerializer.Serialize(list, options) + "|"
                    + JsonSerializer.Serialize(readOnly, options) + "|" + JsonSerializer.Serialize(iList, options);
            }
        }
        """";
}
