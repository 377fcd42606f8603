using BenchmarkDotNet.Reports;

namespace DataGouv.Bench;

/// <summary>
/// After a BenchmarkDotNet run: in every group (same class, same parameters) that has both an "STJ source-gen" row and
/// an "STJ reflection" row, source-gen's median must not exceed reflection's by more than <see cref="Tolerance"/>.
/// Both rows come from the same run, so the ratio holds even when the machine is busy; the tolerance absorbs the noise
/// of a shared 2-core machine. A miss makes the run exit with code 2: fix the baseline before publishing any ratio.
/// </summary>
public static class BaselineTimingCheck
{
    public const double Tolerance = 1.05;

    public static int Run(IReadOnlyList<Summary> summaries)
    {
        var misses = 0;
        var checkedGroups = 0;
        foreach (var summary in summaries)
        {
            var groups = summary.Reports
                .Where(r => r.ResultStatistics is not null)
                .GroupBy(r => r.BenchmarkCase.Descriptor.Type.Name + " " + r.BenchmarkCase.Parameters.DisplayInfo);
            foreach (var group in groups)
            {
                var sg = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Contains("STJ source-gen", StringComparison.Ordinal));
                var reflection = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Contains("STJ reflection", StringComparison.Ordinal));
                if (sg is null || reflection is null) continue;
                checkedGroups++;
                var ratio = sg.ResultStatistics!.Median / reflection.ResultStatistics!.Median;
                var ok = ratio <= Tolerance;
                if (!ok) misses++;
                Console.WriteLine($"baseline timing: {group.Key}: STJ source-gen / STJ reflection = {ratio:F2} (medians) {(ok ? "ok" : "MISSED")}");
            }
        }
        if (checkedGroups > 0)
            Console.WriteLine(misses == 0
                ? $"baseline timing: STJ source-gen within {Tolerance:F2}x of STJ reflection in all {checkedGroups} group(s)"
                : $"baseline timing: STJ source-gen slower than {Tolerance:F2}x STJ reflection in {misses} of {checkedGroups} group(s): the ratios of this run are against a handicapped baseline");
        return misses == 0 ? 0 : 2;
    }
}
