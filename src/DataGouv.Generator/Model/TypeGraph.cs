using System;
using System.Collections.Generic;

namespace DataGouv.Generator.Model;

/// <summary>
/// Which generated types the kept operations need: everything reachable from their parameters, bodies, form fields
/// and responses, through properties, array and map elements, additionalProperties and union variants. Used when an
/// operation filter leaves operations out, so that the types only they used are not generated.
/// </summary>
internal static class TypeGraph
{
    /// <summary>The types reachable from <paramref name="operations"/>, in their original order.</summary>
    public static List<TypeModel> Reachable(IReadOnlyList<TypeModel> types, IEnumerable<OperationModel> operations)
    {
        var byName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type is not null) byName[type.Name] = type;
        }
        // A worklist over type names: each type is expanded once (the visited set bounds any cycle), and a TypeRef is
        // walked with a stack, not recursion.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var operation in operations)
        {
            foreach (var root in Roots(operation)) pending.Push(root);
        }
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is not null) pending.Push(type.Element);
            if (type.Name is null || !reached.Add(type.Name) || !byName.TryGetValue(type.Name, out var model)) continue;
            foreach (var next in References(model)) pending.Push(next);
        }
        var kept = new List<TypeModel>();
        foreach (var type in types)
        {
            if (type is not null && reached.Contains(type.Name)) kept.Add(type);
        }
        return kept;
    }

    /// <summary>Every type an operation's method signature or body reads or writes.</summary>
    public static IEnumerable<TypeRef> Roots(OperationModel operation)
    {
        foreach (var parameter in operation.Parameters) yield return parameter.Type;
        if (operation.Body is { } body)
        {
            if (body.Type is not null) yield return body.Type;
            foreach (var field in body.Fields) yield return field.Type;
        }
        if (operation.Success.Type is not null) yield return operation.Success.Type;
        foreach (var error in operation.Errors)
        {
            if (error.Type is not null) yield return error.Type;
        }
    }

    /// <summary>
    /// Every type a generated type refers to. A member of <see cref="TypeModel"/> that holds a type (a TypeRef, or a
    /// list of things holding one) must be listed here: TypeGraphTests fails when one is added and not walked.
    /// </summary>
    public static IEnumerable<TypeRef> References(TypeModel type)
    {
        foreach (var property in type.Properties) yield return property.Type;
        if (type.AdditionalProperties is not null) yield return type.AdditionalProperties;
        foreach (var variant in type.Variants) yield return variant.Type;
        // A class hierarchy names its relatives by C# name: the base (a subclass derives from it) and every subclass
        // (the base's reader dispatches to them), so a kept class keeps its whole hierarchy.
        if (type.BaseType is not null) yield return new TypeRef(TypeKind.Object, type.BaseType);
        foreach (var subtype in type.Subtypes) yield return new TypeRef(TypeKind.Object, subtype.Name);
    }
}
