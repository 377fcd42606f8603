using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Model;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Applies an <see cref="OperationFilter"/> to the operations of one spec, before they are translated (an operation
/// left out costs nothing and makes no type), and remembers which entries matched something, so that an entry that
/// matches no operation (a typo, a renamed tag) can be reported.
/// </summary>
internal sealed class OperationSelection
{
    private readonly List<(string Metadata, string Entry)> _entries;
    private readonly bool[] _matched;
    private readonly bool _hasIncludes;

    public OperationSelection(OperationFilter filter)
    {
        _entries = filter.Entries();
        _matched = new bool[_entries.Count];
        _hasIncludes = filter.HasIncludes;
    }

    /// <summary>Whether any entry is set: only then are unreachable types left out.</summary>
    public bool IsActive => _entries.Count > 0;

    /// <summary>Include first (any include entry, or none at all), then exclude (any exclude entry).</summary>
    public bool Keeps(OpenApiOperation operation, string path)
    {
        if (!IsActive) return true;
        var tags = Tags(operation);
        var included = !_hasIncludes;
        var excluded = false;
        for (var i = 0; i < _entries.Count; i++)
        {
            var (metadata, entry) = _entries[i];
            if (!OperationFilter.Matches(metadata, entry, operation.OperationId, path, tags)) continue;
            _matched[i] = true;
            if (OperationFilter.IsInclude(metadata)) included = true;
            else excluded = true;
        }
        return included && !excluded;
    }

    /// <summary>The entries that matched no operation of the spec.</summary>
    public IEnumerable<(string Metadata, string Entry)> Unmatched() => _entries.Where((_, i) => !_matched[i]);

    private static List<string> Tags(OpenApiOperation operation)
    {
        var names = new List<string>();
        foreach (var tag in operation.Tags ?? new HashSet<OpenApiTagReference>())
        {
            // A tag the document does not declare at the top level is an unresolved reference: its id is its name.
            var name = tag?.Reference?.Id ?? tag?.Name;
            if (!string.IsNullOrEmpty(name)) names.Add(name!);
        }
        return names;
    }
}
