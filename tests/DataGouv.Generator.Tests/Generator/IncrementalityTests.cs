using System.Collections;
using System.Reflection;
using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// The pipeline caches: an unrelated C# edit or a comment-only spec edit re-renders nothing, and a real edit
/// re-renders only the files that depend on what changed.
/// </summary>
public class IncrementalityTests
{
    private static (GeneratorDriver Driver, Compilation Compilation, SpecFile Spec) FirstRun()
    {
        var spec = GeneratorHarness.MeSpec();
        var compilation = GeneratorHarness.NewCompilation("namespace Consumer { public class Existing { } }");
        var driver = GeneratorHarness.CreateDriver([spec]).RunGenerators(compilation);
        return (driver, compilation, spec);
    }

    private static GeneratorRunResult Single(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_output_cached()
    {
        var (driver, compilation, _) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));
        var run = Single(driver);
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedSteps[TrackingNames.SpecModel].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Comment_only_spec_edit_leaves_the_model_unchanged_and_outputs_cached()
    {
        var (driver, compilation, spec) = FirstRun();
        driver = ReplaceSpec(driver, spec.Path, spec.Text + "\n# a comment that changes nothing\n");
        driver = driver.RunGenerators(compilation);
        var run = Single(driver);
        Assert.All(run.TrackedSteps[TrackingNames.SpecText].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(run.TrackedSteps[TrackingNames.SpecModel].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Real_spec_edit_rerenders_only_the_affected_files()
    {
        var (driver, compilation, spec) = FirstRun();
        // Add a property to MyMetrics only.
        var edited = AddProperty(spec.Text, "MyMetrics", "reuses_count: {type: integer}");
        Assert.NotEqual(spec.Text, edited);
        driver = ReplaceSpec(driver, spec.Path, edited);
        driver = driver.RunGenerators(compilation);
        var run = Single(driver);
        var files = run.TrackedSteps[TrackingNames.Files].SelectMany(s => s.Outputs).ToList();
        var changed = files.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((Emitting.FileUnit)o.Value).HintName).OrderBy(x => x).ToList();
        Assert.Equal(["DataGouv.Me.MeClient.Client.g.cs", "DataGouv.Me.MeClient.Json.g.cs", "DataGouv.Me.MeClient.Models.MyMetrics.g.cs"], changed);
        var dataset = files.Single(o => ((Emitting.FileUnit)o.Value).HintName.EndsWith("Models.Dataset.g.cs"));
        Assert.Equal(IncrementalStepRunReason.Unchanged, dataset.Reason);
        var generated = run.GeneratedSources.Single(s => s.HintName.EndsWith("Models.MyMetrics.g.cs")).SourceText.ToString();
        Assert.Contains("ReusesCount", generated);
    }

    [Fact]
    public void Large_specs_group_types_and_an_edit_rerenders_only_that_group()
    {
        static string Spec(int schemas, string extra) =>
            "openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: get_a\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/S0'}}}}}\ncomponents:\n  schemas:\n"
            + string.Concat(Enumerable.Range(0, schemas).Select(i => $"    S{i}: {{type: object, properties: {{id: {{type: string}}, next: {{$ref: '#/components/schemas/S{(i + 1) % schemas}'}}{(i == 7 ? extra : "")}}}}}\n"));
        var spec = new SpecFile("/big/big.openapi.yaml", Spec(300, ""), "Big.Api", "BigClient");
        var compilation = GeneratorHarness.NewCompilation("namespace Consumer { public class Existing { } }");
        var driver = GeneratorHarness.CreateDriver([spec]);
        var first = GeneratorHarness.Run(compilation, driver);
        Assert.Empty(first.CompileProblems());
        var models = first.Files.Where(f => f.HintName.Contains(".Models.")).ToList();
        Assert.All(models, f => Assert.Matches(@"\.Models\.Group\d\d\.g\.cs$", f.HintName));
        Assert.InRange(models.Count, 2, Emitting.TypeFileGroups.GroupCount);

        driver = ReplaceSpec(first.Driver, spec.Path, Spec(300, ", added: {type: integer}"));
        driver = driver.RunGenerators(compilation);
        var changed = Single(driver).TrackedSteps[TrackingNames.Files].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((Emitting.FileUnit)o.Value).HintName).OrderBy(x => x).ToList();
        var group = Emitting.TypeFileGroups.GroupOf("S7").ToString("00");
        Assert.Equal(["Big.Api.BigClient.Client.g.cs", "Big.Api.BigClient.Json.g.cs", $"Big.Api.BigClient.Models.Group{group}.g.cs"], changed);
    }

    [Fact]
    public void Step_outputs_hold_no_roslyn_or_openapi_objects()
    {
        var (driver, _, _) = FirstRun();
        var run = Single(driver);
        Assert.NotEmpty(run.TrackedSteps);
        var ours = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        // SpecFiles holds the AdditionalText itself (the input); every step after it must hold only our model.
        foreach (var step in run.TrackedSteps.Where(s => ours.Contains(s.Key) && s.Key != TrackingNames.SpecFiles))
        {
            foreach (var output in step.Value.SelectMany(s => s.Outputs))
            {
                AssertClean(output.Value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    [Fact]
    public void Every_tracking_name_is_used_by_the_pipeline()
    {
        var (driver, _, _) = FirstRun();
        var run = Single(driver);
        var names = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        foreach (var name in names) Assert.True(run.TrackedSteps.ContainsKey(name), name + " is not tracked");
    }

    private static GeneratorDriver ReplaceSpec(GeneratorDriver driver, string path, string text)
    {
        // The driver matches additional texts by instance: replace the one the harness created for this path.
        var old = GeneratorHarness.LastTexts.Single(t => t.Path == path);
        return driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(path, text));
    }

    private static string AddProperty(string yaml, string schema, string property)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == "    " + schema + ":");
        Assert.True(start >= 0, "schema " + schema + " not found");
        var props = lines.FindIndex(start, l => l.TrimStart().StartsWith("properties:"));
        lines.Insert(props + 1, "        " + property);
        return string.Join('\n', lines);
    }

    private static void AssertClean(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 50 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        var type = value.GetType();
        Assert.False(value is Compilation || value is ISymbol || value is SyntaxNode || value is SyntaxTree || value is AdditionalText
                     || value is Microsoft.CodeAnalysis.Text.SourceText || value is Location || value is Diagnostic,
            $"Step {step} holds a {type.FullName}");
        Assert.False(type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) == true, $"Step {step} holds an OpenAPI object {type.FullName}");
        if (value is IEnumerable enumerable)
        {
            foreach (var item in enumerable) AssertClean(item, step, seen, depth + 1);
        }
        foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertClean(f.GetValue(value), step, seen, depth + 1);
        }
    }
}
