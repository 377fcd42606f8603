using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace DataGouv.Client.Runtime;

/// <summary>
/// The JSON properties of one generated model, in declaration order: their encoded names (for writing), a lookup from
/// a UTF-8 name to its index (for reading), and what the spec says of each (required, may be null).
/// <para>
/// Why the model does not match names itself (issue 12): a <c>switch</c> over name lengths with a <c>when</c> clause
/// and a UTF-8 literal per property was the costliest part of the generated readers for csc. The model's
/// <c>ReadProperty</c> is now a dense <c>switch</c> over the index this table finds, and the null checks the spec's
/// required properties need are made here once instead of once per property of every model.
/// </para>
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames
{
    /// <summary>The table of a model with no properties.</summary>
    public static readonly JsonPropertyNames None = new("");

    private readonly string[] _names;
    private readonly JsonEncodedText[] _encoded;
    private readonly string _kinds;
    private readonly int[] _requiredNumber;
    private readonly string[] _required;
    private Lookup? _lookup;

    /// <summary>
    /// Creates the table. <paramref name="kinds"/> has one character per name, what the spec says of the property:
    /// <c>-</c> optional or nullable (the model reads a null itself); <c>r</c> required, may be null;
    /// <c>v</c> required, never null, a value type (a null fails a strict read; a lenient read leaves the property as
    /// it is); <c>n</c> required, never null, a reference (a null fails a strict read; a lenient read hands it to the model).
    /// </summary>
    public JsonPropertyNames(string kinds, params string[] names)
    {
        if (kinds.Length != names.Length) throw new ArgumentException("One kind per property name.", nameof(kinds));
        _names = names;
        _kinds = kinds;
        _encoded = new JsonEncodedText[names.Length];
        _requiredNumber = new int[names.Length];
        var required = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(names[i]);
            if (kinds[i] == '-') continue;
            required.Add(names[i]);
            _requiredNumber[i] = required.Count;
        }
        _required = required.ToArray();
    }

    /// <summary>The encoded name of the property at <paramref name="index"/> (what a model's writer writes).</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>How many properties.</summary>
    public int Count => _names.Length;

    /// <summary>The JSON names of the required properties, in declaration order.</summary>
    internal string[] Required => _required;

    /// <summary>The JSON name at <paramref name="index"/>.</summary>
    internal string Name(int index) => _names[index];

    /// <summary>1-based among the required properties; 0 for an optional one.</summary>
    internal int RequiredNumber(int index) => _requiredNumber[index];

    /// <summary>What the spec says of the property at <paramref name="index"/> (see the constructor).</summary>
    internal char Kind(int index) => _kinds[index];

    /// <summary>The index of the property whose (unescaped) UTF-8 name is <paramref name="name"/>; -1 for an unknown one.</summary>
    public int IndexOf(scoped ReadOnlySpan<byte> name)
    {
        var lookup = _lookup ?? Interlocked.CompareExchange(ref _lookup, new Lookup(_names), null) ?? _lookup!;
        if (name.Length >= lookup.ByLength.Length) return -1;
        foreach (var index in lookup.ByLength[name.Length])
        {
            if (name.SequenceEqual(lookup.Utf8[index])) return index;
        }
        return -1;
    }

    /// <summary>The names as UTF-8, grouped by length; built on the first read (a model only written never pays for it).</summary>
    private sealed class Lookup
    {
        public readonly byte[][] Utf8;
        public readonly int[][] ByLength;

        public Lookup(string[] names)
        {
            Utf8 = new byte[names.Length][];
            var longest = -1;
            for (var i = 0; i < names.Length; i++)
            {
                Utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                longest = Math.Max(longest, Utf8[i].Length);
            }
            var buckets = new List<int>[longest + 1];
            for (var i = 0; i < names.Length; i++) (buckets[Utf8[i].Length] ??= new List<int>()).Add(i);
            ByLength = new int[longest + 1][];
            // In declaration order within a length: the first of two equal names wins, as a switch's first case did.
            for (var length = 0; length <= longest; length++) ByLength[length] = buckets[length]?.ToArray() ?? Array.Empty<int>();
        }
    }
}
