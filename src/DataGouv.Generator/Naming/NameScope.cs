using System;
using System.Collections.Generic;

namespace DataGouv.Generator.Naming;

/// <summary>
/// Hands out unique names within one scope (a namespace, a type's members, a method's parameters).
/// A name already taken gets the next free numeric suffix, in the order names are asked for, so the result is
/// stable for a given spec.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null, bool ignoreCase = false)
    {
        _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Reserves <paramref name="candidate"/>, or the first free <c>candidate2</c>, <c>candidate3</c>...</summary>
    /// <param name="collided">True when the candidate was already taken and a suffix was added.</param>
    public string Claim(string candidate, out bool collided)
    {
        collided = false;
        if (_taken.Add(candidate)) return candidate;
        collided = true;
        for (var i = 2; ; i++)
        {
            var name = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(name)) return name;
        }
    }

    public string Claim(string candidate) => Claim(candidate, out _);

    /// <summary>Reserves <paramref name="name"/> as is; false when it is already taken.</summary>
    public bool TryClaim(string name) => _taken.Add(name);
}
