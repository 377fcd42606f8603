using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Emitting.Views;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// The client's error maps: one private static method per distinct list of typed errors, which every operation that
/// declares the same list passes to the runtime. Specs repeat their error responses on most operations (PagerDuty's
/// seven statuses on all of its 465), so the client carries a few maps instead of one if-chain per operation.
/// </summary>
internal sealed class ErrorMaps
{
    private readonly Dictionary<string, ErrorMapView> _byKey = new();
    private readonly List<ErrorMapView> _views = new();

    /// <summary>The maps, in the order operations first used them.</summary>
    public IReadOnlyList<ErrorMapView> Views => _views;

    /// <summary>The name of the method mapping <paramref name="errors"/> (in the order they are tried), or "null" for none.</summary>
    public string For(IReadOnlyList<ErrorView> errors)
    {
        if (errors.Count == 0) return "null";
        var key = string.Join("\n", errors.Select(e => e.Condition + "\t" + e.Type + "\t" + e.Read));
        if (!_byKey.TryGetValue(key, out var map))
        {
            // "default" is tried last and always answers: it ends the method instead of a final "return null".
            var fallback = errors.FirstOrDefault(e => e.Condition == "true");
            var conditional = errors.TakeWhile(e => e.Condition != "true").ToList();
            map = new ErrorMapView("__Errors" + _views.Count, conditional, fallback);
            _byKey.Add(key, map);
            _views.Add(map);
        }
        return map.Name;
    }
}
