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
    string? Discriminator);

/// <summary>One enum member: its C# name and its wire value (a string, or an integer's text).</summary>
internal sealed record EnumMemberModel(string Name, string WireValue, string? Summary);

/// <summary>One variant of a union: its type, and the discriminator values that select it.</summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues);
