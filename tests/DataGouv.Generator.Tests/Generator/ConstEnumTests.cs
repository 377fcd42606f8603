using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// A oneOf/anyOf whose every alternative fixes one value (const, or a one-value enum) is an enum (Discord writes its
/// enums so): read as a union, every value fit the first alternative, and an integer one even read as strings. On
/// TestData/const-enums.openapi.yaml, by running the generated code.
/// </summary>
public class ConstEnumTests
{
    private static readonly Lazy<GeneratorResult> Result = new(() => GeneratorHarness.Run(GeneratorHarness.TestData("const-enums.openapi.yaml", "Test.Consts")));

    private static readonly Lazy<GeneratedAssembly> Code = new(() => GeneratedAssembly.Compile(Result.Value, Probe));

    private static string Run(string method, params object?[] args) => Code.Value.Text(method, args);

    private static string File_(string suffix) => Assert.Single(Result.Value.Files, f => f.HintName.EndsWith(suffix, StringComparison.Ordinal)).Text;

    [Fact]
    public void Compiles_with_no_warning()
    {
        Assert.Empty(Result.Value.CompileProblems());
        Assert.DoesNotContain(Result.Value.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_oneOf_of_integer_constants_is_an_integer_enum_named_after_the_titles()
    {
        var file = File_(".Models.ChannelTypes.g.cs");
        Assert.Contains("public enum ChannelTypes : long", file);
        // The alternative's description documents its member.
        Assert.Contains("/// <summary>A text channel within a server (wire value <c>0</c>)</summary>", file);
        Assert.Equal("DM=1 GroupDM=3 GuildText=0", Run("ChannelTypeMembers"));
        Assert.Equal("GuildText", Run("ReadType", """{"type":0}"""));
        Assert.Equal("GroupDM", Run("ReadType", """{"type":3}"""));
        // A value the spec does not list survives the round trip.
        Assert.Equal("""{"type":15}""", Run("RoundTrip", """{"type":15}"""));
    }

    [Fact]
    public void An_anyOf_of_string_constants_is_a_string_enum_that_keeps_unknown_text()
    {
        Assert.Contains("public enum WidgetImageStyles", File_(".Models.WidgetImageStyles.g.cs"));
        Assert.Equal("Banner1 | Shield,Banner2", Run("ReadStyle", """{"type":1,"style":"banner1","styles":["shield","banner2"]}"""));
        Assert.Equal("__Unrecognized | ", Run("ReadStyle", """{"type":1,"style":"banner9","styles":[]}"""));
        Assert.Equal("""{"type":1,"style":"banner9"}""", Run("RoundTrip", """{"type":1,"style":"banner9"}"""));
        Assert.Equal("All", Run("ReadFlags", """{"type":1,"flags":"all"}"""));
    }

    [Fact]
    public void A_oneOf_with_a_ref_alternative_stays_a_union()
    {
        Assert.Contains("class StyleOrWidget", File_(".Models.StyleOrWidget.g.cs"));
        Assert.Equal("Widget", Run("ReadLook", """{"type":1,"look":{"style":"shield"}}"""));
    }

    private const string Probe = """
        using System;
        using System.Linq;
        using System.Text.Json;
        using Test.Consts;

        public static class Probe
        {
            private static JsonSerializerOptions Options => ConstEnumsClient.JsonOptions;

            private static Channel Read(string json) => JsonSerializer.Deserialize<Channel>(json, Options)!;

            public static string ChannelTypeMembers() =>
                string.Join(" ", Enum.GetValues<ChannelTypes>().OrderBy(v => v.ToString(), StringComparer.Ordinal).Select(v => $"{v}={(long)v}"));

            public static string ReadType(string json) => Read(json).Type.ToString();

            public static string RoundTrip(string json) => JsonSerializer.Serialize(Read(json), Options);

            public static string ReadStyle(string json)
            {
                var channel = Read(json);
                return channel.Style + " | " + string.Join(",", channel.Styles ?? Enumerable.Empty<WidgetImageStyles>());
            }

            public static string ReadFlags(string json) => Read(json).Flags.ToString()!;

            public static string ReadLook(string json) => Read(json).Look!.Kind.ToString();
        }
        """;
}
