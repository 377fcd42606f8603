// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --smoke                (CI: every method once)
// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --filter '*'           (BenchmarkDotNet, short job)
// dotnet bench/DataGouv.Generator.Bench/bin/Release/net10.0/DataGouv.Generator.Bench.dll --emit SPEC OUTDIR
//   (whole spec-to-C# in one process, as a CLI would: used by bench/peers.sh next to Kiota and NSwag)
// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --compile SPEC [TOP]   (where csc spends its time on the output)
// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --compile-folder DIR [ROUNDS] [--serial]
//   (compiles a folder of generated C#, e.g. a shape edited by hand; --serial: on one thread, so that the warm rounds
//   measure the compiler's work, which a busy machine disturbs less than the wall time of a parallel compile)
// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --phases SPEC [IncludePaths=/v1/customers ...]  (parse + render, types, chars)
using DataGouv.Generator.Bench;

if (args.Length == 3 && args[0] == "--emit")
{
    var (specPath, outDir) = (args[1], args[2]);
    var name = Path.GetFileName(specPath);
    if (!DataGouv.Generator.OpenApiClientGenerator.IsSpec(name))
        name = Path.GetFileNameWithoutExtension(name) + ".openapi" + (Path.GetExtension(name) is ".json" ? ".json" : ".yaml");
    var text = new Specs.InMemoryText("/bench/" + name, File.ReadAllText(specPath));
    var driver = Specs.CreateDriver(text).RunGenerators(Specs.NewCompilation(Specs.ConsumerSource));
    Specs.Check(driver);
    Directory.CreateDirectory(outDir);
    var files = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
    foreach (var file in files) File.WriteAllText(Path.Combine(outDir, file.HintName), file.SourceText.ToString());
    Console.WriteLine($"{files.Count} files, {files.Sum(f => f.SourceText.Lines.Count)} lines, {files.Sum(f => (long)f.SourceText.Length)} chars -> {outDir}");
    foreach (var d in driver.GetRunResult().Diagnostics.Where(d => d.Id == "DG0021")) Console.WriteLine(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length >= 2 && args[0] == "--compile-folder")
    return CompileCost.RunFolder(args[1], args.Length > 2 ? int.Parse(args[2]) : 2, serial: args.Contains("--serial"));

if (args.Length >= 2 && args[0] == "--compile")
    return CompileCost.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 15);

if (args.Length == 2 && args[0] == "--corpus-table")
{
    CorpusTable.Write(args[1]);
    Console.WriteLine("wrote " + args[1]);
    return 0;
}

if (args.Length >= 2 && args[0] == "--phases")
{
    // Where the generator's time goes for one spec: parse (text → model), then render (model → C#), 3 rounds.
    // Optional operation filters after the spec, as item metadata: IncludePaths=/v1/customers ExcludeTags=admin
    var text = File.ReadAllText(args[1]);
    var filter = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
    string F(string name) => filter.TryGetValue(name, out var v) ? v : "";
    var options = new DataGouv.Generator.Model.GeneratorOptions("Bench.Api", "ApiClient", false, false)
    {
        Filter = new DataGouv.Generator.Model.OperationFilter(F("IncludeTags"), F("ExcludeTags"), F("IncludePaths"), F("ExcludePaths"), F("IncludeOperations"), F("ExcludeOperations")),
    };
    for (var round = 0; round < 3; round++)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(true);
        var model = DataGouv.Generator.Parsing.SpecParser.Parse("/bench/spec.openapi.yaml", text, options, default, CancellationToken.None);
        var parsed = clock.Elapsed.TotalMilliseconds;
        var afterParse = GC.GetTotalAllocatedBytes(true);
        long chars = 0;
        var count = 0;
        foreach (var unit in DataGouv.Generator.Emitting.EmitPlan.Files(model, "/bench/spec.openapi.yaml"))
        {
            chars += DataGouv.Generator.Emitting.EmitPlan.Render(unit).Length;
            count++;
        }
        var total = clock.Elapsed.TotalMilliseconds;
        var afterRender = GC.GetTotalAllocatedBytes(true);
        Console.WriteLine($"round {round}: parse {parsed:F0} ms ({(afterParse - before) / 1e6:F0} MB), render {total - parsed:F0} ms ({(afterRender - afterParse) / 1e6:F0} MB), {model.Types.Count} types, {model.Operations.Count} operations, {count} files, {chars / 1e6:F1} M chars");
    }
    return 0;
}

return DataGouv.Bench.Shared.BenchHost.Run(args, typeof(GeneratorBenchmarks).Assembly);
