using DataGouv.Generator.Common;

namespace DataGouv.Generator.Model;

internal enum TypeModelKind
{
    Object,
    StringEnum,
    IntegerEnum,
    Union,
}

/// <summary>One generated type: an object schema, an enum, or a oneOf/anyOf union.</summary>
/// <param name="Name">The C# type name, unique in the spec's namespace.</param>
/// <param name="SchemaName">The spec's name for it (component name, or the path of an inline schema).</param>
/// <param name="Properties">Object properties, flattened through allOf, in spec order.</param>
/// <param name="AdditionalProperties">The type of the values of additionalProperties when the schema types them; null keeps unknown properties as JsonElement.</param>
/// <param name="EnumMembers">Enum members in spec order.</param>
/// <param name="Variants">Union variants (oneOf/anyOf).</param>
/// <param name="Discriminator">The discriminator property's wire name for unions, if any.</param>
/// <remarks>Pipeline model: immutable with value equality. Holds no Roslyn or OpenAPI objects.</remarks>
internal sealed record TypeModel(
    TypeModelKind Kind,
    string Name,
    string SchemaName,
    string? Summary,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties,
    EquatableArray<EnumMemberModel> EnumMembers,
    EquatableArray<UnionVariantModel> Variants,
    string? Discriminator)
{
    // ---- polymorphism (issue 12): unions that dispatch, allOf hierarchies with a discriminator ----

    /// <summary>A union: true when <see cref="Discriminator"/> is not in the spec but inferred (every variant fixes it to a distinct value).</summary>
    public bool DiscriminatorInferred { get; init; }

    /// <summary>A union: true when its (inferred) discriminator property holds integers, not strings.</summary>
    public bool DiscriminatorIsInteger { get; init; }

    /// <summary>An object in a discriminated allOf hierarchy: the C# name of the class it derives from.</summary>
    public string? BaseType { get; init; }

    /// <summary>How many of <see cref="Properties"/> (the first ones) are declared by the base classes.</summary>
    public int InheritedCount { get; init; }

    /// <summary>The discriminator value that selects this class (its constructor sets it), if it derives from a discriminated base.</summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>An object with subclasses: every descendant (deepest first) and the discriminator values that select it. <see cref="Discriminator"/> is the property.</summary>
    public EquatableArray<SubtypeModel> Subtypes { get; init; } = EquatableArray<SubtypeModel>.Empty;
}

/// <summary>A subclass of a discriminated base: its C# name and the discriminator values that select it.</summary>
internal sealed record SubtypeModel(string Name, EquatableArray<string> Values);

/// <summary>
/// What a union variant accepts, checked over the JSON value to tell variants apart (<c>JsonKinds</c> flags of the
/// runtime: Null 1, String 2, Integer 4, Number 8, Boolean 16, Object 32, Array 64).
/// </summary>
internal sealed record VariantShape(int Kinds, EquatableArray<string> Required, EquatableArray<ShapeProperty> Properties);

/// <summary>
/// A property of an object variant: its JSON kinds and the one value the schema fixes (const, single-value enum), if
/// any: a string, or an integer's invariant text when <paramref name="IntegerConstant"/>.
/// </summary>
internal sealed record ShapeProperty(string Name, int Kinds, string? Constant, bool IntegerConstant = false);

/// <summary>One enum member: its C# name and its wire value (a string, or an integer's text).</summary>
internal sealed record EnumMemberModel(string Name, string WireValue, string? Summary);

/// <summary>One variant of a union: its type, and the discriminator values that select it.</summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues)
{
    /// <summary>What the variant accepts; null accepts any value.</summary>
    public VariantShape? Shape { get; init; }

    /// <summary>The name of the spec-wide field that holds <see cref="Shape"/> (an object shape, shared by every union that lists it); null: built in place.</summary>
    public string? ShapeKey { get; init; }
}
