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
    IReadOnlyList<EnumMemberView> Members);

/// <summary>One member: its C# name, its value in the C# enum, and its wire text.</summary>
/// <param name="WireDoc">The wire value for the member's doc; empty when the name already says it.</param>
/// <param name="Doc">What the spec says of the member (the description of a oneOf constant); empty when nothing.</param>
internal sealed record EnumMemberView(int Index, string Name, string Value, string WireDoc, string WireLiteral, string Doc);
