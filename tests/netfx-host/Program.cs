using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: NetFxHost.exe <analyzers/dotnet/cs folder> <spec file>
// Exit 0 when the generator loads, runs and emits a client with no error diagnostic; 1 otherwise.
if (args.Length != 2) { Console.Error.WriteLine("usage: NetFxHost <analyzer folder> <spec>"); return 2; }
var folder = Path.GetFullPath(args[0]);
var loadedFromFolder = new System.Collections.Generic.List<string>();

// Visual Studio's analyzer loader resolves an analyzer's dependencies from the analyzer's own folder; so does this.
AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
{
    var candidate = Path.Combine(folder, new AssemblyName(e.Name).Name + ".dll");
    if (!File.Exists(candidate)) return null;
    loadedFromFolder.Add(Path.GetFileName(candidate));
    return Assembly.LoadFrom(candidate);
};

Console.WriteLine("host: " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
var generatorAssembly = Assembly.LoadFrom(Path.Combine(folder, "DataGouv.Generator.dll"));
var generatorType = generatorAssembly.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);
var generator = ((IIncrementalGenerator)Activator.CreateInstance(generatorType)).AsSourceGenerator();

var references = new[] { typeof(object).Assembly.Location }.Select(p => MetadataReference.CreateFromFile(p));
var compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class App { }") }, references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var spec = new SpecText(Path.GetFullPath(args[1]));
GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator }, new AdditionalText[] { spec });
driver = driver.RunGenerators(compilation, CancellationToken.None);
var result = driver.GetRunResult().Results.Single();

if (result.Exception is { } exception) { Console.WriteLine("generator threw: " + exception); return 1; }
foreach (var d in result.Diagnostics) Console.WriteLine(d);
var files = result.GeneratedSources;
Console.WriteLine($"generated {files.Length} files, {files.Sum(f => f.SourceText.Length)} characters");
// What the generator actually loaded from its folder (LoadFrom probes there first; the handler above catches the rest).
var fromFolder = AppDomain.CurrentDomain.GetAssemblies()
    .Where(a => !a.IsDynamic && a.Location.StartsWith(folder, StringComparison.Ordinal))
    .Select(a => Path.GetFileName(a.Location)).Concat(loadedFromFolder).Distinct().OrderBy(n => n, StringComparer.Ordinal);
Console.WriteLine("loaded from the analyzer folder: " + string.Join(", ", fromFolder));
var ok = files.Any(f => f.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal))
         && result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
Console.WriteLine(ok ? "netfx host: ok" : "netfx host: FAILED");
return ok ? 0 : 1;

sealed class SpecText(string path) : AdditionalText
{
    public override string Path => path;
    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
}
