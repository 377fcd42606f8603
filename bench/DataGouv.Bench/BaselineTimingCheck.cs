using BenchmarkDotNet.Reports;

namespace DataGouv.Bench;

/// <summary>
/// After a BenchmarkDotNet run: in every group (same class, same parameters) that has both an "STJ source-gen" row and
/// an "STJ reflection" row, source-gen must not be slower than reflection by more than <see cref="Tolerance"/>, by
/// medians or by minimums (a miss needs both: on a shared 2-core machine a burst of load can push one of the two, while
/// the handicap this guards against, 1.3-1.9x, shows in both). A miss makes the run exit with code 2: fix the baseline
/// before publishing any ratio.
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
                var medians = sg.ResultStatistics!.Median / reflection.ResultStatistics!.Median;
                var minimums = sg.ResultStatistics.Min / reflection.ResultStatistics.Min;
                var ok = medians <= Tolerance || minimums <= Tolerance;
                if (!ok) misses++;
                Console.WriteLine($"baseline timing: {group.Key}: STJ source-gen / STJ reflection = {medians:F2} (medians), {minimums:F2} (minimums) {(ok ? "ok" : "MISSED")}");
            }
        }
        if (checkedGroups > 0)
            Console.WriteLine(misses == 0
                ? $"baseline timing: STJ source-gen within {Tolerance:F2}x of STJ reflection in all {checkedGroups} group(s)"
                : $"baseline timing: STJ source-gen slower than {Tolerance:F2}x STJ reflection in {misses} of {checkedGroups} group(s): the ratios of this run are against a handicapped baseline");
        return misses == 0 ? 0 : 2;
    }
}
