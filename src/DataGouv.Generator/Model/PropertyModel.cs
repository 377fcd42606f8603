namespace DataGouv.Generator.Model;

/// <summary>One property of an object schema.</summary>
/// <param name="JsonName">The name on the wire, exactly as the spec writes it.</param>
/// <param name="Name">The C# property name (sanitized, unique within the type).</param>
/// <param name="Type">The property's type; Nullable says whether null is allowed on the wire.</param>
/// <param name="Required">Listed in the schema's required array.</param>
/// <param name="ReadOnly">readOnly: read from responses, never written into request bodies.</param>
/// <param name="Secret">Its value must never be printed (ToString, debugger).</param>
/// <param name="Deprecated">Marked deprecated in the spec.</param>
/// <param name="Summary">Doc text (raw; the emitter escapes it).</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool ReadOnly,
    bool Secret,
    bool Deprecated,
    string? Summary)
{
    /// <summary>Whether the caller must set it when building the object (C# <c>required</c> member).</summary>
    public bool IsRequiredMember => Required && !ReadOnly;
}
