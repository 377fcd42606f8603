using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DataGouv.Bench.Poco;
using DataGouv.Me;
using DataGouv.Me.Serialization;

namespace DataGouv.Bench;

/// <summary>
/// Checks, before any benchmark runs (and in the CI smoke), that the comparison is fair. Deterministic checks only: no
/// timing here (the timed check, STJ source-gen at least as fast as STJ reflection, runs on BenchmarkDotNet's own
/// measurements, see <see cref="BaselineTimingCheck"/>).
/// <list type="number">
/// <item>Every approach reads the same data: the generated reader, STJ source-gen and STJ reflection, each written
/// back, give the same JSON (nulls dropped, dates compared as instants), and nothing lands in unknown-property bags.</item>
/// <item>STJ source-gen takes the same code path as STJ reflection: the same converter type for every type in the
/// graph, and a default constructor for every object (no parameterized-constructor path, which the C# <c>required</c>
/// keyword forces on the source generator).</item>
/// <item>STJ source-gen allocates no more than STJ reflection, reading and writing (this is what catches a per-element
/// fast-path writer: about 1 KB per dataset).</item>
/// <item>The POCOs still enforce required members (a dataset without <c>title</c> fails for both).</item>
/// </list>
/// </summary>
public static class BaselineCheck
{
    public static void Run()
    {
        var json = TypedPayload.DatasetArray(100);
        SameData(json);
        SameCodePath();
        NoMoreAllocation(json);
        RequiredEnforced();
        Console.WriteLine($"baseline check: ok (same data for generated / STJ source-gen / STJ reflection, same STJ converters, "
            + $"STJ source-gen allocates no more than reflection; payload {json.Length / 100:N0} B per dataset)");
    }

    private static void SameData(byte[] json)
    {
        var generated = Payloads.ReadGenerated(json);
        var sourceGen = JsonSerializer.Deserialize(json, StjContext.Default.ListDatasetPoco)!;
        var reflection = JsonSerializer.Deserialize(json, Payloads.ReflectionTypeInfo)!;

        if (generated.Any(d => d.AdditionalProperties is { Count: > 0 } || (d.Resources ?? []).Any(r => r.AdditionalProperties is { Count: > 0 })))
            Fail("the generated reader kept unknown properties: the payload is not fully typed");
        if (sourceGen.Any(d => d.AdditionalProperties is { Count: > 0 } || (d.Resources ?? []).Any(r => r.AdditionalProperties is { Count: > 0 })))
            Fail("STJ kept extension data: the payload is not fully typed");

        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) MeClientJsonCollections.WriteListOfDataset(w, generated, request: false);
        var expected = Normalize(json);
        Same("generated", expected, Normalize(buffer.WrittenSpan.ToArray()));
        Same("STJ source-gen", expected, Normalize(JsonSerializer.SerializeToUtf8Bytes(sourceGen, StjContext.Default.ListDatasetPoco)));
        Same("STJ reflection", expected, Normalize(JsonSerializer.SerializeToUtf8Bytes(reflection, Payloads.ReflectionTypeInfo)));
    }

    private static void Same(string who, string expected, string actual)
    {
        if (expected == actual) return;
        var at = 0;
        while (at < Math.Min(expected.Length, actual.Length) && expected[at] == actual[at]) at++;
        Fail($"{who} read and wrote back different data at char {at}: payload …{Around(expected, at)}… against …{Around(actual, at)}…");
    }

    private static string Around(string s, int at) => s[Math.Max(0, at - 60)..Math.Min(s.Length, at + 60)];

    /// <summary>JSON text with null members dropped, keys sorted and date strings as UTC instants.</summary>
    private static string Normalize(byte[] json) => Canonical(JsonNode.Parse(json))!.ToJsonString();

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var s && s.Length >= 20 && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            => JsonValue.Create(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };

    private static void SameCodePath()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(List<DatasetPoco>)]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type)) continue;
            var sg = StjContext.Default.GetTypeInfo(type) ?? throw Fail($"StjContext has no metadata for {type}");
            var reflection = Payloads.ReflectionOptions.GetTypeInfo(type);
            if (sg.Converter.GetType() != reflection.Converter.GetType())
                Fail($"{type.Name}: STJ source-gen converter {sg.Converter.GetType().Name}, reflection {reflection.Converter.GetType().Name}");
            if (sg.Kind == JsonTypeInfoKind.Object && sg.CreateObject is null)
                Fail($"{type.Name}: STJ source-gen has no default constructor path (a C# `required` member or an init-only setter forces the slower parameterized-constructor converter; use [JsonRequired])");
            if (sg.ElementType is { } element) pending.Push(element);
            if (sg.KeyType is { } key) pending.Push(key);
            foreach (var p in sg.Properties) pending.Push(p.PropertyType);
        }
    }

    private static void NoMoreAllocation(byte[] json)
    {
        var list = JsonSerializer.Deserialize(json, StjContext.Default.ListDatasetPoco)!;
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        using var writer = new Utf8JsonWriter(buffer);
        long Write(JsonTypeInfo<List<DatasetPoco>> info) => Allocated(() =>
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, list, info);
            writer.Flush();
        });
        long Read(JsonTypeInfo<List<DatasetPoco>> info) => Allocated(() => JsonSerializer.Deserialize(json, info));

        var (readSg, readReflection) = (Read(StjContext.Default.ListDatasetPoco), Read(Payloads.ReflectionTypeInfo));
        var (writeSg, writeReflection) = (Write(StjContext.Default.ListDatasetPoco), Write(Payloads.ReflectionTypeInfo));
        if (readSg > readReflection) Fail($"STJ source-gen allocates {readSg:N0} B reading 100 datasets, reflection {readReflection:N0} B");
        if (writeSg > writeReflection) Fail($"STJ source-gen allocates {writeSg:N0} B writing 100 datasets, reflection {writeReflection:N0} B");
    }

    /// <summary>Bytes allocated on this thread by one call, after three warm-up calls (JIT and caches out of the way).</summary>
    private static long Allocated(Action action)
    {
        for (var i = 0; i < 3; i++) action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void RequiredEnforced()
    {
        var node = JsonNode.Parse(TypedPayload.DatasetArray(1))!;
        node[0]!.AsObject().Remove("title");
        var json = node.ToJsonString();
        foreach (var (who, info) in new[] { ("STJ source-gen", StjContext.Default.ListDatasetPoco), ("STJ reflection", Payloads.ReflectionTypeInfo) })
        {
            try
            {
                JsonSerializer.Deserialize(json, info);
                Fail($"{who} read a dataset without its required title");
            }
            catch (JsonException) { }
        }
    }

    private static InvalidOperationException Fail(string message) => throw new InvalidOperationException("baseline check failed: " + message);
}
