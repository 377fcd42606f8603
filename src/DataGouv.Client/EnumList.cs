using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace DataGouv.Client;

/// <summary>
/// A list of enum values that remembers the original text of each value the client did not recognize, so that
/// writing the list back sends those strings unchanged. Edits keep the texts aligned with the items.
/// </summary>
/// <typeparam name="TEnum">A generated string enum.</typeparam>
public sealed class EnumList<TEnum> : Collection<TEnum> where TEnum : struct, Enum
{
    private readonly List<string?> _raw = new();

    // Marks a JSON null item (the list of a nullable enum): compared by reference, never a wire text.
    private static readonly string NullItem = new('\0', 1);

    /// <summary>The original text of the item at <paramref name="index"/>, when it was not recognized.</summary>
    public string? GetRawValue(int index) => ReferenceEquals(_raw[index], NullItem) ? null : _raw[index];

    /// <summary>Whether the item at <paramref name="index"/> was a JSON null (its value is then <c>__Unrecognized</c>); it is written back as null.</summary>
    public bool IsNullAt(int index) => ReferenceEquals(_raw[index], NullItem);

    /// <summary>Adds a JSON null item, read from the array of a nullable enum: kept as null, so writing the list back loses nothing.</summary>
    public void AddNull()
    {
        // __Unrecognized (-1 in every generated string enum), never a real member that a null would silently become.
        Add((TEnum)Enum.ToObject(typeof(TEnum), -1));
        _raw[Count - 1] = NullItem;
    }

    /// <summary>Adds a value read from the wire with its original text (null when recognized).</summary>
    public void Add(TEnum item, string? raw)
    {
        Add(item);
        _raw[Count - 1] = raw;
    }

    /// <inheritdoc/>
    protected override void InsertItem(int index, TEnum item) { base.InsertItem(index, item); _raw.Insert(index, null); }

    /// <inheritdoc/>
    protected override void SetItem(int index, TEnum item) { base.SetItem(index, item); _raw[index] = null; }

    /// <inheritdoc/>
    protected override void RemoveItem(int index) { base.RemoveItem(index); _raw.RemoveAt(index); }

    /// <inheritdoc/>
    protected override void ClearItems() { base.ClearItems(); _raw.Clear(); }
}
