using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// How types are spread over files. A small spec gets one file per type, so an edit re-renders one type. A large
/// one (thousands of schemas, like Stripe's) would make every build walk thousands of cached outputs, about 5 µs
/// each; its types are spread over a fixed number of files by a stable hash of their names instead, so adding or
/// editing a schema re-renders only its group and a no-change build stays well under a millisecond.
/// </summary>
internal static class TypeFileGroups
{
    /// <summary>Above this many types, types are grouped.</summary>
    public const int Threshold = 256;

    /// <summary>The number of groups for a large spec.</summary>
    public const int GroupCount = 64;

    public static bool IsGrouped(int typeCount) => typeCount > Threshold;

    /// <summary>The types of each group, in spec order, keyed by group number; empty groups are left out.</summary>
    public static IEnumerable<(int Group, EquatableArray<TypeModel> Types)> Split(IReadOnlyList<TypeModel> types) =>
        types.GroupBy(t => GroupOf(t.Name)).OrderBy(g => g.Key).Select(g => (g.Key, g.ToEquatableArray()));

    /// <summary>FNV-1a over the name: stable across processes and runtimes (string.GetHashCode is not).</summary>
    public static int GroupOf(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % GroupCount);
    }
}
