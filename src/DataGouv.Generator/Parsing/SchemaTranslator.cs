using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;
using Microsoft.OpenApi;

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
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliasesInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliasCache = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly bool _swagger2;
    private int _depth;
    private bool _overBudget;

    /// <summary>How deep schemas may nest (inline types, allOf parts, aliases) before the rest is typed JsonElement (DG0018).</summary>
    public const int MaxDepth = 64;

    /// <summary>The type budget (DG0019): Stripe, the largest real spec in the corpus, makes 3,898 types.</summary>
    public const int MaxTypes = 20000;

    public SchemaTranslator(ParseContext context, NameScope typeNames, bool swagger2)
    {
        _context = context;
        _typeNames = typeNames;
        _swagger2 = swagger2;
    }

    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>True when the spec would need more than <see cref="MaxTypes"/> types.</summary>
    public bool OverBudget => _overBudget;

    private string ComponentsKey => _swagger2 ? "definitions" : "schemas";

    /// <summary>Names every component that becomes a type, then translates them, in document order.</summary>
    public void AddComponents(IDictionary<string, IOpenApiSchema>? schemas)
    {
        if (schemas is null) return;
        foreach (var pair in schemas)
        {
            // A component whose value is empty or a $ref to a non-schema reads as null: an untyped alias.
            _components[pair.Key] = pair.Value ?? new OpenApiSchema();
        }
        foreach (var pair in schemas)
        {
            TypeModelKind? kind;
            try
            {
                kind = NamedKind(_components[pair.Key], isComponent: true);
            }
            catch (Exception ex) when ((ex is InvalidOperationException && IsCircular((InvalidOperationException)ex)) || SchemaFacts.ReaderGetterFailed(ex))
            {
                // An alias in a cycle, or a schema the reader cannot read: every use of it reports when it is resolved.
                kind = null;
            }
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
        // allOf subtypes of a discriminated base derive from it (Parsing/Discriminators.cs).
        if (!_overBudget) Discriminators.Link(_types, _components, _named, _context, ComponentsKey);
    }

    /// <summary>The type of a value described by <paramref name="schema"/>; inline types are named <paramref name="contextName"/>.</summary>
    public TypeRef Resolve(IOpenApiSchema? schema, string contextName, string[] location)
    {
        if (schema is null) return TypeRef.Any;
        // Every path through a schema goes through here: one explicit bound on nesting, whatever the spec.
        if (_depth >= MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.NestingTooDeep, _context.Locator.Find(location), string.Join("/", location), MaxDepth.ToString(CultureInfo.InvariantCulture));
            return TypeRef.Any.WithNullable(true);
        }
        _depth++;
        try
        {
            return ResolveCore(schema, contextName, location);
        }
        catch (Exception ex) when (SchemaFacts.ReaderGetterFailed(ex))
        {
            // The reader's getters throw on some invalid schemas ("type: false"): that schema is any JSON value.
            _context.Report(DiagnosticDescriptors.SpecWarning, _context.Locator.Find(location), "the OpenAPI reader cannot read the schema at '" + string.Join("/", location) + "'", "it is typed JsonElement");
            return TypeRef.Any.WithNullable(true);
        }
        catch (InvalidOperationException ex) when (IsCircular(ex))
        {
            // The reader resolves an alias chain that comes back to itself (A: $ref B, B: $ref A) by throwing.
            _context.Report(DiagnosticDescriptors.CyclicReference, _context.Locator.Find(location), SchemaFacts.ReferenceId(schema) ?? string.Join("/", location), SpecReader.OneLine(ex.Message));
            return TypeRef.Any.WithNullable(true);
        }
        finally
        {
            _depth--;
        }
    }

    private TypeRef ResolveCore(IOpenApiSchema schema, string contextName, string[] location)
    {
        var nullable = SchemaFacts.IsNullable(schema);

        if (SchemaFacts.IsUnresolved(schema))
        {
            var target = SchemaFacts.ReferenceText(schema);
            if (SchemaFacts.ReferenceId(schema) is { } loop && _components.ContainsKey(loop))
            {
                // The target exists, yet the reader could not resolve it: an alias chain that comes back to itself.
                _context.Report(DiagnosticDescriptors.CyclicReference, _context.Locator.Find(location), loop, target);
                return TypeRef.Any.WithNullable(true);
            }
            _context.Report(DiagnosticDescriptors.UnresolvedReference, _context.Locator.Find(location), target);
            return TypeRef.Any.WithNullable(true);
        }

        if (SchemaFacts.ReferenceId(schema) is { } id && _components.ContainsKey(id))
        {
            if (_named.TryGetValue(id, out var named))
            {
                return new TypeRef(ToTypeKind(named.Kind), named.Name, Nullable: nullable);
            }
            var alias = ResolveAlias(id, location);
            return alias.WithNullable(alias.Nullable || nullable);
        }

        var allOf = SchemaFacts.AllOf(schema);
        if (allOf.Count == 1 && SchemaFacts.Props(schema).Count == 0 && SchemaFacts.OneOf(schema).Count == 0 && SchemaFacts.AnyOf(schema).Count == 0)
        {
            // flask-restx and OAS 3.0 style "allOf: [$ref]" + description/nullable: a decorated reference, not a new type.
            var inner = Resolve(allOf[0], contextName, location);
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
            var name = _typeNames.Claim(Identifier.Bounded(contextName));
            Build(name, contextName, schema, inlineKind, location);
            return new TypeRef(ToTypeKind(inlineKind), name, Nullable: nullable);
        }

        if (SchemaFacts.HasKeyword(schema, "prefixItems"))
        {
            _context.Report(DiagnosticDescriptors.NotGenerated, _context.Locator.Find(location), "the tuple (prefixItems) at '" + string.Join("/", location) + "'", "is",
                "a positional array is kept as a JsonElement, losslessly");
            return TypeRef.Any.WithNullable(nullable);
        }

        var type = SchemaFacts.Type(schema);
        switch (type)
        {
            case "array":
                var item = Resolve(schema.Items, contextName + "Item", location);
                // A list of string enums keeps its items' nullability here: the C# type drops it (CSharp.ListItem).
                return new TypeRef(TypeKind.Array, Element: item, Nullable: nullable);
            case "object":
                if (schema.AdditionalProperties is { } values && !IsEmpty(values))
                {
                    return new TypeRef(TypeKind.Map, Element: Resolve(values, contextName + "Value", location), Nullable: nullable);
                }
                return TypeRef.Any.WithNullable(nullable);
            case "string":
                return new TypeRef(StringKind(schema), Nullable: nullable);
            case "integer":
                return new TypeRef(schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64, Nullable: nullable);
            case "number":
                return new TypeRef(schema.Format switch { "float" => TypeKind.Single, "decimal" => TypeKind.Decimal, _ => TypeKind.Double }, Nullable: nullable);
            case "boolean":
                return new TypeRef(TypeKind.Boolean, Nullable: nullable);
            default:
                // No type, or several ("type: [string, integer]"): any JSON value, kept losslessly.
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
        // The component's own body: a reference component resolves through its target, guarded by the set above.
        var result = Resolve(_components[id], Identifier.ToPascalCase(id, "Model"), new[] { ComponentsKey, id });
        _aliasesInProgress.Remove(id);
        _aliasCache[id] = result;
        return result;
    }

    /// <summary>Which kind of generated type a schema needs, or null when it is inlined (primitive, array, map, alias).</summary>
    private TypeModelKind? NamedKind(IOpenApiSchema? schema, bool isComponent)
    {
        if (schema is null || SchemaFacts.IsUnresolved(schema)) return null;
        // A component that is a $ref is an alias; an inline $ref is the referenced type.
        if (SchemaFacts.IsReference(schema)) return null;
        var values = SchemaFacts.Enum(schema);
        if (values.Count > 0)
        {
            var type = SchemaFacts.Type(schema);
            var nonNull = values.Where(v => !SchemaFacts.IsNull(v)).ToList();
            if (nonNull.Count == 0) return null;
            if ((type == "string" || type is null) && nonNull.All(v => SchemaFacts.EnumString(v) is not null)) return TypeModelKind.StringEnum;
            if ((type == "integer" || (type is null && ConstAlternatives.Of(schema) is not null)) && nonNull.All(v => SchemaFacts.EnumInteger(v) is not null)) return TypeModelKind.IntegerEnum;
            return null;
        }
        var properties = SchemaFacts.Props(schema);
        var allOf = SchemaFacts.AllOf(schema);
        if (SchemaFacts.OneOf(schema).Count > 0 || SchemaFacts.AnyOf(schema).Count > 0)
        {
            if (properties.Count > 0 || allOf.Count > 0)
            {
                // Properties next to oneOf: keep the properties, the alternatives are reported as unsupported.
                return TypeModelKind.Object;
            }
            return TypeModelKind.Union;
        }
        if (properties.Count == 0 && allOf.Count == 0 && SchemaFacts.Type(schema) == "mixed")
        {
            // "type: [string, number]" (3.1), or "anyOf: [{type: string}, {type: number}]", which the reader folds into it.
            return TypeModelKind.Union;
        }
        if (allOf.Count == 1 && properties.Count == 0 && allOf[0] is not null && SchemaFacts.IsReference(allOf[0])) return null;
        if (allOf.Count > 0 || properties.Count > 0) return TypeModelKind.Object;
        if (isComponent && SchemaFacts.Type(schema) == "object" && (schema.AdditionalProperties is null || IsEmpty(schema.AdditionalProperties)))
        {
            // A named object without declared properties still gets a class: it keeps whatever arrives, losslessly.
            return TypeModelKind.Object;
        }
        return null;
    }

    private void Build(string name, string schemaName, IOpenApiSchema schema, TypeModelKind kind, string[] location)
    {
        if (_types.Count >= MaxTypes)
        {
            // Past the budget the spec is refused as a whole (SpecParser reports DG0019); stop creating work.
            _overBudget = true;
            return;
        }
        var slot = _types.Count;
        try
        {
            BuildCore(name, schemaName, schema, kind, location);
        }
        catch (Exception ex) when ((ex is InvalidOperationException && IsCircular((InvalidOperationException)ex)) || SchemaFacts.ReaderGetterFailed(ex))
        {
            if (SchemaFacts.ReaderGetterFailed(ex)) _context.Report(DiagnosticDescriptors.SpecWarning, _context.Locator.Find(location), "the OpenAPI reader cannot read the schema '" + schemaName + "'", "it is generated without properties");
            else _context.Report(DiagnosticDescriptors.CyclicReference, _context.Locator.Find(location), schemaName, SpecReader.OneLine(ex.Message));
            // The name is handed out already: keep a type under it, with no properties (it still keeps unknown ones).
            var empty = new TypeModel(TypeModelKind.Object, name, schemaName, null, false, EquatableArray<PropertyModel>.Empty, null,
                EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionVariantModel>.Empty, null);
            if (slot < _types.Count && _types[slot] is null) _types[slot] = empty;
            else if (!_types.Any(t => t is not null && t.Name == name)) _types.Add(empty);
        }
    }

    /// <summary>The reader throws InvalidOperationException("Circular reference ...") from its getters on an alias loop.</summary>
    internal static bool IsCircular(InvalidOperationException ex) => ex.Message.IndexOf("ircular", StringComparison.Ordinal) >= 0;

    private void BuildCore(string name, string schemaName, IOpenApiSchema schema, TypeModelKind kind, string[] location)
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

    private TypeModel BuildObject(string name, string schemaName, IOpenApiSchema schema, string? summary, string[] location)
    {
        var collected = new List<(string JsonName, IOpenApiSchema Schema)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;
        var additionalAllowed = true;
        Collect(schema, collected, required, ref additional, ref additionalAllowed, new HashSet<IOpenApiSchema>(), 0, location);

        if ((SchemaFacts.OneOf(schema).Count > 0 || SchemaFacts.AnyOf(schema).Count > 0) && !Discriminators.ListsSubtypes(schema, schemaName))
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
            var propertySummary = propertySchema.Description ?? propertySchema.Title;
            if (propertySchema.Deprecated && isRequired && !propertySchema.ReadOnly)
            {
                // A required member cannot carry [Obsolete] without a warning in the user's build (CS9042): say it in the doc.
                propertySummary = propertySummary is null ? "Deprecated." : propertySummary.TrimEnd() + " (Deprecated.)";
            }
            properties.Add(new PropertyModel(
                jsonName,
                propertyName,
                type,
                isRequired,
                propertySchema.ReadOnly,
                IsSecret(jsonName, propertySchema),
                propertySchema.Deprecated,
                propertySummary));
        }

        TypeRef? additionalType = null;
        if (additional is not null && !IsEmpty(additional))
        {
            additionalType = Resolve(additional, name + "Value", location.Concat(new[] { "additionalProperties" }).ToArray());
        }

        return new TypeModel(TypeModelKind.Object, name, schemaName, summary, schema.Deprecated, properties.ToEquatableArray(), additionalType,
            EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionVariantModel>.Empty, null);
    }

    /// <summary>
    /// Flattens allOf: the parts' properties first (in order), then the schema's own; a later definition of a name
    /// wins. Bounded twice: a part already on the path is skipped (a cycle through $ref), and so is anything deeper than MaxDepth.
    /// </summary>
    private void Collect(IOpenApiSchema schema, List<(string, IOpenApiSchema)> into, HashSet<string> required, ref IOpenApiSchema? additional, ref bool additionalAllowed, HashSet<IOpenApiSchema> visiting, int depth, string[] location)
    {
        if (depth >= MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.NestingTooDeep, _context.Locator.Find(location), string.Join("/", location), MaxDepth.ToString(CultureInfo.InvariantCulture));
            return;
        }
        var body = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (body is null || !visiting.Add(body)) return;
        foreach (var part in SchemaFacts.AllOf(schema))
        {
            if (part is null) continue;
            if (SchemaFacts.IsUnresolved(part))
            {
                _context.Report(DiagnosticDescriptors.UnresolvedReference, _context.Locator.Find(location), SchemaFacts.ReferenceText(part));
                continue;
            }
            Collect(part, into, required, ref additional, ref additionalAllowed, visiting, depth + 1, location);
        }
        foreach (var property in SchemaFacts.Props(schema))
        {
            // "name:" with nothing after it (YAML null) is a property of any type, like "name: {}".
            var value = property.Value ?? new OpenApiSchema();
            var existing = into.FindIndex(p => p.Item1 == property.Key);
            if (existing >= 0) into[existing] = (property.Key, value);
            else into.Add((property.Key, value));
        }
        foreach (var name in SchemaFacts.Required(schema)) required.Add(name);
        if (schema.AdditionalProperties is not null) additional = schema.AdditionalProperties;
        if (!schema.AdditionalPropertiesAllowed) additionalAllowed = false;
        visiting.Remove(body);
    }

    private EquatableArray<EnumMemberModel> EnumMembers(string enumName, IOpenApiSchema schema, TypeModelKind kind, string[] location)
    {
        // A member cannot be named like its enum (CS0542), nor like the reserved member for unknown values.
        var scope = new NameScope(new[] { enumName, "__Unrecognized" });
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Names the spec gives the members: x-enum-varnames, or the titles of a oneOf of constants ("" where none).
        var consts = schema.Enum is { Count: > 0 } ? null : ConstAlternatives.Of(schema);
        var varNames = consts?.Titles ?? SchemaFacts.StringArrayExtension(schema, "x-enum-varnames");
        var i = 0;
        foreach (var value in SchemaFacts.Enum(schema))
        {
            var wire = kind == TypeModelKind.IntegerEnum ? SchemaFacts.EnumInteger(value) : SchemaFacts.EnumString(value);
            var index = i++;
            if (wire is null || !seen.Add(wire)) continue;
            string candidate;
            if (varNames is not null && index < varNames.Count && varNames[index].Length > 0)
            {
                // x-enum-varnames are the spec author's own names; titles of a oneOf of constants are often GUILD_TEXT.
                candidate = consts is not null ? Identifier.TitleToPascalCase(varNames[index], "Value") : Identifier.ToPascalCase(varNames[index], "Value");
            }
            else if (kind == TypeModelKind.IntegerEnum) candidate = "Value" + wire.Replace("-", "Minus");
            else candidate = Identifier.ToPascalCase(wire, "Empty");
            var name = scope.Claim(candidate, out var collided);
            if (collided)
            {
                _context.Report(DiagnosticDescriptors.NameCollision, _context.Locator.Find(location.Concat(new[] { "enum" }).ToArray()), wire, candidate, "the enum", name);
            }
            members.Add(new EnumMemberModel(name, wire, consts?.Descriptions[index]));
        }
        return members.ToEquatableArray();
    }

    private TypeModel BuildUnion(string name, string schemaName, IOpenApiSchema schema, string? summary, string[] location)
    {
        var scope = new NameScope(GeneratedNames.ModelMembers.Concat(GeneratedNames.UnionMembers).Concat(Discriminators.ReservedVariantNames).Concat(new[] { name }));
        var variants = new List<UnionVariantModel>();
        var mapping = schema.Discriminator?.Mapping;
        var i = 0;
        var variantSchemas = Variants(schema);
        foreach (var variant in variantSchemas)
        {
            i++;
            var type = Resolve(variant, name + "Variant" + i.ToString(CultureInfo.InvariantCulture), location);
            var variantName = scope.Claim(type.Moniker);
            var values = new List<string>();
            if (SchemaFacts.ReferenceId(variant) is { } id)
            {
                foreach (var m in mapping ?? new Dictionary<string, OpenApiSchemaReference>())
                {
                    var target = m.Value?.Reference?.Id;
                    if (target == id) values.Add(m.Key);
                }
                if (values.Count == 0) values.Add(id);
            }
            variants.Add(new UnionVariantModel(variantName, type, values.ToEquatableArray()) { Shape = UnionShapes.Of(variant) });
        }
        return Discriminators.Union(new TypeModel(TypeModelKind.Union, name, schemaName, summary, schema.Deprecated, EquatableArray<PropertyModel>.Empty, null,
            EquatableArray<EnumMemberModel>.Empty, variants.ToEquatableArray(), schema.Discriminator?.PropertyName), variantSchemas, _components);
    }

    private static List<IOpenApiSchema> Variants(IOpenApiSchema schema)
    {
        var listed = SchemaFacts.OneOf(schema).Concat(SchemaFacts.AnyOf(schema)).Where(v => v is not null && !(SchemaFacts.TypeFlags(v) == JsonSchemaType.Null)).ToList();
        if (listed.Count > 0 || SchemaFacts.TypeFlags(schema) is not { } types) return listed;
        // A type array: one variant per JSON type, in a fixed order (the flags carry no order).
        var variants = new List<IOpenApiSchema>();
        foreach (var single in new[] { JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean, JsonSchemaType.Array, JsonSchemaType.Object })
        {
            if ((types & single) == 0) continue;
            if (single == JsonSchemaType.Integer && (types & JsonSchemaType.Number) != 0) continue;
            variants.Add(new OpenApiSchema { Type = single, Format = single == JsonSchemaType.String || single == JsonSchemaType.Integer || single == JsonSchemaType.Number ? schema.Format : null, Items = single == JsonSchemaType.Array ? schema.Items : null });
        }
        return variants;
    }

    private static bool IsEmpty(IOpenApiSchema schema) =>
        !SchemaFacts.IsReference(schema) && SchemaFacts.TypeFlags(schema) is null && SchemaFacts.Props(schema).Count == 0 && schema.Items is null
        && SchemaFacts.AllOf(schema).Count == 0 && SchemaFacts.OneOf(schema).Count == 0 && SchemaFacts.AnyOf(schema).Count == 0
        && SchemaFacts.Enum(schema).Count == 0 && schema.AdditionalProperties is null && schema.Const is null;

    private static bool IsSecret(string jsonName, IOpenApiSchema schema)
    {
        if (schema.Format == "password") return true;
        var n = jsonName.ToLowerInvariant();
        return n.Contains("apikey") || n.Contains("api_key") || n.Contains("password") || n.Contains("token") || n.Contains("secret");
    }

    /// <summary>The C# type of a string: its format (2.0, 3.0) or, in 3.1, <c>contentEncoding</c> and <c>contentMediaType</c>.</summary>
    private static TypeKind StringKind(IOpenApiSchema schema)
    {
        switch (schema.Format)
        {
            case "date-time": return TypeKind.DateTimeOffset;
            case "date": return TypeKind.DateOnly;
            case "uuid": return TypeKind.Guid;
            case "byte": return TypeKind.Base64Bytes;
            case "binary": return TypeKind.Binary;
        }
        if (string.Equals(SchemaFacts.ContentEncoding(schema), "base64", StringComparison.OrdinalIgnoreCase)) return TypeKind.Base64Bytes;
        // 3.1: a string with a non-text media type and no encoding is raw bytes ("format: binary" in 3.0).
        var media = SchemaFacts.ContentMediaType(schema);
        if (media is not null && SchemaFacts.ContentEncoding(schema) is null && !media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            && media.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0 && media.IndexOf("xml", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return TypeKind.Binary;
        }
        return TypeKind.String;
    }

    private static TypeKind ToTypeKind(TypeModelKind kind) => kind switch
    {
        TypeModelKind.StringEnum => TypeKind.StringEnum,
        TypeModelKind.IntegerEnum => TypeKind.IntegerEnum,
        TypeModelKind.Union => TypeKind.Union,
        _ => TypeKind.Object,
    };
}
