using System;
using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Model;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// What each variant of a oneOf/anyOf accepts (<see cref="VariantShape"/>), read from its schema after resolving
/// <c>$ref</c> and flattening <c>allOf</c>; and the discriminator a union can be given when the spec has none but
/// every variant fixes one property to a distinct string (a 3.1 <c>const</c> or a single-value <c>enum</c>).
/// </summary>
internal static class UnionShapes
{
    // The JSON kinds, by their short names here (JsonKindFlags: the runtime's JsonKinds bits).
    private const int Null = JsonKindFlags.Null, String = JsonKindFlags.String, Integer = JsonKindFlags.Integer, Number = JsonKindFlags.Number,
        Boolean = JsonKindFlags.Boolean, Object = JsonKindFlags.Object, Array = JsonKindFlags.Array, Any = JsonKindFlags.Any;

    /// <summary>How deep allOf and $ref chains are followed; past it a part is taken as accepting anything.</summary>
    private const int MaxDepth = 16;

    /// <summary>The shape of a variant; null when it accepts anything (no type, a nested union...).</summary>
    public static VariantShape? Of(IOpenApiSchema variant)
    {
        var kinds = KindsOf(variant, 0);
        if (kinds == Any) return null;
        if (kinds != Object && kinds != (Object | Null)) return new VariantShape(kinds, EquatableArray<string>.Empty, EquatableArray<ShapeProperty>.Empty);
        var properties = new List<ShapeProperty>();
        var required = new List<string>();
        Collect(variant, properties, required, new HashSet<IOpenApiSchema>(), 0);
        return new VariantShape(kinds, required.ToEquatableArray(), properties.ToEquatableArray());
    }

