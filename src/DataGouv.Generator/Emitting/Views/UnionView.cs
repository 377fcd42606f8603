using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Union.sbncs</c> renders for one oneOf/anyOf schema.</summary>
/// <param name="DiscriminatorType">The C# type of the <c>Discriminator</c> property (<c>string</c>, or <c>long</c> for an integer discriminator).</param>
/// <param name="DiscriminatorRead">The runtime call that reads it (<c>StringTag</c>, <c>IntegerTag</c>).</param>
/// <param name="Dispatch">The remarks sentence that says how the variant is told apart.</param>
/// <param name="KindsName">The nested enum of variants (<c>Kinds</c>, unless the union itself is named so).</param>
/// <param name="KindName">The property that says which variant the value holds (<c>Kind</c>, same rule).</param>
/// <param name="InlineShapes">Whether a variant's shape is built in place (it needs the <c>__Kinds</c> and <c>__UnionShape</c> aliases).</param>
/// <param name="ShapesClass">The spec's class of shared shapes (aliased <c>__Shapes</c>), when a variant's shape is there.</param>
internal sealed record UnionView(
    FileView File,
    string Name,
    string Doc,
    string SchemaName,
    bool Deprecated,
    string? DiscriminatorDoc,
    string? DiscriminatorLiteral,
    string DiscriminatorType,
    string DiscriminatorRead,
    string Dispatch,
    string KindsName,
    string KindName,
    IReadOnlyList<UnionVariantView> Variants,
    string? ShapesClass,
    bool InlineShapes);

/// <summary>One variant: <c>TryGet{Name}</c>, <c>From{Name}</c> and <c>Kinds.{Name}</c>.</summary>
/// <param name="Shape">The runtime <c>UnionShape</c> expression saying what it accepts (a shared field, or built in place).</param>
/// <param name="TryGet">The expression body of <c>TryGet{Name}</c>: one call into the runtime (<c>Json</c>, <c>value</c> in scope).</param>
/// <param name="From">The <c>JsonElement</c> expression of <c>From{Name}</c> (<c>value</c> in scope).</param>
internal sealed record UnionVariantView(string Name, string Doc, string Type, string Shape, string TryGet, string From);

/// <summary>What <c>UnionShapes.sbncs</c> renders: the shape of every object type a union lists, once per spec.</summary>
internal sealed record UnionShapesView(FileView File, string ClassName, IReadOnlyList<UnionShapeView> Shapes);

/// <summary>One shared shape: the field name and the <c>UnionShape</c> expression.</summary>
internal sealed record UnionShapeView(string Name, string Doc, string Shape);
