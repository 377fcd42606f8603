using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Json.sbncs</c> renders: the collection readers/writers and the type-info resolver of one spec.</summary>
internal sealed record JsonView(FileView File, string ClientName, string LenientByDefault, IReadOnlyList<ShapeView> Shapes, IReadOnlyList<ResolverChunkView> ResolverChunks, int ChunkSize);

/// <summary>A run of resolver lines that becomes one method (<see cref="UsesInfo"/>: it declares the <c>info</c> local).</summary>
internal sealed record ResolverChunkView(IReadOnlyList<ResolverCaseView> Cases, bool UsesInfo);

/// <summary>
/// One array or map shape (<c>ListOfDataset</c>, <c>MapOfString</c>): <c>Read{Moniker}</c> and <c>Write{Moniker}</c>,
/// one-line calls of the runtime's generic loops (<see cref="ReadCall"/> and <see cref="WriteCall"/>).
/// </summary>
internal sealed record ShapeView(string Moniker, string Concrete, string Enumerable, string ReadCall, string WriteCall);

/// <summary>
/// One line of the resolver. Kind: Model, Union and Enum (the runtime's ModelInfo/UnionInfo/EnumInfo, for the type
/// and, when <see cref="Lists"/> is "true", lists of it), Shape and EnumShape (a list shape's own reader and writer).
/// </summary>
internal sealed record ResolverCaseView(string Kind, string Type, string Converter, string Read, string Write, string Lists);
