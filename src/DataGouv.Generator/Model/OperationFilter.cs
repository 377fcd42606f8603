using System;
using System.Collections.Generic;

namespace DataGouv.Generator.Model;

/// <summary>
/// Which operations of a spec to generate, from the spec item's metadata (<c>IncludeTags</c>, <c>ExcludeTags</c>,
/// <c>IncludePaths</c>, <c>ExcludePaths</c>, <c>IncludeOperations</c>, <c>ExcludeOperations</c>; lists separated by
/// <c>;</c>). An operation is kept when it matches any include entry (or there is none), and then dropped when it
/// matches any exclude entry: include first, then exclude. Tags and operationIds ignore case; a path entry is a
/// prefix that ends at a segment boundary (<c>/v1/things</c> keeps <c>/v1/things</c> and <c>/v1/things/{id}</c>, not
/// <c>/v1/thingsOld</c>).
/// </summary>
/// <remarks>Part of <see cref="GeneratorOptions"/>: plain strings, so the options keep value equality and a metadata
/// edit invalidates the cached model.</remarks>
internal sealed record OperationFilter(
    string IncludeTags = "",
    string ExcludeTags = "",
    string IncludePaths = "",
    string ExcludePaths = "",
    string IncludeOperations = "",
    string ExcludeOperations = "")
{
    public static OperationFilter None { get; } = new();

    /// <summary>No entry at all: every operation is generated, and so is every component schema.</summary>
    public bool IsEmpty => Entries().Count == 0;

    /// <summary>Every entry with the metadata it comes from, in a fixed order (for the "matches nothing" diagnostic).</summary>
    public List<(string Metadata, string Entry)> Entries()
    {
        var all = new List<(string, string)>();
        Add(all, nameof(IncludeTags), IncludeTags);
        Add(all, nameof(IncludePaths), IncludePaths);
        Add(all, nameof(IncludeOperations), IncludeOperations);
        Add(all, nameof(ExcludeTags), ExcludeTags);
        Add(all, nameof(ExcludePaths), ExcludePaths);
        Add(all, nameof(ExcludeOperations), ExcludeOperations);
        return all;
    }

    public bool HasIncludes => Split(IncludeTags).Count + Split(IncludePaths).Count + Split(IncludeOperations).Count > 0;

    public static bool IsInclude(string metadata) => metadata.StartsWith("Include", StringComparison.Ordinal);

    /// <summary>Whether one entry of the given metadata matches an operation.</summary>
    public static bool Matches(string metadata, string entry, string? operationId, string path, IReadOnlyCollection<string> tags)
    {
        if (metadata.EndsWith("Tags", StringComparison.Ordinal))
        {
            foreach (var tag in tags)
            {
                if (string.Equals(tag, entry, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }
        if (metadata.EndsWith("Operations", StringComparison.Ordinal)) return string.Equals(operationId, entry, StringComparison.OrdinalIgnoreCase);
        return IsPathPrefix(entry, path);
    }

    private static bool IsPathPrefix(string prefix, string path)
    {
        var p = prefix.TrimEnd('/');
        if (p.Length == 0) return true;
        if (!path.StartsWith(p, StringComparison.Ordinal)) return false;
        return path.Length == p.Length || path[p.Length] == '/';
    }

    private static void Add(List<(string, string)> into, string metadata, string value)
    {
        foreach (var entry in Split(value)) into.Add((metadata, entry));
    }

    private static List<string> Split(string value)
    {
        var entries = new List<string>();
        // ';' as written in MSBuild; ',' as it reaches the generator (the package's .targets rewrites ';', which the
        // compiler's .editorconfig reader would cut the value at).
        foreach (var part in value.Split(';', ','))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0 && !entries.Contains(trimmed)) entries.Add(trimmed);
        }
        return entries;
    }
}
