using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;
using System.Net.Http;
using Microsoft.OpenApi;
using ParameterLocation = DataGouv.Generator.Model.ParameterLocation;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Turns each path + method into an <see cref="OperationModel"/>: the method name, its parameters in the order the
/// client exposes them, the request body, the success response and the typed error responses.
/// </summary>
internal sealed class OperationTranslator
{
    private readonly ParseContext _context;
    private readonly SchemaTranslator _schemas;
    private readonly NameScope _methodNames;
    private readonly SharedComponents _shared;
    private readonly OperationSelection _selection;

    public OperationTranslator(ParseContext context, SchemaTranslator schemas, IEnumerable<string> reservedMemberNames, SharedComponents shared, OperationSelection selection)
    {
        _selection = selection;
        _context = context;
        _schemas = schemas;
        _methodNames = new NameScope(reservedMemberNames);
        _shared = shared;
    }

    public List<OperationModel> Translate(OpenApiDocument document)
    {
        var result = new List<OperationModel>();
        var operationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            if (path.Value?.Operations is not { } operations) continue;
            foreach (var pair in operations)
            {
                if (pair.Value is null) continue;
                // Left out by the operation filter: not translated at all, so it claims no name and makes no type.
                if (!_selection.Keeps(pair.Value, path.Key)) continue;
                var method = pair.Key.Method.ToUpperInvariant();
                var location = new[] { "paths", path.Key, pair.Key.Method.ToLowerInvariant() };
                var operation = pair.Value;
                string baseName;
                var operationId = operation.OperationId;
                if (string.IsNullOrWhiteSpace(operationId))
                {
                    baseName = Identifier.ToPascalCase(pair.Key.Method.ToLowerInvariant() + " " + PathWords(path.Key), "Operation");
                    operationId = baseName;
                    var name = ClaimMethod(baseName, out _);
                    _context.Report(DiagnosticDescriptors.MissingOperationId, _context.Locator.Find(location), method + " " + path.Key, name);
                    result.Add(Build(operation, path.Value, method, path.Key, operationId, name, location, document));
                    continue;
                }
                baseName = Identifier.ToPascalCase(operationId, "Operation");
                var methodName = ClaimMethod(baseName, out var collided);
                if (operationIds.TryGetValue(operationId!, out var first))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateOperationId, _context.Locator.Find(location), operationId!, first + " and " + method + " " + path.Key, methodName);
                }
                else
                {
                    operationIds[operationId!] = method + " " + path.Key;
                    if (collided)
                    {
                        _context.Report(DiagnosticDescriptors.NameCollision, _context.Locator.Find(location), operationId!, baseName + "Async", "the client", methodName);
                    }
                }
                result.Add(Build(operation, path.Value, method, path.Key, operationId!, methodName, location, document));
            }
        }
        return result;
    }

    /// <summary>
    /// <c>{Base}Async</c>, or <c>{Base}2Async</c>, <c>{Base}3Async</c>... when taken: the suffix that tells two operations
    /// apart goes before <c>Async</c>, where a reader of the client looks for it.
    /// </summary>
    private string ClaimMethod(string baseName, out bool collided)
    {
        collided = false;
        var candidate = baseName;
        for (var i = 2; _methodNames.IsTaken(candidate + "Async") || _methodNames.IsTaken(candidate); i++)
        {
            collided = true;
            candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
        }
        return _methodNames.Claim(candidate + "Async");
    }

    private OperationModel Build(OpenApiOperation operation, IOpenApiPathItem pathItem, string method, string path, string operationId, string methodName, string[] location, OpenApiDocument document)
    {
        var typeBase = methodName.Substring(0, methodName.Length - "Async".Length);
        // The method's own parameters. Its locals all start with "__", which no name from the spec can (Identifier
        // drops leading underscores), and its lambdas' parameters may shadow: neither is reserved here.
        var locals = new NameScope(new[] { "cancellationToken", "body" });
        var parameters = new List<ParameterModel>();

        // Operation parameters override path-level ones with the same name and location.
        var merged = new List<IOpenApiParameter>();
        foreach (var p in (pathItem.Parameters ?? new List<IOpenApiParameter>()).Concat(operation.Parameters ?? new List<IOpenApiParameter>()))
        {
            // A parameter without a name or a location (or a null entry) cannot be sent; the reader reports it (DG0011).
            if (p is null) continue;
            if (p.In is null || string.IsNullOrEmpty(p.Name))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, _context.Locator.Find(location.Concat(new[] { "parameters" }).ToArray()),
                    "a parameter without 'name' or 'in'", "it is left out");
                continue;
            }
            var existing = merged.FindIndex(m => m.Name == p.Name && m.In == p.In);
            if (existing >= 0) merged[existing] = p; else merged.Add(p);
        }
        foreach (var p in merged)
        {
            var where = p.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => ParameterLocation.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocation.Cookie,
                _ => ParameterLocation.Query,
            };
            var wireName = p.Name!;
            if (where == ParameterLocation.Header && string.Equals(wireName, "Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
            // A parameter from components is typed once, its inline types named after the component.
            var type = SharedComponents.ComponentId(p) is { } parameterId
                ? _shared.Type("parameters/" + parameterId, () => _schemas.Resolve(p.Schema, _shared.TypeBase("parameters", parameterId, "Parameter"), _shared.Location("parameters", parameterId)))
                : _schemas.Resolve(p.Schema, typeBase + Identifier.ToPascalCase(p.Name, "Parameter"), location.Concat(new[] { "parameters" }).ToArray());
            if (type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Union or TypeKind.Binary)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, _context.Locator.Find(location.Concat(new[] { wireName }).ToArray()), $"the {type.Kind} parameter '{wireName}'", "it is sent as its JSON text");
            }
            var required = p.Required || where == ParameterLocation.Path;
            // A path segment cannot be null, whatever the schema says: the argument is non-nullable.
            if (where == ParameterLocation.Path) type = type.WithNullable(false);
            parameters.Add(new ParameterModel(wireName, locals.Claim(Identifier.ToCamelCase(wireName, "parameter")), where, type, required, p.Explode, p.Description));
        }

        var body = Body(operation.RequestBody, typeBase, locals, location);
        var (success, errors) = Responses(operation.Responses, typeBase, location);

        // The order the client exposes: path parameters (in path order), then required ones, then optional ones.
        var ordered = parameters.Where(p => p.Location == ParameterLocation.Path).OrderBy(p => PathIndex(path, p.WireName))
            .Concat(parameters.Where(p => p.Location != ParameterLocation.Path && p.Required))
            .Concat(parameters.Where(p => p.Location != ParameterLocation.Path && !p.Required))
            .ToEquatableArray();

        var requirements = operation.Security is { Count: > 0 } own ? own : document.Security ?? new List<OpenApiSecurityRequirement>();
        var security = requirements.Where(r => r is not null)
            .SelectMany(r => r.Keys).Select(s => s?.Reference?.Id ?? "").Where(s => s.Length > 0).Distinct().ToEquatableArray();

        return new OperationModel(operationId, methodName, method, path, operation.Summary, operation.Description, operation.Deprecated,
            ordered, body, success, errors.ToEquatableArray(), security);
    }

    private RequestBodyModel? Body(IOpenApiRequestBody? body, string typeBase, NameScope locals, string[] location)
    {
        if (body is OpenApiRequestBodyReference { UnresolvedReference: true } unresolved)
        {
            _context.Report(DiagnosticDescriptors.UnresolvedReference, _context.Locator.Find(location.Concat(new[] { "requestBody" }).ToArray()), unresolved.Reference?.ReferenceV3 ?? "requestBody");
            return null;
        }
        if (body?.Content is not { Count: > 0 } bodyContent) return null;
        var bodyLocation = location.Concat(new[] { "requestBody" }).ToArray();
        // A request body from components: its types are translated once, named after it, and shared.
        var componentId = SharedComponents.ComponentId(body);
        if (componentId is not null)
        {
            typeBase = _shared.TypeBase("requestBodies", componentId, "Request");
            bodyLocation = _shared.Location("requestBodies", componentId);
        }
        TypeRef Resolve(IOpenApiSchema? schema, string suffix, string key) => componentId is null
            ? _schemas.Resolve(schema, typeBase + suffix, bodyLocation)
            : _shared.Type("requestBodies/" + componentId + key, () => _schemas.Resolve(schema, typeBase + suffix, bodyLocation));
        var (contentType, media) = PickContent(bodyContent);
        var kind = BodyKindOf(contentType);
        if (kind is BodyKind.Multipart or BodyKind.FormUrlEncoded)
        {
            var schema = media?.Schema;
            var fields = new List<FormFieldModel>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            var all = new List<(string, IOpenApiSchema)>();
            try
            {
                if (schema is not null)
                {
                    required.UnionWith(SchemaFacts.Required(schema));
                    CollectFormProperties(schema, all, required, new HashSet<IOpenApiSchema>(), 0);
                }
            }
            catch (InvalidOperationException ex) when (SchemaTranslator.IsCircular(ex))
            {
                // A form schema that is an alias of itself (FormPart: $ref FormPart): the reader's getters throw. The
                // form is generated without fields, and DG0014 says which alias loops.
                _context.Report(DiagnosticDescriptors.CyclicReference, _context.Locator.Find(bodyLocation), SchemaFacts.ReferenceId(schema!) ?? string.Join("/", bodyLocation), SpecReader.OneLine(ex.Message));
                all.Clear();
            }
            foreach (var (name, fieldSchema) in all)
            {
                var type = Resolve(fieldSchema, Identifier.ToPascalCase(name, "Field"), "/fields/" + name);
                fields.Add(new FormFieldModel(name, locals.Claim(Identifier.ToCamelCase(name, "field")), type, required.Contains(name), DescriptionOf(fieldSchema)));
                if (type.Kind == TypeKind.Binary) locals.Claim(fields[fields.Count - 1].Name == "file" ? "fileName" : fields[fields.Count - 1].Name.TrimStart('@') + "FileName");
            }
            return new RequestBodyModel(kind, contentType, null, body.Required, fields.ToEquatableArray(), body.Description);
        }
        var bodyType = kind switch
        {
            BodyKind.Binary => new TypeRef(TypeKind.Binary),
            BodyKind.Text => TypeRef.String,
            _ => Resolve(media?.Schema, componentId is null ? "Request" : "", ""),
        };
        // A required body is an argument that is always there: a nullable value type (JsonElement? from an unresolved
        // $ref, or "nullable: true" on a number) becomes the plain type; a JsonElement still carries a JSON null itself.
        if (body.Required && bodyType.Nullable && bodyType.IsValueType) bodyType = bodyType.WithNullable(false);
        return new RequestBodyModel(kind, contentType, bodyType, body.Required, EquatableArray<FormFieldModel>.Empty, body.Description);
    }

    /// <summary>A field's description; null for an alias loop, whose getters throw (Resolve has reported it as DG0014).</summary>
    private static string? DescriptionOf(IOpenApiSchema schema)
    {
        try { return schema.Description; }
        catch (InvalidOperationException ex) when (SchemaTranslator.IsCircular(ex)) { return null; }
    }

    private static void CollectFormProperties(IOpenApiSchema schema, List<(string, IOpenApiSchema)> into, HashSet<string> required, HashSet<IOpenApiSchema> visiting, int depth)
    {
        // Bounded by the visited set (a $ref cycle through allOf) and by depth.
        var body = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (body is null || depth >= SchemaTranslator.MaxDepth || !visiting.Add(body)) return;
        foreach (var part in SchemaFacts.AllOf(schema))
        {
            if (part is not null) CollectFormProperties(part, into, required, visiting, depth + 1);
        }
        foreach (var p in SchemaFacts.Props(schema))
        {
            if (into.All(e => e.Item1 != p.Key)) into.Add((p.Key, p.Value ?? new OpenApiSchema()));
        }
        foreach (var name in SchemaFacts.Required(schema)) required.Add(name);
    }

    private (ResponseModel Success, List<ResponseModel> Errors) Responses(OpenApiResponses? responses, string typeBase, string[] location)
    {
        responses ??= new OpenApiResponses();
        ResponseModel? success = null;
        var errors = new List<ResponseModel>();
        foreach (var pair in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var code = pair.Key;
            var responseLocation = location.Concat(new[] { "responses", code }).ToArray();
            if (!IsStatusCode(code))
            {
                // The code ends up in generated C# ("status == 404"): anything but 100-599, 1XX-5XX or default is left out.
                _context.Report(DiagnosticDescriptors.SpecWarning, _context.Locator.Find(responseLocation),
                    $"the response key '{SpecReader.OneLine(code)}' is not an HTTP status code, a range such as 4XX, or 'default'", "no code is generated for that response");
                continue;
            }
            var isSuccess = code.StartsWith("2", StringComparison.Ordinal);
            var model = Response(code, pair.Value, typeBase + (isSuccess ? "Response" : Identifier.ToPascalCase(code, "Default") + "Error"), responseLocation);
            if (isSuccess)
            {
                // The first 2xx with a body wins (200 before 201); a 2xx without a body only when none has one.
                if (success is null || (success.Kind == ResponseKind.None && model.Kind != ResponseKind.None)) success = model;
            }
            else if (model.Kind == ResponseKind.Json && model.Type is not null)
            {
                errors.Add(model);
            }
        }
        if (success is null)
        {
            // No 2xx documented: use "default" when it has a body.
            var fallback = responses.TryGetValue("default", out var d) && d is not OpenApiResponseReference { UnresolvedReference: true } ? Response("default", d, typeBase + "Response", location) : null;
            success = fallback is { Kind: not ResponseKind.None } ? fallback : new ResponseModel("200", ResponseKind.None, null, null);
            errors.RemoveAll(e => e.StatusCode == "default" && fallback is { Kind: not ResponseKind.None });
        }
        return (success, errors);
    }

    private ResponseModel Response(string code, IOpenApiResponse? response, string typeName, string[] location)
    {
        // A response from components is one type named after it, whichever operations and status codes use it.
        if (SharedComponents.ComponentId(response) is { } id)
        {
            return _shared.Response(id, code, response!.Description,
                () => ResponseCore(code, response, _shared.TypeBase("responses", id, "Response"), _shared.Location("responses", id)));
        }
        return ResponseCore(code, response, typeName, location);
    }

    private ResponseModel ResponseCore(string code, IOpenApiResponse? response, string typeName, string[] location)
    {
        // A null response ("200:" with nothing, or a $ref to nothing) has no body.
        if (response is OpenApiResponseReference { UnresolvedReference: true } unresolved)
        {
            _context.Report(DiagnosticDescriptors.UnresolvedReference, _context.Locator.Find(location), unresolved.Reference?.ReferenceV3 ?? code);
            return new ResponseModel(code, ResponseKind.None, null, null);
        }
        if (response is null) return new ResponseModel(code, ResponseKind.None, null, null);
        if (response.Content is not { Count: > 0 } content) return new ResponseModel(code, ResponseKind.None, null, response.Description);
        var (contentType, media) = PickContent(content);
        var kind = BodyKindOf(contentType);
        return kind switch
        {
            BodyKind.Json => media?.Schema is null
                ? new ResponseModel(code, ResponseKind.Json, TypeRef.Any, response.Description)
                : new ResponseModel(code, ResponseKind.Json, _schemas.Resolve(media.Schema, typeName, location), response.Description),
            BodyKind.Text => new ResponseModel(code, ResponseKind.Text, TypeRef.String, response.Description),
            _ => new ResponseModel(code, ResponseKind.Binary, new TypeRef(TypeKind.Binary), response.Description),
        };
    }

    /// <summary>The media type to use; its value is null for "application/json:" with nothing after it.</summary>
    private static (string, IOpenApiMediaType?) PickContent(IDictionary<string, IOpenApiMediaType> content)
    {
        foreach (var preferred in new Func<string, bool>[]
                 {
                     c => c.Equals("application/json", StringComparison.OrdinalIgnoreCase),
                     c => c.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || c.StartsWith("application/json", StringComparison.OrdinalIgnoreCase),
                     c => c.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase),
                     c => c.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase),
                     c => c.Equals("*/*", StringComparison.Ordinal) || c.StartsWith("text/json", StringComparison.OrdinalIgnoreCase),
                 })
        {
            foreach (var pair in content)
            {
                if (preferred(pair.Key)) return (pair.Key, pair.Value);
            }
        }
        var first = content.First();
        return (first.Key, first.Value);
    }

    private static BodyKind BodyKindOf(string contentType)
    {
        var c = contentType.ToLowerInvariant();
        if (c.Contains("json") || c == "*/*") return BodyKind.Json;
        if (c.StartsWith("multipart/", StringComparison.Ordinal)) return BodyKind.Multipart;
        if (c.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)) return BodyKind.FormUrlEncoded;
        if (c.StartsWith("text/", StringComparison.Ordinal)) return BodyKind.Text;
        return BodyKind.Binary;
    }

    private static bool IsStatusCode(string code) =>
        code == "default"
        || (code.Length == 3 && code[0] >= '1' && code[0] <= '5'
            && ((code[1] >= '0' && code[1] <= '9' && code[2] >= '0' && code[2] <= '9') || (code[1] is 'X' or 'x' && code[2] is 'X' or 'x')));

    private static int PathIndex(string path, string name)
    {
        var i = path.IndexOf("{" + name + "}", StringComparison.Ordinal);
        return i < 0 ? int.MaxValue : i;
    }

    private static string PathWords(string path)
    {
        var words = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) continue;
            if (segment.StartsWith("{", StringComparison.Ordinal)) words.Add("by " + segment.Trim('{', '}'));
            else words.Add(segment);
        }
        return string.Join(" ", words);
    }
}
