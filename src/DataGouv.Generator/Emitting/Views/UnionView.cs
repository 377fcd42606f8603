using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Union.sbncs</c> renders for one oneOf/anyOf schema.</summary>
internal sealed record UnionView(
    FileView File,
    string Name,
    string Doc,
    string SchemaName,
    bool Deprecated,
    string? DiscriminatorDoc,
    string? DiscriminatorLiteral,
    IReadOnlyList<UnionVariantView> Variants);

/// <summary>One variant: <c>TryGet{Name}</c> and <c>From{Name}</c>.</summary>
/// <param name="Check">The discriminator test that selects it, or empty.</param>
/// <param name="Read">The expression reading it at <c>reader</c> (<c>lenient</c> in scope).</param>
/// <param name="Write">The statement writing <c>v</c> with <c>writer</c>.</param>
internal sealed record UnionVariantView(string Name, string Doc, string Type, string Check, string Read, string Write)
{
    /// <summary>Whether <see cref="Read"/> needs a <c>lenient</c> local (a const false would otherwise be unused).</summary>
    public bool UsesLenient => Read.Contains("lenient");
}
