using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Turns OpenAPI schemas into <see cref="TypeModel"/>s and <see cref="TypeRef"/>s. Component schemas that need a
/// type of their own (objects, enums, unions) get one named after the component; primitives, arrays, maps and
/// single-$ref aliases are inlined where used. Inline objects and enums are named <c>{Parent}{Property}</c>.
/// </summary>
internal sealed class SchemaTranslator
{

    private readonly ParseContext _context;
    private readonly NameScope _typeNames;
    private readonly Dictionary<string, (string Name, TypeModelKind Kind)> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliasesInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliasCache = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly bool _swagger2;

    public SchemaTranslator(ParseContext context, NameScope typeNames, bool swagger2)
    {
        _context = context;
        _typeNames = typeNames;
        _swagger2 = swagger2;
    }

    public IReadOnlyList<TypeModel> Types => _types;

    private string ComponentsKey => _swagger2 ? "definitions" : "schemas";

    /// <summary>Names every component that becomes a type, then translates them, in document order.</summary>
    public void AddComponents(IDictionary<string, OpenApiSchema>? schemas)
    {
        if (schemas is null) return;
        foreach (var pair in schemas)
        {
            // A component whose value is empty or a $ref to a non-schema reads as null: an untyped alias.
            _components[pair.Key] = pair.Value ?? new OpenApiSchema();
        }
        foreach (var pair in schemas)
        {
            var kind = NamedKind(_components[pair.Key], isComponent: true);
            if (kind is null) continue;
            var candidate = Identifier.ToPascalCase(pair.Key, "Model");
            var name = _typeNames.Claim(candidate, out var collided);
            if (collided)
            {
                _context.Report(DiagnosticDescriptors.NameCollision, _context.Locator.Find(ComponentsKey, pair.Key), pair.Key, candidate, "the namespace", name);
            }
            _named[pair.Key] = (name, kind.Value);
        }
        foreach (var pair in schemas)
        {
            if (_named.TryGetValue(pair.Key, out var named))
            {
                Build(named.Name, pair.Key, _components[pair.Key], named.Kind, new[] { ComponentsKey, pair.Key });
            }
        }
    }

    /// <summary>The type of a value described by <paramref name="schema"/>; inline types are named <paramref name="contextName"/>.</summary>
    public TypeRef Resolve(OpenApiSchema? schema, string contextName, string[] location)
    {
        if (schema is null) return TypeRef.Any;
        var nullable = IsNullable(schema);

        if (schema.UnresolvedReference)
        {
            var target = schema.Reference?.ReferenceV3 ?? schema.Reference?.Id ?? "?";
            if (schema.Reference?.Id is { } loop && _components.ContainsKey(loop))
            {
                // The target exists, yet the reader could not resolve it: an alias chain that comes back to itself.
                _context.Report(DiagnosticDescriptors.CyclicReference, _context.Locator.Find(location), loop, target);
                return TypeRef.Any.WithNullable(true);
            }
            _context.Report(DiagnosticDescriptors.UnresolvedReference, _context.Locator.Find(location), target);
            return TypeRef.Any.WithNullable(true);
        }

        if (schema.Reference is { } reference && reference.Id is { } id && _components.ContainsKey(id))
        {
            if (_named.TryGetValue(id, out var named))
            {
                return new TypeRef(ToTypeKind(named.Kind), named.Name, Nullable: nullable);
            }
            return ResolveAlias(id, location);
        }

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0)
        {
            // flask-restx and OAS 3.0 style "allOf: [$ref]" + description/nullable: a decorated reference, not a new type.
            var inner = Resolve(schema.AllOf[0], contextName, location);
            return inner.WithNullable(inner.Nullable || nullable);
        }

        var kind = NamedKind(schema, isComponent: false);
        if (kind is { } inlineKind)
        {
            if (inlineKind == TypeModelKind.Union)
            {
                var variants = Variants(schema);
                if (variants.Count == 1) return Resolve(variants[0], contextName, location).WithNullable(true);
            }
            var name = _typeNames.Claim(contextName);
            Build(name, contextName, schema, inlineKind, location);
            return new TypeRef(ToTypeKind(inlineKind), name, Nullable: nullable);
        }

