using System;

namespace DataGouv.Generator.Model;

/// <summary>The C# shape of a value: a primitive, a named generated type, or a collection of them.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    Guid,
    Base64Bytes,
    /// <summary>A raw byte stream: request or response bodies, multipart files.</summary>
    Binary,
    /// <summary>Any JSON value, kept as a JsonElement (free-form objects, untyped schemas).</summary>
    Any,
    /// <summary>A generated class (an object schema).</summary>
    Object,
    /// <summary>A generated C# enum over string wire values.</summary>
    StringEnum,
    /// <summary>A generated C# enum over integer wire values.</summary>
    IntegerEnum,
    /// <summary>A generated oneOf/anyOf wrapper.</summary>
    Union,
    Array,
    Map,
}

/// <summary>A reference to a type, recursive for arrays and maps.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Name">The generated type's C# name (Object, enums, Union); null otherwise.</param>
/// <param name="Element">The item type of an Array or the value type of a Map.</param>
/// <param name="Nullable">Whether JSON null is a legal value.</param>
/// <remarks>Pipeline model: immutable with value equality (records), so incremental caching works.</remarks>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, bool Nullable = false)
{
    public static TypeRef Any { get; } = new(TypeKind.Any);
    public static TypeRef String { get; } = new(TypeKind.String);

    public TypeRef WithNullable(bool nullable) => Nullable == nullable ? this : this with { Nullable = nullable };

    public bool IsValueType => Kind switch
    {
        TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal
            or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.TimeOnly or TypeKind.Guid or TypeKind.Any
            or TypeKind.StringEnum or TypeKind.IntegerEnum => true,
        _ => false,
    };

    public bool IsEnum => Kind is TypeKind.StringEnum or TypeKind.IntegerEnum;

    /// <summary>A short name used to build converter helper names (ListOfDataset, MapOfString...).</summary>
    public string Moniker => Kind switch
    {
        TypeKind.Array => "ListOf" + (Element!.Nullable ? "Nullable" : "") + Element.Moniker,
        TypeKind.Map => "MapOf" + (Element!.Nullable ? "Nullable" : "") + Element.Moniker,
        TypeKind.Object or TypeKind.StringEnum or TypeKind.IntegerEnum or TypeKind.Union => Name!,
        _ => Kind.ToString(),
    };
}
