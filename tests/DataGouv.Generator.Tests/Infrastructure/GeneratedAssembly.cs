using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataGouv.Generator.Tests.Infrastructure;

/// <summary>
/// Runs generated code: the generator's output plus a probe (C# source with a <c>public static class Probe</c>) is
/// compiled, loaded into a collectible context and the probe's static methods are called. The probe returns what it
/// saw as text, which the test asserts on: the behaviour of generated code, not its text.
/// </summary>
public sealed class GeneratedAssembly
{
    private readonly Type _probe;

    private GeneratedAssembly(Type probe) => _probe = probe;

    public static GeneratedAssembly Compile(GeneratorResult result, string probeSource)
    {
        var tree = CSharpSyntaxTree.ParseText(probeSource, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
        var compilation = result.Output.AddSyntaxTrees(tree);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!emitted.Success) throw new InvalidOperationException("The generated code and the probe do not compile:\n" + string.Join("\n", errors.Take(20)));
        image.Position = 0;
        // The runtime library (DataGouv.Client) resolves from the default context, where the test already loaded it.
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var assembly = context.LoadFromStream(image);
        return new GeneratedAssembly(assembly.GetType("Probe", throwOnError: true)!);
    }

    /// <summary>Calls <c>Probe.{method}(args)</c>; awaits it when it returns a Task.</summary>
    public object? Call(string method, params object?[] args)
    {
        var m = _probe.GetMethod(method, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException("Probe", method);
        try
        {
            var value = m.Invoke(null, args);
            if (value is Task task)
            {
                task.GetAwaiter().GetResult();
                return task.GetType().GetProperty("Result")?.GetValue(task);
            }
            return value;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    public string Text(string method, params object?[] args) => (string)Call(method, args)!;
}