        var type = SchemaType(schema);
        switch (type)
        {
            case "array":
                var item = Resolve(schema.Items, contextName + "Item", location);
                return new TypeRef(TypeKind.Array, Element: item, Nullable: nullable);
            case "object":
                if (schema.AdditionalProperties is { } values && !IsEmpty(values))
                {
                    return new TypeRef(TypeKind.Map, Element: Resolve(values, contextName + "Value", location), Nullable: nullable);
                }
                return TypeRef.Any.WithNullable(nullable);
            case "string":
                return new TypeRef(StringKind(schema.Format), Nullable: nullable);
            case "integer":
                return new TypeRef(schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64, Nullable: nullable);
            case "number":
                return new TypeRef(schema.Format switch { "float" => TypeKind.Single, "decimal" => TypeKind.Decimal, _ => TypeKind.Double }, Nullable: nullable);
            case "boolean":
                return new TypeRef(TypeKind.Boolean, Nullable: nullable);
            case "file":
                return new TypeRef(TypeKind.Binary, Nullable: nullable);
            default:
                if (type is not null)
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, _context.Locator.Find(location), $"the type '{type}'", "the value is typed JsonElement");
                }
                return TypeRef.Any.WithNullable(true);
        }
    }

    private TypeRef ResolveAlias(string id, string[] location)
    {
        if (_aliasCache.TryGetValue(id, out var cached)) return cached;
        if (!_aliasesInProgress.Add(id))
        {
            _context.Report(DiagnosticDescriptors.CyclicReference, _context.Locator.Find(ComponentsKey, id), id, string.Join(" → ", _aliasesInProgress) + " → " + id);
            return TypeRef.Any.WithNullable(true);
        }
        var schema = _components[id];
        // Resolve the alias body, not the component itself (which carries its own Reference).
        var body = Unreferenced(schema);
        var result = Resolve(body, Identifier.ToPascalCase(id, "Model"), new[] { ComponentsKey, id });
        _aliasesInProgress.Remove(id);
        _aliasCache[id] = result;
        return result;
    }

    /// <summary>Which kind of generated type a schema needs, or null when it is inlined (primitive, array, map, alias).</summary>
    private TypeModelKind? NamedKind(OpenApiSchema? schema, bool isComponent)
    {
        // A $ref to something that is not a schema (#/paths) resolves to null in Readers 1.6.
        if (schema is null || schema.UnresolvedReference) return null;
        if (!isComponent && schema.Reference?.Id is { } id && _components.ContainsKey(id)) return null;
        if (schema.Enum.Count > 0)
        {
            var type = SchemaType(schema);
            if (type == "string" || (type is null && schema.Enum.All(e => e is OpenApiString or OpenApiNull))) return TypeModelKind.StringEnum;
            if (type == "integer" && schema.Enum.All(e => e is OpenApiInteger or OpenApiLong or OpenApiNull)) return TypeModelKind.IntegerEnum;
            return null;
        }
        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            if (schema.Properties.Count > 0 || schema.AllOf.Count > 0)
            {
                // Properties next to oneOf: keep the properties, the alternatives are reported as unsupported.
                return TypeModelKind.Object;
            }
            return TypeModelKind.Union;
        }
        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0 && schema.AllOf[0]?.Reference is not null) return null;
        if (schema.AllOf.Count > 0 || schema.Properties.Count > 0) return TypeModelKind.Object;
        if (isComponent && SchemaType(schema) == "object" && (schema.AdditionalProperties is null || IsEmpty(schema.AdditionalProperties)))
        {
            // A named object without declared properties still gets a class: it keeps whatever arrives, losslessly.
            return TypeModelKind.Object;
        }
        return null;
    }

    private void Build(string name, string schemaName, OpenApiSchema schema, TypeModelKind kind, string[] location)
    {
        var summary = schema.Description ?? schema.Title;
        switch (kind)
        {
            case TypeModelKind.StringEnum:
            case TypeModelKind.IntegerEnum:
                _types.Add(new TypeModel(kind, name, schemaName, summary, schema.Deprecated, EquatableArray<PropertyModel>.Empty, null,
                    EnumMembers(name, schema, kind, location), EquatableArray<UnionVariantModel>.Empty, null));
                break;
            case TypeModelKind.Union:
                // Reserve the slot first: variants may be inline types that are added while resolving.
                var index = _types.Count;
                _types.Add(null!);
                _types[index] = BuildUnion(name, schemaName, schema, summary, location);
                break;
            default:
                var at = _types.Count;
                _types.Add(null!);
                _types[at] = BuildObject(name, schemaName, schema, summary, location);
                break;
        }
    }

    private TypeModel BuildObject(string name, string schemaName, OpenApiSchema schema, string? summary, string[] location)
    {
        var collected = new List<(string JsonName, OpenApiSchema Schema)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        OpenApiSchema? additional = null;
        var additionalAllowed = true;
        Collect(schema, collected, required, ref additional, ref additionalAllowed, new HashSet<OpenApiSchema>(), root: true);

        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, _context.Locator.Find(location), $"oneOf/anyOf next to properties in '{schemaName}'", "only the properties are generated");
        }

        var members = new NameScope(GeneratedNames.ModelMembers.Concat(new[] { name }));
        var properties = new List<PropertyModel>();
        foreach (var (jsonName, propertySchema) in collected)
        {
            var candidate = Identifier.ToPascalCase(jsonName, "Property");
            if (candidate == name) candidate += "Value";
            var propertyName = members.Claim(candidate, out var collided);
            var propertyLocation = location.Concat(new[] { "properties", jsonName }).ToArray();
            if (collided)
            {
                _context.Report(DiagnosticDescriptors.NameCollision, _context.Locator.Find(propertyLocation), jsonName, candidate, "type " + name, propertyName);
            }
            var type = Resolve(propertySchema, name + Identifier.ToPascalCase(jsonName, "Property"), propertyLocation);
            // format: binary inside a JSON object can only be text on the wire.
            if (type.Kind == TypeKind.Binary) type = TypeRef.String.WithNullable(type.Nullable);
            if (type.Kind == TypeKind.StringEnum)
            {
                // The companion that carries an unrecognized enum value's original text.
                members.Claim(propertyName + GeneratedNames.EnumTextSuffix);
            }
            var isRequired = required.Contains(jsonName);
            properties.Add(new PropertyModel(
                jsonName,
                propertyName,
                type,
                isRequired,
                propertySchema.ReadOnly,
                IsSecret(jsonName, propertySchema),
                propertySchema.Deprecated,
                propertySchema.Description ?? propertySchema.Title));
        }

        TypeRef? additionalType = null;
        if (additional is not null && !IsEmpty(additional))
        {
            additionalType = Resolve(additional, name + "Value", location.Concat(new[] { "additionalProperties" }).ToArray());
        }

        return new TypeModel(TypeModelKind.Object, name, schemaName, summary, schema.Deprecated, properties.ToEquatableArray(), additionalType,
            EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionVariantModel>.Empty, null);
    }

    /// <summary>Flattens allOf: the parts' properties first (in order), then the schema's own; a later definition of a name wins.</summary>
    private void Collect(OpenApiSchema schema, List<(string, OpenApiSchema)> into, HashSet<string> required, ref OpenApiSchema? additional, ref bool additionalAllowed, HashSet<OpenApiSchema> visiting, bool root)
    {
        if (!visiting.Add(schema)) return;
        foreach (var part in schema.AllOf)
        {
            if (part is null) continue;
            if (part.UnresolvedReference)
            {
                _context.Report(DiagnosticDescriptors.UnresolvedReference, _context.Locator.Find(part.Reference?.Id ?? ""), part.Reference?.ReferenceV3 ?? "?");
                continue;
            }
            Collect(part, into, required, ref additional, ref additionalAllowed, visiting, root: false);
        }
        foreach (var property in schema.Properties)
        {
            // "name:" with nothing after it (YAML null) is a property of any type, like "name: {}".
            var value = property.Value ?? new OpenApiSchema();
            var existing = into.FindIndex(p => p.Item1 == property.Key);
            if (existing >= 0) into[existing] = (property.Key, value);
            else into.Add((property.Key, value));
        }
        foreach (var name in schema.Required) required.Add(name);
        if (schema.AdditionalProperties is not null) additional = schema.AdditionalProperties;
        if (!schema.AdditionalPropertiesAllowed) additionalAllowed = false;
        visiting.Remove(schema);
    }

    private EquatableArray<EnumMemberModel> EnumMembers(string enumName, OpenApiSchema schema, TypeModelKind kind, string[] location)
    {
        // A member cannot be named like its enum (CS0542), nor like the reserved member for unknown values.
        var scope = new NameScope(new[] { enumName, "__Unrecognized" });
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var varNames = VarNames(schema);
        var i = 0;
        foreach (var value in schema.Enum)
        {
            var wire = value switch
            {
                OpenApiString s => s.Value,
                OpenApiInteger n => n.Value.ToString(CultureInfo.InvariantCulture),
                OpenApiLong l => l.Value.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            var index = i++;
            if (wire is null || !seen.Add(wire)) continue;
            string candidate;
            if (varNames is not null && index < varNames.Count) candidate = Identifier.ToPascalCase(varNames[index], "Value");
            else if (kind == TypeModelKind.IntegerEnum) candidate = "Value" + wire.Replace("-", "Minus");
            else candidate = Identifier.ToPascalCase(wire, "Empty");
            var name = scope.Claim(candidate, out var collided);
            if (collided)
            {
                _context.Report(DiagnosticDescriptors.NameCollision, _context.Locator.Find(location.Concat(new[] { "enum" }).ToArray()), wire, candidate, "the enum", name);
            }
            members.Add(new EnumMemberModel(name, wire, null));
        }
        return members.ToEquatableArray();
    }

    private static IList<string>? VarNames(OpenApiSchema schema)
    {
        if (schema.Extensions.TryGetValue("x-enum-varnames", out var ext) && ext is OpenApiArray array)
        {
            return array.OfType<OpenApiString>().Select(s => s.Value).ToList();
        }
        return null;
    }

    private TypeModel BuildUnion(string name, string schemaName, OpenApiSchema schema, string? summary, string[] location)
    {
        var scope = new NameScope(GeneratedNames.ModelMembers.Concat(GeneratedNames.UnionMembers).Concat(new[] { name }));
        var variants = new List<UnionVariantModel>();
        var mapping = schema.Discriminator?.Mapping ?? new Dictionary<string, string>();
        var i = 0;
        foreach (var variant in Variants(schema))
        {
            i++;
            var type = Resolve(variant, name + "Variant" + i.ToString(CultureInfo.InvariantCulture), location);
            var variantName = scope.Claim(type.Moniker);
            var values = new List<string>();
            if (variant.Reference?.Id is { } id)
            {
                foreach (var m in mapping)
                {
                    if (m.Value == id || m.Value.EndsWith("/" + id, StringComparison.Ordinal)) values.Add(m.Key);
                }
                if (values.Count == 0) values.Add(id);
            }
            variants.Add(new UnionVariantModel(variantName, type, values.ToEquatableArray()));
        }
        return new TypeModel(TypeModelKind.Union, name, schemaName, summary, schema.Deprecated, EquatableArray<PropertyModel>.Empty, null,
            EquatableArray<EnumMemberModel>.Empty, variants.ToEquatableArray(), schema.Discriminator?.PropertyName);
    }

    private static List<OpenApiSchema> Variants(OpenApiSchema schema) =>
        schema.OneOf.Concat(schema.AnyOf).Where(v => v is not null && !(SchemaType(v) == "null")).ToList();

    private static OpenApiSchema Unreferenced(OpenApiSchema schema)
    {
        // A component read with ResolveLocalReferences carries a Reference to itself; a shallow copy without it
        // is its body. Not the copy constructor: it copies deeply, and a schema that reaches itself through its
        // items or properties (an alias "Tree: {type: array, items: {$ref: Tree}}") overflowed the stack.
        return new OpenApiSchema
        {
            Type = schema.Type,
            Format = schema.Format,
            Title = schema.Title,
            Description = schema.Description,
            Nullable = schema.Nullable,
            ReadOnly = schema.ReadOnly,
            WriteOnly = schema.WriteOnly,
            Deprecated = schema.Deprecated,
            Items = schema.Items,
            Properties = schema.Properties,
            Required = schema.Required,
            AdditionalProperties = schema.AdditionalProperties,
            AdditionalPropertiesAllowed = schema.AdditionalPropertiesAllowed,
            AllOf = schema.AllOf,
            OneOf = schema.OneOf,
            AnyOf = schema.AnyOf,
            Not = schema.Not,
            Enum = schema.Enum,
            Discriminator = schema.Discriminator,
            Extensions = schema.Extensions,
        };
    }

    private static string? SchemaType(OpenApiSchema schema)
    {
        if (!string.IsNullOrEmpty(schema.Type)) return schema.Type;
        if (schema.Properties.Count > 0 || schema.AdditionalProperties is not null) return "object";
        if (schema.Items is not null) return "array";
        return null;
    }

    private static bool IsEmpty(OpenApiSchema schema) =>
        schema.Reference is null && string.IsNullOrEmpty(schema.Type) && schema.Properties.Count == 0 && schema.Items is null
        && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && schema.Enum.Count == 0
        && schema.AdditionalProperties is null;

    public static bool IsNullable(OpenApiSchema schema)
    {
        if (schema.Nullable) return true;
        return schema.Extensions.TryGetValue("x-nullable", out var ext) && ext is OpenApiBoolean { Value: true };
    }

    private static bool IsSecret(string jsonName, OpenApiSchema schema)
    {
        if (schema.Format == "password") return true;
        var n = jsonName.ToLowerInvariant();
        return n.Contains("apikey") || n.Contains("api_key") || n.Contains("password") || n.Contains("token") || n.Contains("secret");
    }

    private static TypeKind StringKind(string? format) => format switch
    {
        "date-time" => TypeKind.DateTimeOffset,
        "date" => TypeKind.DateOnly,
        "uuid" => TypeKind.Guid,
        "byte" => TypeKind.Base64Bytes,
        "binary" => TypeKind.Binary,
        _ => TypeKind.String,
    };

    private static TypeKind ToTypeKind(TypeModelKind kind) => kind switch
    {
        TypeModelKind.StringEnum => TypeKind.StringEnum,
        TypeModelKind.IntegerEnum => TypeKind.IntegerEnum,
        TypeModelKind.Union => TypeKind.Union,
        _ => TypeKind.Object,
    };
}
