// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --smoke                (CI: every method once)
// dotnet run -c Release --project bench/DataGouv.Generator.Bench -- --filter '*'           (BenchmarkDotNet, short job)
// dotnet bench/DataGouv.Generator.Bench/bin/Release/net10.0/DataGouv.Generator.Bench.dll --emit SPEC OUTDIR
//   (whole spec-to-C# in one process, as a CLI would: used by bench/peers.sh next to Kiota and NSwag)
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
    Console.WriteLine($"{files.Count} files, {files.Sum(f => f.SourceText.Lines.Count)} lines -> {outDir}");
    return 0;
}

return DataGouv.Bench.Shared.BenchHost.Run(args, typeof(GeneratorBenchmarks).Assembly);
