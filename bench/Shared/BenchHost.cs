using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace DataGouv.Bench.Shared;

/// <summary>
/// Entry point shared by the bench projects. <c>--smoke</c> runs every [Benchmark] method once per [Params] value,
/// in-process and without BenchmarkDotNet (for CI: proves the benchmarks run, measures nothing). Anything else goes to
/// BenchmarkSwitcher with a short job (1 launch, 3 warmups, 12 iterations): the machine is small and shared.
/// </summary>
public static class BenchHost
{
    /// <param name="check">Runs on BenchmarkDotNet's summaries after a real run; its result is the exit code.</param>
    public static int Run(string[] args, Assembly assembly, Func<IReadOnlyList<BenchmarkDotNet.Reports.Summary>, int>? check = null)
    {
        if (args.Contains("--smoke")) return Smoke(assembly);

        // --in-process: run in this process from the binaries already built, instead of building a boilerplate project
        // (minutes on a busy machine, and it compiles whatever the work tree holds at that moment).
        var inProcess = args.Contains("--in-process");
        args = args.Where(a => a != "--in-process").ToArray();
        // --iterations N --iteration-ms M: on a loaded machine, many short iterations give the minimum (the least
        // disturbed sample) more chances; summarize.py reports ratios of minimums next to ratios of medians.
        var iterations = TakeInt(ref args, "--iterations") ?? 12;
        var iterationMs = TakeInt(ref args, "--iteration-ms");
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(iterations);
        if (iterationMs is { } ms) job = job.WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(ms));
        if (inProcess) job = job.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.WithId($"Short-1x3x{iterations}{(iterationMs is { } t ? $"x{t}ms" : "")}{(inProcess ? "-InProcess" : "")}"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, RankColumn.Arabic)
            .WithOption(ConfigOptions.JoinSummary, false);
        var summaries = BenchmarkSwitcher.FromAssembly(assembly).Run(args, config).ToList();
        return check?.Invoke(summaries) ?? 0;
    }

    private static int? TakeInt(ref string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return null;
        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], out var value) || value <= 0)
            throw new ArgumentException($"{name} needs a positive integer.");
        args = [.. args[..at], .. args[(at + 2)..]];
        return value;
    }

    private static int Smoke(Assembly assembly)
    {
        var failures = 0;
        var types = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var paramProps = type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null).ToArray();
            foreach (var combo in Combinations(paramProps))
            {
                var instance = Activator.CreateInstance(type)!;
                var label = type.Name + (combo.Length == 0 ? "" : "(" + string.Join(", ", combo.Select(c => c.Prop.Name + "=" + c.Value)) + ")");
                foreach (var (prop, value) in combo) prop.SetValue(instance, value);
                try
                {
                    Invoke<GlobalSetupAttribute>(type, instance);
                    foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                    {
                        var started = System.Diagnostics.Stopwatch.GetTimestamp();
                        var result = Await(method.Invoke(instance, null));
                        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                        Console.WriteLine($"ok   {label}.{method.Name} -> {Describe(result)} ({elapsed.TotalMilliseconds:F1} ms, single run, not a measurement)");
                    }
                    Invoke<GlobalCleanupAttribute>(type, instance);
                }
                catch (Exception ex)
                {
                    failures++;
                    Console.WriteLine($"FAIL {label}: {(ex is TargetInvocationException { InnerException: { } inner } ? inner : ex)}");
                }
            }
        }
        Console.WriteLine(failures == 0 ? "smoke: all benchmark methods ran" : $"smoke: {failures} failure(s)");
        return failures == 0 ? 0 : 1;
    }

    private static void Invoke<TAttribute>(Type type, object instance) where TAttribute : Attribute
    {
        foreach (var m in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null)) Await(m.Invoke(instance, null));
    }

    private static object? Await(object? result)
    {
        switch (result)
        {
            case Task task:
                task.GetAwaiter().GetResult();
                var resultProp = task.GetType().GetProperty("Result");
                return resultProp is not null && task.GetType().IsGenericType ? resultProp.GetValue(task) : null;
            case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)result.GetType().GetMethod("AsTask")!.Invoke(result, null)!;
                return Await(asTask);
            case ValueTask vt:
                vt.GetAwaiter().GetResult();
                return null;
            default:
                return result;
        }
    }

    private static string Describe(object? result) => result switch
    {
        null => "null",
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => result.ToString() ?? "",
    };

    private static IEnumerable<(PropertyInfo Prop, object? Value)[]> Combinations(PropertyInfo[] props)
    {
        IEnumerable<(PropertyInfo, object?)[]> acc = [[]];
        foreach (var p in props)
        {
            var values = p.GetCustomAttribute<ParamsAttribute>()!.Values;
            acc = acc.SelectMany(prefix => values.Select(v => prefix.Append((p, v)).ToArray()));
        }
        return acc;
    }
}
