using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Enum.sbncs</c> renders for one enum schema.</summary>
internal sealed record EnumView(
    FileView File,
    string Name,
    string Doc,
    string SchemaName,
    bool Deprecated,
    bool IsString,
    IReadOnlyList<EnumMemberView> Members,
    IReadOnlyList<EnumLengthGroup> ParseGroups);

/// <summary>One member: its C# name, its value in the C# enum, and its wire text.</summary>
internal sealed record EnumMemberView(int Index, string Name, string Value, string WireDoc, string WireLiteral, string Utf8Literal);

/// <summary>The members whose UTF-8 wire text has one length: one <c>case</c> of the parser's switch.</summary>
internal sealed record EnumLengthGroup(int Length, IReadOnlyList<EnumMemberView> Members);
