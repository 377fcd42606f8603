using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Union.sbncs</c> renders for one oneOf/anyOf schema.</summary>
/// <param name="Dispatch">The remarks sentence that says how the variant is told apart.</param>
/// <param name="KindsName">The nested enum of variants (<c>Kinds</c>, unless the union itself is named so).</param>
/// <param name="KindName">The property that says which variant the value holds (<c>Kind</c>, same rule).</param>
internal sealed record UnionView(
    FileView File,
    string Name,
    string Doc,
    string SchemaName,
    bool Deprecated,
    string? DiscriminatorDoc,
    string? DiscriminatorLiteral,
    string Dispatch,
    string KindsName,
    string KindName,
    IReadOnlyList<UnionVariantView> Variants);

/// <summary>One variant: <c>TryGet{Name}</c>, <c>From{Name}</c> and <c>Kinds.{Name}</c>.</summary>
/// <param name="Index">Its position in the union's variant table.</param>
/// <param name="Shape">The runtime <c>UnionShape</c> expression saying what it accepts.</param>
/// <param name="Read">The expression reading it at <c>reader</c> (<c>lenient</c> in scope).</param>
/// <param name="Write">The statement writing <c>v</c> with <c>writer</c>.</param>
internal sealed record UnionVariantView(int Index, string Name, string Doc, string Type, string Shape, string Read, string Write)
{
    /// <summary>Whether <see cref="Read"/> needs a <c>lenient</c> local (a const false would otherwise be unused).</summary>
    public bool UsesLenient => Read.Contains("lenient");
}
