using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Model.sbncs</c> and <c>ModelJson.sbncs</c> render for one object schema.</summary>
internal sealed record ModelView(
    FileView File,
    string Name,
    string Doc,
    string SchemaName,
    bool Deprecated,
    IReadOnlyList<ModelPropertyView> Properties,
    IReadOnlyList<int> PresenceWords,
    string AdditionalType,
    bool TypedAdditional,
    string AdditionalRead,
    string AdditionalWrite,
    bool AdditionalNullable,
    string PropertyKinds,
    string NameLiteral,
    string ToStringBody,
    string JsonMembers)
{
    // ---- class hierarchy of a discriminated allOf base (issue 12; filled by Emitting/ModelHierarchy.cs) ----

    /// <summary>The base class (<c>global::</c>-qualified), or null.</summary>
    public string? BaseClass { get; init; }

    /// <summary>How many of <see cref="Properties"/> (the first ones) the base classes declare.</summary>
    public int InheritedCount { get; init; }

    /// <summary>The access of the fields (presence words, backing fields): <c>private protected</c> in a base, so its subclasses read and write them.</summary>
    public string FieldAccess { get; init; } = "private";

    /// <summary>"new " on the static reader of a subclass, which hides its base's (the writer's parameter differs: an overload).</summary>
    public string New { get; init; } = "";

    /// <summary>The statement the public constructor runs to set the discriminator, or null.</summary>
    public string? DiscriminatorInit { get; init; }

    /// <summary>The discriminator property as a UTF-8 literal, in a base.</summary>
    public string? DiscriminatorUtf8 { get; init; }

    /// <summary>A base's descendants, deepest first: its reader dispatches to them, its writer tests them.</summary>
    public IReadOnlyList<SubtypeView> Subtypes { get; init; } = System.Array.Empty<SubtypeView>();
}

/// <summary>A subclass a base dispatches to: its full name and the <c>case</c> labels of its discriminator values.</summary>
internal sealed record SubtypeView(string Type, string Cases);

/// <summary>One property of a model: its declaration, how it is read, how it is written and printed.</summary>
/// <param name="Field">The backing field (emitter-owned, <c>__</c>-prefixed) of a tracked property.</param>
/// <param name="Tracked">Declared with a backing field: optional (presence bit) or a string enum (its wire text).</param>
/// <param name="PresenceWord">The presence word of an optional property (-1 for a required one).</param>
/// <param name="Kind">What the runtime's JsonPropertyNames is told of it: <c>-</c> optional, <c>r</c> required and nullable, <c>v</c>/<c>n</c> required and never null (a value type, a reference).</param>
/// <param name="WriteSingle">Written by one runtime call that writes the name too (<see cref="Write"/> is the whole statement).</param>
/// <param name="Enum">The wire-text companion of a string-enum property, or null.</param>
internal sealed record ModelPropertyView(
    int Index,
    string Name,
    string JsonLiteral,
    string Doc,
    bool Deprecated,
    string Type,
    string Modifier,
    string Initializer,
    bool Tracked,
    string Field,
    int PresenceWord,
    string PresenceBit,
    char Kind,
    EnumCompanionView? Enum,
    string ReadLine,
    string WriteCondition,
    bool WriteCanBeNull,
    string WriteGet,
    string Write,
    bool WriteSingle,
    string Printed);

/// <summary>The <c>{Property}WireValue</c> companion of a string-enum property.</summary>
internal sealed record EnumCompanionView(string Name, string WireField, string Converter, string EnumType, bool AlwaysSet, string Current);

/// <summary>What every generated file starts with, and the namespace it fills.</summary>
internal sealed record FileView(string Header, string Namespace, string GeneratedCode);