    /// <summary>
    /// The property every object variant fixes to a distinct value, all strings or all integers, in the first
    /// variant's order; null when there is none (a variant that is not an object, or that fixes nothing, or two
    /// variants with the same value). <paramref name="integer"/>: its values are integers.
    /// </summary>
    public static string? InferDiscriminator(IReadOnlyList<VariantShape?> shapes, out bool integer)
    {
        integer = false;
        if (shapes.Count < 2 || shapes.Any(s => s is null || (s.Kinds & Object) == 0)) return null;
        foreach (var candidate in shapes[0]!.Properties.Where(p => p.Constant is not null))
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            var all = true;
            foreach (var shape in shapes)
            {
                var fixedBy = shape!.Properties.FirstOrDefault(p => p.Name == candidate.Name);
                if (fixedBy?.Constant is null || fixedBy.IntegerConstant != candidate.IntegerConstant || !values.Add(fixedBy.Constant))
                {
                    all = false;
                    break;
                }
            }
            if (all)
            {
                integer = candidate.IntegerConstant;
                return candidate.Name;
            }
        }
        return null;
    }

    /// <summary>
    /// The value a schema fixes: <c>const</c>, or an <c>enum</c> with one value, a string or (<paramref name="integer"/>)
    /// an integer that fits a long, as invariant text. An integer-typed <c>const</c> is an integer (the reader keeps
    /// <c>const</c> as text); the type is the schema's own, else <paramref name="enclosing"/>'s (the schema whose
    /// oneOf lists it, for an alternative that states only its value).
    /// </summary>
    public static string? Constant(IOpenApiSchema schema, out bool integer, IOpenApiSchema? enclosing = null)
    {
        integer = false;
        var target = Target(schema);
        if (target is null) return null;
        if (target.Const is { } c)
        {
            var types = SchemaFacts.TypeFlags(target) ?? SchemaFacts.TypeFlags(schema) ?? (enclosing is null ? null : SchemaFacts.TypeFlags(enclosing));
            if (types is { } t && (t & JsonSchemaType.Integer) != 0 && (t & JsonSchemaType.String) == 0
                && long.TryParse(c, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                integer = true;
                return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return c;
        }
        var values = SchemaFacts.Enum(target).Where(v => !SchemaFacts.IsNull(v)).ToList();
        if (values.Count != 1) return null;
        if (SchemaFacts.EnumString(values[0]) is { } text) return text;
        var number = SchemaFacts.EnumInteger(values[0]);
        integer = number is not null;
        return number;
    }

    /// <summary>
    /// Gives every object variant of every union the name of the spec-wide field that holds its shape: identical
    /// shapes share one field (named after the first type that has it), so a type listed by many unions is described
    /// once. Deterministic: types and variants in order.
    /// </summary>
    public static List<TypeModel> Share(List<TypeModel> types)
    {
        var byShape = new Dictionary<VariantShape, string>();
        // Fields of a static class: object's members and the class's own name (…UnionShapes) are not field names.
        var taken = new HashSet<string>(new[] { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize" }, StringComparer.Ordinal);
        for (var t = 0; t < types.Count; t++)
        {
            var type = types[t];
            if (type.Kind != TypeModelKind.Union || !type.Variants.Any(v => v.Shape is { } s && (s.Kinds & Object) != 0)) continue;
            var variants = type.Variants.ToArray();
            for (var i = 0; i < variants.Length; i++)
            {
                if (variants[i].Shape is not { } shape || (shape.Kinds & Object) == 0) continue;
                if (!byShape.TryGetValue(shape, out var key))
                {
                    var candidate = variants[i].Type.Name ?? variants[i].Name;
                    if (candidate.EndsWith("UnionShapes", StringComparison.Ordinal)) candidate += "Shape";
                    key = candidate;
                    for (var n = 2; !taken.Add(key); n++) key = candidate + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    byShape[shape] = key;
                }
                variants[i] = variants[i] with { ShapeKey = key };
            }
            types[t] = type with { Variants = variants.ToEquatableArray() };
        }
        return types;
    }

    private static IOpenApiSchema? Target(IOpenApiSchema schema)
    {
        if (SchemaFacts.IsUnresolved(schema)) return null;
        return schema is OpenApiSchemaReference r ? r.Target : schema;
    }

    /// <summary>The JSON kinds a schema accepts; <see cref="Any"/> when it does not say (or says through oneOf/anyOf).</summary>
    private static int KindsOf(IOpenApiSchema schema, int depth)
    {
        var target = Target(schema);
        if (target is null || depth > MaxDepth) return Any;
        var nullable = SchemaFacts.IsNullable(schema) || SchemaFacts.IsNullable(target) ? Null : 0;
        if (SchemaFacts.OneOf(target).Count > 0 || SchemaFacts.AnyOf(target).Count > 0) return Any;
        var kinds = SchemaFacts.TypeFlags(target) is { } flags ? FromFlags(flags) : 0;
        if (kinds == 0)
        {
            // No type: what the other keywords imply, else what its allOf parts agree on.
            var type = SchemaFacts.Type(target);
            if (type == "object") kinds = Object;
            else if (type == "array") kinds = Array;
            else if (target.Const is not null) kinds = String;
            else if (SchemaFacts.Enum(target).Count > 0)
            {
                foreach (var value in SchemaFacts.Enum(target)) kinds |= KindOf(value);
            }
            else
            {
                var parts = SchemaFacts.AllOf(target).Where(p => p is not null).ToList();
                if (parts.Count == 0) return Any;
                kinds = Any & ~Null;
                foreach (var part in parts) kinds &= KindsOf(part, depth + 1) | Null;
                if (kinds == 0 || kinds == (Any & ~Null)) return Any;
            }
        }
        return kinds == 0 ? Any : kinds | nullable;
    }

    private static int FromFlags(JsonSchemaType flags)
    {
        var kinds = 0;
        if ((flags & JsonSchemaType.Null) != 0) kinds |= Null;
        if ((flags & JsonSchemaType.String) != 0) kinds |= String;
        if ((flags & JsonSchemaType.Integer) != 0) kinds |= Integer;
        if ((flags & JsonSchemaType.Number) != 0) kinds |= Number | Integer;
        if ((flags & JsonSchemaType.Boolean) != 0) kinds |= Boolean;
        if ((flags & JsonSchemaType.Object) != 0) kinds |= Object;
        if ((flags & JsonSchemaType.Array) != 0) kinds |= Array;
        return kinds;
    }

    private static int KindOf(System.Text.Json.Nodes.JsonNode? value)
    {
        if (SchemaFacts.IsNull(value)) return Null;
        return value!.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => String,
            System.Text.Json.JsonValueKind.Number => Number | Integer,
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => Boolean,
            System.Text.Json.JsonValueKind.Object => Object,
            System.Text.Json.JsonValueKind.Array => Array,
            _ => Any,
        };
    }

    /// <summary>Properties and required names through allOf, bounded (a part already on the path is skipped).</summary>
    private static void Collect(IOpenApiSchema schema, List<ShapeProperty> into, List<string> required, HashSet<IOpenApiSchema> visiting, int depth)
    {
        var target = Target(schema);
        if (target is null || depth > MaxDepth || !visiting.Add(target)) return;
        foreach (var part in SchemaFacts.AllOf(target))
        {
            if (part is not null) Collect(part, into, required, visiting, depth + 1);
        }
        foreach (var pair in SchemaFacts.Props(target))
        {
            var value = pair.Value ?? new OpenApiSchema();
            var constant = Constant(value, out var integer);
            var property = new ShapeProperty(pair.Key, KindsOf(value, depth + 1), constant, integer);
            var existing = into.FindIndex(p => p.Name == pair.Key);
            if (existing >= 0) into[existing] = property;
            else into.Add(property);
        }
        foreach (var name in SchemaFacts.Required(target))
        {
            if (!required.Contains(name)) required.Add(name);
        }
        visiting.Remove(target);
    }
}
