using DataGouv.Generator.Common;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

internal enum FileKind
{
    /// <summary>One type: a class (with its JSON side), an enum or a union.</summary>
    Type,
    /// <summary>Models and their serialization for a group of types of a large spec.</summary>
    Group,
    Json,
    /// <summary>The object shapes the spec's unions share (<c>{Client}UnionShapes</c>).</summary>
    UnionShapes,
    Client,
    DependencyInjection,
}

/// <summary>
/// One generated file and exactly the model it is rendered from. Each is its own incremental item, so editing one
/// schema re-renders only that schema's files (and the spec-wide ones that list every type).
/// </summary>
/// <param name="Group">For large specs, the types rendered together into one file (see <see cref="TypeFileGroups"/>).</param>
internal sealed record FileUnit(string HintName, FileKind Kind, string SpecPath, string SpecFile, GeneratorOptions Options, TypeModel? Type, SpecModel? Spec, EquatableArray<TypeModel> Group = default);
