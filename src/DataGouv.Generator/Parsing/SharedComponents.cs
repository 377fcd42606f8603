using System;
using System.Collections.Generic;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Responses, request bodies and parameters declared once (under <c>components</c>; in Swagger 2.0 under the root
/// <c>responses:</c> and <c>parameters:</c>) and referenced by many operations. Each is translated once, the first
/// time an operation uses it: its inline types are named after the component (<c>Conflict</c>, or
/// <c>ConflictResponse</c> when a schema already has that name), and every other operation that references it reuses
/// the result. Keyed by the reference, never by shape: two identical inline shapes stay two types (they may mean
/// different things), but one <c>$ref</c> is never copied.
/// </summary>
internal sealed class SharedComponents
{
    private readonly NameScope _typeNames;
    private readonly bool _swagger2;
    private readonly Dictionary<string, TypeRef> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResponseModel> _responses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeBases = new(StringComparer.Ordinal);

    public SharedComponents(NameScope typeNames, bool swagger2)
    {
        _typeNames = typeNames;
        _swagger2 = swagger2;
    }

    /// <summary>
    /// The component a response, request body or parameter refers to, or null when it is written inline (or its
    /// reference resolves to nothing, which the caller treats as before). A pointer into a subtree
    /// (<c>#/paths/~1a/get/responses/200</c>) is read as unresolved by the reader, so it never lands here.
    /// </summary>
    public static string? ComponentId(object? value) => value switch
    {
        OpenApiResponseReference { UnresolvedReference: false, Reference.Id: { Length: > 0 } id } => id,
        OpenApiRequestBodyReference { UnresolvedReference: false, Reference.Id: { Length: > 0 } id } => id,
        OpenApiParameterReference { UnresolvedReference: false, Reference.Id: { Length: > 0 } id } => id,
        _ => null,
    };

    /// <summary>
    /// The name the component's inline types start from: the component's own name, or the name plus
    /// <paramref name="suffix"/> when a type already has it; the same answer for every operation.
    /// </summary>
    public string TypeBase(string section, string id, string suffix)
    {
        var key = section + "/" + id;
        if (_typeBases.TryGetValue(key, out var known)) return known;
        var name = Identifier.ToPascalCase(id, suffix);
        if (_typeNames.IsTaken(name) && !name.EndsWith(suffix, StringComparison.Ordinal)) name += suffix;
        _typeBases[key] = name;
        return name;
    }

    /// <summary>Where the component is declared, for diagnostics about its schema (reported once, there).</summary>
    public string[] Location(string section, string id) => _swagger2
        ? new[] { section == "requestBodies" ? "parameters" : section, id }
        : new[] { "components", section, id };

    /// <summary>The type of a component's schema (or of one of its form fields), translated the first time only.</summary>
    public TypeRef Type(string key, Func<TypeRef> translate)
    {
        if (_types.TryGetValue(key, out var known)) return known;
        var type = translate();
        _types[key] = type;
        return type;
    }

    /// <summary>A component response, translated the first time only; the status code is the operation's.</summary>
    public ResponseModel Response(string id, string code, string? description, Func<ResponseModel> translate)
    {
        if (!_responses.TryGetValue(id, out var known))
        {
            known = translate();
            _responses[id] = known;
        }
        // A $ref may carry its own description (3.1): the use's, over the component's.
        return known with { StatusCode = code, Summary = description ?? known.Summary };
    }
}
