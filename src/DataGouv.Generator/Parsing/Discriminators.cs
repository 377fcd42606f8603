using System;
using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Polymorphism. A union gets the discriminator it can dispatch on (declared, or inferred from a property every
/// variant fixes to a distinct value). An object schema with a <c>discriminator</c> whose subtypes extend it with
/// <c>allOf: [$ref Base, ...]</c> becomes a C# class hierarchy: each subtype derives from its base, the first
/// properties of its (flattened) list being the base's; the base's reader dispatches on the discriminator value
/// (the <c>mapping</c>, else the subtype's schema name) and its writer on the runtime type. A shape that is not a
/// clean hierarchy (two discriminated bases, a base property redefined with another type...) stays flattened, with
/// a DG0017 note that says why.
/// </summary>
internal static class Discriminators
{
    /// <summary>Names a union variant cannot take: the nested <c>Kinds</c> enum uses them.</summary>
    public static readonly string[] ReservedVariantNames = { "Kind", "Kinds", "Unknown" };

    /// <summary>
    /// A union with the discriminator values of each variant: declared; else embedded (every variant extends, through
    /// allOf, a base with a discriminator); else inferred from a property every variant fixes to its own value (all
    /// strings, or all integers: Discord's <c>type: 1</c>, <c>type: 2</c>...).
    /// </summary>
    public static TypeModel Union(TypeModel union, IReadOnlyList<IOpenApiSchema> variantSchemas, IReadOnlyDictionary<string, IOpenApiSchema> components)
    {
        var variants = union.Variants;
        if (union.Discriminator is null && variantSchemas.Count == variants.Count && Embedded(variantSchemas, components) is { } embedded)
        {
            var withValues = variants.Select((v, i) => v with { DiscriminatorValues = embedded.Values[i].ToEquatableArray() }).ToEquatableArray();
            return union with { Variants = withValues, Discriminator = embedded.Property };
        }
        if (union.Discriminator is { } declared)
        {
            // An inline variant has no schema name: the value it fixes its discriminator property to selects it.
            var filled = variants.Select(v => v.DiscriminatorValues.Count > 0 || v.Shape?.Properties.FirstOrDefault(p => p.Name == declared && !p.IntegerConstant)?.Constant is not { } value
                ? v
                : v with { DiscriminatorValues = new EquatableArray<string>(new[] { value }) }).ToEquatableArray();
            return union with { Variants = filled };
        }
        var inferred = UnionShapes.InferDiscriminator(variants.Select(v => v.Shape).ToList(), out var integer);
        if (inferred is null) return union;
        var tagged = variants.Select(v => v with { DiscriminatorValues = new EquatableArray<string>(new[] { v.Shape!.Properties.First(p => p.Name == inferred).Constant! }) });
        return union with { Variants = tagged.ToEquatableArray(), Discriminator = inferred, DiscriminatorInferred = true, DiscriminatorIsInteger = integer };
    }

    /// <summary>
    /// The discriminator of a oneOf whose variants are all $refs to subtypes of discriminated bases with the same
    /// property (an "embedded" discriminator): each variant's values are its bases' mapping entries, else its name;
    /// then those of its own subtypes (<see cref="AddSubtypes"/>).
    /// </summary>
    private static (string Property, List<string>[] Values)? Embedded(IReadOnlyList<IOpenApiSchema> variants, IReadOnlyDictionary<string, IOpenApiSchema> components)
    {
        if (variants.Count < 2) return null;
        string? property = null;
        var values = new List<string>[variants.Count];
        var ids = new string[variants.Count];
        for (var i = 0; i < variants.Count; i++)
        {
            if (SchemaFacts.ReferenceId(variants[i]) is not { } id || variants[i] is not OpenApiSchemaReference { Target: { } target }) return null;
            if (MappedValues(id, target, out var own) is not { } found || own is null || (property is not null && property != own)) return null;
            property = own;
            ids[i] = id;
            values[i] = found;
        }
        AddSubtypes(ids, values, property!, components);
        return (property!, values);
    }

    /// <summary>
    /// The values its discriminated bases' mappings give the component <paramref name="id"/> (else its name), and
    /// (<paramref name="property"/>) their discriminator property; null when two bases disagree on the property.
    /// </summary>
    private static List<string>? MappedValues(string id, IOpenApiSchema target, out string? property)
    {
        var found = new List<string>();
        property = null;
        // The discriminated bases up the allOf $refs; their mappings may name the component.
        foreach (var reference in BaseReferences(target))
        {
            var baseSchema = reference.Target!;
            if (baseSchema.Discriminator?.PropertyName is not { Length: > 0 } p) continue;
            if (property is not null && property != p) return null;
            property = p;
            foreach (var entry in baseSchema.Discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (MappingTarget(entry.Value) == id && !found.Contains(entry.Key)) found.Add(entry.Key);
            }
        }
        if (found.Count == 0) found.Add(id);
        return found;
    }

    /// <summary>
    /// A variant that is itself a base also holds its subtypes (a Lion is a Cat, and Cat's reader makes it a Lion):
    /// every component that extends a variant through allOf $refs gives its values to the nearest variant it extends,
    /// unless a variant claims them already. Without this, a union of Cat and Dog read a Lion as Unknown.
    /// </summary>
    private static void AddSubtypes(string[] ids, List<string>[] values, string property, IReadOnlyDictionary<string, IOpenApiSchema> components)
    {
        var variantOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!variantOf.ContainsKey(ids[i])) variantOf[ids[i]] = i;
        }
        var claimed = new HashSet<string>(values.SelectMany(v => v), StringComparer.Ordinal);
        foreach (var pair in components.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value is null || variantOf.ContainsKey(pair.Key) || NearestVariant(pair.Value, variantOf) is not { } index) continue;
            if (MappedValues(pair.Key, pair.Value, out var own) is not { } found || own != property) continue;
            foreach (var value in found)
            {
                if (claimed.Add(value)) values[index].Add(value);
            }
        }
    }

    /// <summary>The variant a schema extends through allOf $refs, the nearest first.</summary>
    private static int? NearestVariant(IOpenApiSchema schema, IReadOnlyDictionary<string, int> variantOf)
    {
        foreach (var reference in BaseReferences(schema))
        {
            if (SchemaFacts.ReferenceId(reference) is { } id && variantOf.TryGetValue(id, out var index)) return index;
        }
        return null;
    }

    /// <summary>The allOf $ref parts up from a schema (its bases, theirs...), breadth first so the nearest come first;
    /// bounded by the nesting limit, and each schema visited once (allOf cycles end).</summary>
    private static IEnumerable<OpenApiSchemaReference> BaseReferences(IOpenApiSchema schema)
    {
        var pending = new Queue<(IOpenApiSchema Schema, int Depth)>();
        var seen = new HashSet<IOpenApiSchema>();
        pending.Enqueue((schema, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Dequeue();
            if (depth > SchemaTranslator.MaxDepth || !seen.Add(current)) continue;
            foreach (var part in SchemaFacts.AllOf(current))
            {
                if (part is not OpenApiSchemaReference { Target: { } target } reference) continue;
                yield return reference;
                pending.Enqueue((target, depth + 1));
            }
        }
    }

    /// <summary>
    /// Whether the oneOf/anyOf of the component <paramref name="key"/> only lists its own subtypes (the 3.0 style: each
    /// extends it with allOf), which its class hierarchy covers.
    /// </summary>
    public static bool ListsSubtypes(IOpenApiSchema schema, string key) =>
        schema.Discriminator?.PropertyName is { Length: > 0 }
        && SchemaFacts.OneOf(schema).Concat(SchemaFacts.AnyOf(schema)).All(v =>
            v is OpenApiSchemaReference { Target: { } target } && SchemaFacts.AllOf(target).Any(p => p is not null && SchemaFacts.ReferenceId(p) == key));

    /// <summary>
    /// Links the discriminated hierarchies among the component object types (in place in <paramref name="types"/>).
    /// <paramref name="components"/> are the component schemas by key, <paramref name="named"/> the C# name of each
    /// component that is a type.
    /// </summary>
    public static void Link(
        List<TypeModel> types,
        IReadOnlyDictionary<string, IOpenApiSchema> components,
        IReadOnlyDictionary<string, (string Name, TypeModelKind Kind)> named,
        ParseContext context,
        string componentsKey)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is { } t) byName[t.Name] = i;
        }
        bool IsObject(string key) => named.TryGetValue(key, out var n) && n.Kind == TypeModelKind.Object && byName.ContainsKey(n.Name);
        string? Discriminator(string key) => components[key].Discriminator?.PropertyName is { Length: > 0 } p ? p : null;

        // Parent of each component: the one allOf $ref part that is in a discriminated hierarchy.
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var roots = new Dictionary<string, string?>(StringComparer.Ordinal);
        var inProgress = new HashSet<string>(StringComparer.Ordinal);

        string? RootOf(string key, int depth)
        {
            if (roots.TryGetValue(key, out var known)) return known;
            // Bounded twice: a cycle through allOf ends here, and so does a chain deeper than the schema nesting limit.
            if (!IsObject(key) || depth > SchemaTranslator.MaxDepth || !inProgress.Add(key)) return null;
            string? root = null;
            var bases = SchemaFacts.AllOf(components[key])
                .Select(p => p is null ? null : SchemaFacts.ReferenceId(p))
                .Where(id => id is not null && id != key && components.ContainsKey(id))
                .Select(id => (Key: id!, Root: RootOf(id!, depth + 1)))
                .Where(b => b.Root is not null)
                .Distinct()
                .ToList();
            var own = Discriminator(key);
            if (bases.Count == 1 && (own is null || own == Discriminator(bases[0].Root!)))
            {
                parents[key] = bases[0].Key;
                root = bases[0].Root;
            }
            else
            {
                if (bases.Count > 1)
                {
                    Note(context, componentsKey, key, "it extends " + string.Join(" and ", bases.Select(b => "'" + b.Key + "'")) + ", which are discriminated bases both: its properties are flattened, and reading a base never yields it");
                }
                else if (bases.Count == 1)
                {
                    Note(context, componentsKey, key, "its discriminator '" + own + "' differs from its base's '" + Discriminator(bases[0].Root!) + "': it is a base of its own, and its properties are flattened");
                }
                if (own is not null) root = key;
            }
            inProgress.Remove(key);
            roots[key] = root;
            return root;
        }

        foreach (var key in components.Keys) RootOf(key, 0);
        if (parents.Count == 0) return;

        // Top-down (a base before its subtypes), so that each subtype takes the final property list of its base.
        int Depth(string key)
        {
            var d = 0;
            for (var k = key; parents.TryGetValue(k, out var p) && d <= SchemaTranslator.MaxDepth; k = p) d++;
            return d;
        }
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var componentTypes = new HashSet<string>(named.Values.Select(n => n.Name), StringComparer.Ordinal);
        var copies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Where(r => r.Value == r.Key && parents.Keys.Any(k => roots[k] == r.Key)).Select(r => r.Key))
        {
            var property = Discriminator(root)!;
            var index = byName[named[root].Name];
            var model = types[index];
            var discriminatorIndex = FindIndex(model.Properties, property);
            if (discriminatorIndex < 0 || model.Properties[discriminatorIndex].Type.Kind is not (TypeKind.String or TypeKind.StringEnum))
            {
                Note(context, componentsKey, root, discriminatorIndex < 0
                    ? "its discriminator property '" + property + "' is not declared among its properties (declare it as a string)"
                    : "its discriminator property '" + property + "' is not a string");
                continue;
            }
            // The subtypes' constructors set the discriminator: the caller never has to.
            var properties = model.Properties.ToArray();
            properties[discriminatorIndex] = properties[discriminatorIndex] with { Required = false };
            types[index] = model with { Properties = properties.ToEquatableArray(), Discriminator = property };
            linked.Add(root);
        }
        foreach (var key in parents.Keys.OrderBy(Depth).ThenBy(k => k, StringComparer.Ordinal))
        {
            var parentKey = parents[key];
            if (!linked.Contains(parentKey) || !roots.TryGetValue(key, out var rootKey) || rootKey is null) continue;
            var parent = types[byName[named[parentKey].Name]];
            var index = byName[named[key].Name];
            var child = types[index];
            var property = Discriminator(rootKey)!;
            if (Mismatch(parent, child, property) is { } why)
            {
                Note(context, componentsKey, key, why + ": its properties are flattened, and reading '" + parentKey + "' never yields it");
                continue;
            }
            for (var i = 0; i < parent.Properties.Count; i++)
            {
                for (var (t, depth) = (child.Properties[i].Type, 0); t is not null && depth <= SchemaTranslator.MaxDepth; t = t.Element, depth++)
                {
                    if (t.Name is not null && t.Name.StartsWith(child.Name, StringComparison.Ordinal) && !componentTypes.Contains(t.Name)) copies.Add(t.Name);
                }
            }
            var merged = parent.Properties.Concat(child.Properties.Skip(parent.Properties.Count)).ToEquatableArray();
            types[index] = child with
            {
                Properties = merged,
                BaseType = parent.Name,
                InheritedCount = parent.Properties.Count,
                Discriminator = property,
                DiscriminatorValue = Values(components, rootKey, key, parents)[0],
            };
            linked.Add(key);
        }

        // Every base lists its descendants, deepest first (the writer tests the most derived type first).
        foreach (var key in linked)
        {
            var index = byName[named[key].Name];
            var descendants = linked.Where(k => k != key && IsAncestor(key, k, parents))
                .OrderByDescending(Depth).ThenBy(k => k, StringComparer.Ordinal)
                .Select(k => new SubtypeModel(named[k].Name, Values(components, roots[k]!, k, parents).ToEquatableArray()))
                .ToEquatableArray();
            if (descendants.Count > 0) types[index] = types[index] with { Subtypes = descendants };
        }
        DropCopies(types, copies, componentTypes);
    }

    private static bool IsAncestor(string ancestor, string key, Dictionary<string, string> parents)
    {
        var steps = 0;
        for (var k = key; parents.TryGetValue(k, out var p) && steps++ <= SchemaTranslator.MaxDepth; k = p)
        {
            if (p == ancestor) return true;
        }
        return false;
    }

    /// <summary>The discriminator values of a subtype: the mapping entries (of its root or of any base on the way) that name it, else its schema name.</summary>
    private static List<string> Values(IReadOnlyDictionary<string, IOpenApiSchema> components, string rootKey, string key, Dictionary<string, string> parents)
    {
        var values = new List<string>();
        var steps = 0;
        for (var k = key; parents.TryGetValue(k, out var p) && steps++ <= SchemaTranslator.MaxDepth; k = p)
        {
            foreach (var entry in components[p].Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (MappingTarget(entry.Value) == key && !values.Contains(entry.Key)) values.Add(entry.Key);
            }
            if (p == rootKey) break;
        }
        if (values.Count == 0) values.Add(key);
        return values;
    }

    /// <summary>The component a mapping value names: a $ref (<c>#/components/schemas/Cat</c>) or a bare schema name.</summary>
    private static string? MappingTarget(OpenApiSchemaReference? reference)
    {
        if (reference?.Reference is not { } r) return null;
        if (r.Id is { Length: > 0 } id)
        {
            var slash = id.LastIndexOf('/');
            return slash >= 0 ? id.Substring(slash + 1) : id;
        }
        return null;
    }

    /// <summary>Why <paramref name="child"/> cannot derive from <paramref name="parent"/>, or null when it can.</summary>
    private static string? Mismatch(TypeModel parent, TypeModel child, string discriminator)
    {
        if (child.Properties.Count < parent.Properties.Count) return "it does not have all the properties of its base";
        for (var i = 0; i < parent.Properties.Count; i++)
        {
            var (p, c) = (parent.Properties[i], child.Properties[i]);
            if (p.JsonName != c.JsonName) return "its properties do not start with its base's (list the base first in its allOf)";
            if (p.JsonName == discriminator) continue; // a subtype may narrow its discriminator (an enum of its own value)
            if (p.Name != c.Name || !SameShape(p.Type, c.Type) || p.ReadOnly != c.ReadOnly) return "it redefines the property '" + p.JsonName + "' of its base with another type";
        }
        if (!Equals(parent.AdditionalProperties, child.AdditionalProperties)) return "its additionalProperties differ from its base's";
        return null;
    }

    /// <summary>
    /// Whether a subtype's copy of an inherited property has its base's type. An inline enum or object is named after
    /// the type that holds it (CatHuntingSkill, LionHuntingSkill): the same kind in the same place is the same type.
    /// </summary>
    private static bool SameShape(TypeRef a, TypeRef b)
    {
        if (a.Kind != b.Kind || a.Nullable != b.Nullable) return false;
        if (a.Element is not null || b.Element is not null) return a.Element is not null && b.Element is not null && SameShape(a.Element, b.Element);
        return a.Name == b.Name || a.Kind is TypeKind.StringEnum or TypeKind.IntegerEnum or TypeKind.Object or TypeKind.Union;
    }

    /// <summary>
    /// The inline types a subtype's flattened copy of its base's properties made (LionHuntingSkill beside
    /// CatHuntingSkill): once the subtype inherits the base's properties nothing uses them, so they are dropped.
    /// </summary>
    private static void DropCopies(List<TypeModel> types, HashSet<string> candidates, HashSet<string> componentTypes)
    {
        var prefixes = candidates.ToList();
        for (var round = 0; round <= SchemaTranslator.MaxDepth && candidates.Count > 0; round++)
        {
            // Used: by a type that is not a candidate, or by a candidate that is used (to a fixpoint).
            var used = new HashSet<string>(types.Where(t => t is not null && !candidates.Contains(t.Name)).SelectMany(Uses), StringComparer.Ordinal);
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var t in types.Where(t => t is not null && candidates.Contains(t.Name) && used.Contains(t.Name)).ToList())
                {
                    foreach (var name in Uses(t)) grew |= used.Add(name);
                }
            }
            var dropped = types.Where(t => t is not null && candidates.Contains(t.Name) && !used.Contains(t.Name)).ToList();
            if (dropped.Count == 0) return;
            foreach (var t in dropped) types.Remove(t);
            // What a dropped copy used may be a copy too (an inline object's own inline enum): never a component.
            candidates = new HashSet<string>(dropped.SelectMany(Uses)
                .Where(n => !componentTypes.Contains(n) && prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))), StringComparer.Ordinal);
        }
    }

    private static IEnumerable<string> Uses(TypeModel type)
    {
        var refs = type.Properties.Select(p => p.Type).Concat(type.Variants.Select(v => v.Type));
        if (type.AdditionalProperties is not null) refs = refs.Append(type.AdditionalProperties);
        foreach (var root in refs)
        {
            for (var (t, depth) = (root, 0); t is not null && depth <= SchemaTranslator.MaxDepth; t = t.Element, depth++)
            {
                if (t.Name is not null) yield return t.Name;
            }
        }
    }

    private static int FindIndex(EquatableArray<PropertyModel> properties, string jsonName)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].JsonName == jsonName) return i;
        }
        return -1;
    }

    private static void Note(ParseContext context, string componentsKey, string key, string why) =>
        context.Report(DiagnosticDescriptors.NotGenerated, context.Locator.Find(componentsKey, key), "the class hierarchy of '" + key + "'", "is", why);
}
