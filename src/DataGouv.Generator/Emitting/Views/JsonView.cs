using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Json.sbncs</c> renders: the collection readers/writers and the type-info resolver of one spec.</summary>
internal sealed record JsonView(FileView File, string ClientName, string LenientByDefault, IReadOnlyList<ShapeView> Shapes, IReadOnlyList<ResolverCaseView> Resolver);

/// <summary>
/// One array or map shape (<c>ListOfDataset</c>, <c>MapOfString</c>): <c>Read{Moniker}</c> and <c>Write{Moniker}</c>.
/// <see cref="ReadItem"/> reads a non-null item at <c>reader</c>; <see cref="WriteItem"/> writes <c>item</c> (or <c>pair.Value</c>).
/// </summary>
internal sealed record ShapeView(
    bool IsArray,
    string Moniker,
    string MonikerLiteral,
    string Concrete,
    string ElementType,
    bool ItemsNullable,
    bool ItemCanBeNull,
    string? EnumConverter,
    string ReadItem,
    string WriteItem);

/// <summary>
/// One <c>if (type == typeof(...)) return ...;</c> of the resolver. Kind: Value (a generated converter), Shape (a list
/// shape's own reader and writer), List (the runtime's list helper over the item's converter), EnumList.
/// </summary>
internal sealed record ResolverCaseView(string Kind, string Type, string Converter, string Read, string Write);
