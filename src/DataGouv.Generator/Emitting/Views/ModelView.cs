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
    IReadOnlyList<ModelPropertyView> RequiredChecks,
    string NameLiteral,
    string ToStringBody,
    string JsonMembers);

/// <summary>One property of a model: its declaration, how it is read, how it is written and printed.</summary>
/// <param name="Field">The backing field (emitter-owned, <c>__</c>-prefixed) of a tracked property.</param>
/// <param name="Tracked">Declared with a backing field: optional (presence bit) or a string enum (its wire text).</param>
/// <param name="PresenceWord">The presence word of an optional property (-1 for a required one).</param>
/// <param name="RequiredNumber">1-based among the required properties (what ReadProperty returns), 0 for an optional one.</param>
/// <param name="NameLength">The length of the UTF-8 JSON name (the reader switches on it first).</param>
/// <param name="WriteSingle">Written by one runtime call that writes the name too (<see cref="Write"/> is the whole statement).</param>
/// <param name="Enum">The wire-text companion of a string-enum property, or null.</param>
internal sealed record ModelPropertyView(
    int Index,
    string Name,
    string JsonLiteral,
    string Utf8Literal,
    string Doc,
    bool Deprecated,
    string Type,
    string Modifier,
    string Initializer,
    bool Tracked,
    string Field,
    int PresenceWord,
    string PresenceBit,
    int RequiredNumber,
    int NameLength,
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
