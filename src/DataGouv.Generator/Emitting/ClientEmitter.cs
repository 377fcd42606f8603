using System.Collections.Generic;
using System.Linq;
using System.Text;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of the client for <c>Client.sbncs</c>: the options, the interface and one async method per
/// operation (URL, headers, body, the success read and the typed errors).
/// </summary>
internal static class ClientEmitter
{
    public static string Emit(SpecModel spec, EmitContext ctx)
    {
        var interfaceMembers = new StringBuilder();
        var methods = new StringBuilder();
        foreach (var op in spec.Operations)
        {
            var (signature, call) = Signature(op, ctx, fileParts: true);
            var doc = Doc(op);
            interfaceMembers.Append(doc).Append(Obsolete(op)).Append("    ").Append(signature).Append(";\n\n");
            methods.Append(doc).Append(Obsolete(op)).Append("    public async ").Append(signature).Append("\n    {\n").Append(Body(op, ctx)).Append("    }\n\n");
            if (op.Body?.Fields.Any(f => f.IsFile && f.Required) == true)
            {
                // Convenience overload: (Stream file, string fileName, ...) for each file field.
                var (plain, forward) = Signature(op, ctx, fileParts: false);
                interfaceMembers.Append(doc).Append(Obsolete(op)).Append("    ").Append(plain).Append(";\n\n");
                methods.Append(doc).Append(Obsolete(op)).Append("    public ").Append(plain).Append("\n        => ").Append(forward).Append(";\n\n");
            }
        }

        var security = new StringBuilder();
        var optionProps = new StringBuilder();
        var secretProps = new List<string>();
        foreach (var s in spec.Security)
        {
            optionProps.Append($"    /// <summary>Sent as <c>{CSharp.DocText(s.ParameterName)}</c> ({(s.Kind == "bearer" ? "bearer token" : "API key")}) on every request when set. Never printed.</summary>\n");
            optionProps.Append($"    public string? {s.PropertyName} {{ get; set; }}\n\n");
            secretProps.Add(s.PropertyName);
            if (s.Kind == "bearer")
            {
                security.Append($"        if (_options.{s.PropertyName} is {{ }} bearer) request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", bearer);\n");
            }
            else if (s.Location == ParameterLocation.Header)
            {
                security.Append($"        if (_options.{s.PropertyName} is {{ }} key{s.PropertyName}) request.Headers.TryAddWithoutValidation({CSharp.Literal(s.ParameterName)}, key{s.PropertyName});\n");
            }
        }
        var optionsToString = new StringBuilder($"\"{ctx.ClientName}Options {{ BaseAddress = \" + (BaseAddress?.ToString() ?? \"null\")");
        foreach (var p in secretProps) optionsToString.Append($" + \", {p} = \" + ({p} is null ? \"null\" : \"***\")");
        optionsToString.Append(" + \" }\"");

        var view = new
        {
            Header = FileHeader.Text(ctx.SpecFile),
            Namespace = ctx.Namespace,
            ClientName = ctx.ClientName,
            GeneratedCode = FileHeader.GeneratedCode,
            Title = CSharp.DocText(spec.Title ?? ctx.ClientName),
            DefaultServer = spec.DefaultServer is null ? "null" : CSharp.Literal(spec.DefaultServer),
            OptionProperties = optionProps.ToString(),
            OptionsToString = optionsToString.ToString(),
            Security = security.ToString(),
            InterfaceMembers = interfaceMembers.ToString(),
            Methods = methods.ToString(),
        };
        return TemplateRenderer.Render("Client", view);
    }

    /// <summary>
    /// <c>deprecated: true</c> becomes <c>[Obsolete("...")]</c>. The message is the first paragraph of the operation's
    /// description (where a spec says what replaces the operation), or a generic sentence when it has none.
    /// On the interface and the class alike, so a call through either warns (implementing it does not).
    /// </summary>
    private static string Obsolete(OperationModel op)
    {
        if (!op.Deprecated) return string.Empty;
        var paragraph = op.Description?.Replace("\r\n", "\n").Split(new[] { "\n\n" }, System.StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var message = string.IsNullOrWhiteSpace(paragraph)
            ? $"{op.HttpMethod} {op.Path} is deprecated by the API spec."
            : string.Join(" ", paragraph!.Split(new[] { ' ', '\t', '\n', '\r' }, System.StringSplitOptions.RemoveEmptyEntries));
        return $"    [global::System.Obsolete({CSharp.Literal(message)})]\n";
    }

    private static string Doc(OperationModel op)
    {
        var sb = new StringBuilder();
        var summary = CSharp.DocText(op.Summary ?? op.OperationId);
        sb.Append($"    /// <summary>{summary}</summary>\n");
        var remarks = CSharp.DocText(op.HttpMethod + " " + op.Path + (op.Description is null ? "" : ". " + op.Description));
        sb.Append($"    /// <remarks>{remarks}</remarks>\n");
        foreach (var p in op.Parameters)
        {
            if (p.Summary is not null) sb.Append($"    /// <param name=\"{p.Name.TrimStart('@')}\">{CSharp.DocText(p.Summary)}</param>\n");
        }
        return sb.ToString();
    }

    private static string ReturnType(OperationModel op, EmitContext ctx) => op.Success.Kind switch
    {
        ResponseKind.None => "global::System.Threading.Tasks.Task",
        ResponseKind.Binary => "global::System.Threading.Tasks.Task<global::System.IO.Stream>",
        ResponseKind.Text => "global::System.Threading.Tasks.Task<string>",
        _ => $"global::System.Threading.Tasks.Task<{CSharp.TypeName(op.Success.Type!, ctx.Namespace, nullable: op.Success.Type!.Nullable && op.Success.Type.Kind != TypeKind.Any, readOnlyCollections: true)}>",
    };

    private static string ParamType(TypeRef type, EmitContext ctx, bool optional, bool jsonBody = false)
    {
        if (type.Kind == TypeKind.StringEnum)
        {
            var open = $"global::{ctx.Namespace}.OpenEnum<global::{ctx.Namespace}.{type.Name}>";
            return optional || type.Nullable ? open + "?" : open;
        }
        // Items of a parameter list are sent as text: a null item has no text, so the items are non-nullable.
        // (A JSON body keeps them as the spec says: null is a JSON value there.)
        if (type.Kind == TypeKind.Array) return $"global::System.Collections.Generic.IEnumerable<{CSharp.TypeName(type.Element!, ctx.Namespace, nullable: jsonBody ? null : false)}>" + (optional ? "?" : "");
        return CSharp.TypeName(type, ctx.Namespace, nullable: optional || type.Nullable);
    }

    /// <summary>The method signature, and (for the convenience overload) the call that forwards to the main one.</summary>
    private static (string Signature, string Forward) Signature(OperationModel op, EmitContext ctx, bool fileParts)
    {
        var required = new List<string>();
        var optional = new List<string>();
        var forward = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.Required))
        {
            required.Add($"{ParamType(p.Type, ctx, false)} {p.Name}");
            forward.Add(p.Name);
        }
        if (op.Body is { } body)
        {
            if (body.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded)
            {
                foreach (var f in body.Fields.Where(f => f.Required))
                {
                    if (f.IsFile && fileParts)
                    {
                        required.Add($"global::{ctx.Namespace}.FilePart {f.Name}");
                        forward.Add(f.Name);
                    }
                    else if (f.IsFile)
                    {
                        required.Add($"global::System.IO.Stream {f.Name}, string {FileNameParameter(f)}");
                        forward.Add($"new global::{ctx.Namespace}.FilePart({f.Name}, {FileNameParameter(f)})");
                    }
                    else
                    {
                        required.Add($"{ParamType(f.Type, ctx, false)} {f.Name}");
                        forward.Add(f.Name);
                    }
                }
            }
            else
            {
                var bodyType = body.Type!.Kind == TypeKind.Binary ? "global::System.IO.Stream" + (body.Required ? "" : "?") : ParamType(body.Type, ctx, !body.Required, jsonBody: true);
                if (body.Required) { required.Add($"{bodyType} body"); forward.Add("body"); }
                else optional.Add($"{bodyType} body = null");
            }
        }
        // Optional form fields and parameters come after the required ones, as optional arguments.
        var optionalForward = new List<string>();
        if (op.Body is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } form)
        {
            foreach (var f in form.Fields.Where(f => !f.Required))
            {
                if (f.IsFile) optional.Add($"global::{ctx.Namespace}.FilePart? {f.Name} = null");
                else optional.Add($"{ParamType(f.Type, ctx, true)} {f.Name} = null");
                optionalForward.Add($"{f.Name.TrimStart('@')}: {f.Name}");
            }
        }
        if (op.Body is { Required: false, Kind: not (BodyKind.Multipart or BodyKind.FormUrlEncoded) }) optionalForward.Add("body: body");
        foreach (var p in op.Parameters.Where(p => !p.Required))
        {
            optional.Add($"{ParamType(p.Type, ctx, true)} {p.Name} = null");
            optionalForward.Add($"{p.Name.TrimStart('@')}: {p.Name}");
        }
        optional.Add("global::System.Threading.CancellationToken cancellationToken = default");
        var all = string.Join(", ", required.Concat(optional));
        var signature = $"{ReturnType(op, ctx)} {op.MethodName}({all})";
        var call = $"{op.MethodName}({string.Join(", ", forward.Concat(optionalForward).Concat(new[] { "cancellationToken: cancellationToken" }))})";
        return (signature, call);
    }

    private static string Body(OperationModel op, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        var code = ctx.Json;
        var sb = new StringBuilder();
        var label = CSharp.Literal(op.HttpMethod + " " + op.Path);
        sb.Append("        var __url = new global::System.Text.StringBuilder(_baseUrl);\n");
        // The path, with each {parameter} escaped.
        var path = op.Path;
        var at = 0;
        while (at < path.Length)
        {
            var open = path.IndexOf('{', at);
            if (open < 0) { sb.Append($"        __url.Append({CSharp.Literal(path.Substring(at))});\n"); break; }
            if (open > at) sb.Append($"        __url.Append({CSharp.Literal(path.Substring(at, open - at))});\n");
            var close = path.IndexOf('}', open);
            if (close < 0) { sb.Append($"        __url.Append({CSharp.Literal(path.Substring(open))});\n"); break; }
            var name = path.Substring(open + 1, close - open - 1);
            var p = op.Parameters.FirstOrDefault(x => x.Location == ParameterLocation.Path && x.WireName == name);
            sb.Append(p is null
                ? $"        __url.Append({CSharp.Literal(path.Substring(open, close - open + 1))});\n"
                : $"        __url.Append(global::System.Uri.EscapeDataString({Format(p.Type, p.Name, ctx)}));\n");
            at = close + 1;
        }
        var query = op.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (query.Count > 0) sb.Append("        var __first = true;\n");
        foreach (var p in query)
        {
            var wire = CSharp.Literal(p.WireName);
            if (p.Type.Kind == TypeKind.Array)
            {
                var item = Format(p.Type.Element!, "__item", ctx, scalarEnum: true);
                sb.Append($"        if ({p.Name} is not null)\n        {{\n");
                if (p.Explode) sb.Append($"            foreach (var __item in {p.Name}) global::{ns}.Serialization.HttpSupport.AppendQuery(__url, ref __first, {wire}, {item});\n");
                else sb.Append($"            global::{ns}.Serialization.HttpSupport.AppendQuery(__url, ref __first, {wire}, string.Join(\",\", global::System.Linq.Enumerable.Select({p.Name}, __item => {item})));\n");
                sb.Append("        }\n");
            }
            else
            {
                var value = NullableAccess(p.Type, p.Name, !p.Required);
                sb.Append(!p.Required || !p.Type.IsValueType || p.Type.Nullable
                    ? $"        if ({p.Name} is not null) global::{ns}.Serialization.HttpSupport.AppendQuery(__url, ref __first, {wire}, {Format(p.Type, value, ctx)});\n"
                    : $"        global::{ns}.Serialization.HttpSupport.AppendQuery(__url, ref __first, {wire}, {Format(p.Type, value, ctx)});\n");
            }
        }
        var method = op.HttpMethod switch
        {
            "GET" => "Get", "PUT" => "Put", "POST" => "Post", "DELETE" => "Delete", "PATCH" => "Patch", "HEAD" => "Head", "OPTIONS" => "Options", "TRACE" => "Trace",
            _ => null,
        };
        var httpMethod = method is null ? $"new global::System.Net.Http.HttpMethod({CSharp.Literal(op.HttpMethod)})" : "global::System.Net.Http.HttpMethod." + method;
        sb.Append($"        using var __request = new global::System.Net.Http.HttpRequestMessage({httpMethod}, new global::System.Uri(__url.ToString(), global::System.UriKind.RelativeOrAbsolute));\n");
        foreach (var p in op.Parameters.Where(p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie))
        {
            var value = NullableAccess(p.Type, p.Name, !p.Required);
            var text = p.Type.Kind == TypeKind.Array
                ? $"string.Join(\",\", global::System.Linq.Enumerable.Select({p.Name}, __item => {Format(p.Type.Element!, "__item", ctx, scalarEnum: true)}))"
                : Format(p.Type, value, ctx);
            var header = p.Location == ParameterLocation.Cookie ? "\"Cookie\"" : CSharp.Literal(p.WireName);
            if (p.Location == ParameterLocation.Cookie) text = $"{CSharp.Literal(p.WireName + "=")} + global::System.Uri.EscapeDataString({text})";
            sb.Append(!p.Required || !p.Type.IsValueType || p.Type.Nullable
                ? $"        if ({p.Name} is not null) __request.Headers.TryAddWithoutValidation({header}, {text});\n"
                : $"        __request.Headers.TryAddWithoutValidation({header}, {text});\n");
        }
        sb.Append("        ApplySecurity(__request);\n");
        if (op.Success.Kind == ResponseKind.Json) sb.Append("        __request.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(\"application/json\"));\n");
        sb.Append(RequestBody(op, ctx));
        sb.Append("        using var __response = await _httpClient.SendAsync(__request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);\n");
        sb.Append("        if (!__response.IsSuccessStatusCode)\n        {\n");
        sb.Append($"            var __errorBody = await global::{ns}.Serialization.HttpSupport.ReadErrorBodyAsync(__response, cancellationToken).ConfigureAwait(false);\n");
        sb.Append("            var __status = (int)__response.StatusCode;\n");
        foreach (var e in OrderErrors(op.Errors))
        {
            var condition = e.StatusCode switch
            {
                "default" => "true",
                { Length: 3 } c when c.EndsWith("XX", System.StringComparison.OrdinalIgnoreCase) => $"__status >= {c[0]}00 && __status < {c[0]}00 + 100",
                var c => $"__status == {c}",
            };
            var errType = CSharp.TypeName(e.Type!, ns, nullable: false);
            sb.Append($"            if ({condition}) throw global::{ns}.Serialization.HttpSupport.Error<{errType}>({label}, __response, __errorBody, static (ref __Json.Utf8JsonReader reader, bool lenient) => {code.Read(e.Type!)});\n");
        }
        sb.Append($"            throw global::{ns}.Serialization.HttpSupport.Error({label}, __response, __errorBody);\n        }}\n");

        var lenient = op.Parameters.Any(p => p.WireName.Equals("X-Fields", System.StringComparison.OrdinalIgnoreCase))
            ? $"LenientByDefault || {op.Parameters.First(p => p.WireName.Equals("X-Fields", System.StringComparison.OrdinalIgnoreCase)).Name} is not null"
            : "LenientByDefault";
        switch (op.Success.Kind)
        {
            case ResponseKind.None:
                break;
            case ResponseKind.Text:
                sb.Append("        return await __response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);\n");
                break;
            case ResponseKind.Binary:
                // The caller owns the stream; the response is disposed with it, not here.
                return sb.ToString().Replace("        using var __response = ", "        var __response = ")
                    + $"        return await global::{ns}.Serialization.HttpSupport.ReadStreamAsync(__response, cancellationToken).ConfigureAwait(false);\n";
            default:
                var type = op.Success.Type!;
                var typeLabel = CSharp.Literal(type.Moniker);
                if (type.Kind == TypeKind.Array)
                {
                    var element = type.Element!;
                    var read = element.Kind == TypeKind.StringEnum
                        ? $"global::{ns}.Serialization.{element.Name}JsonConverter.Parse(ref reader, out _)"
                        : code.Read(element);
                    // Items are read as they arrive; a mask (X-Fields) removes fields on purpose, so read leniently.
                    sb.Append($"        return await global::{ns}.Serialization.HttpSupport.ReadJsonArrayAsync<{CSharp.TypeName(element, ns)}>(__response, static (ref __Json.Utf8JsonReader reader, bool lenient) => {read}, {lenient}, {typeLabel}, cancellationToken).ConfigureAwait(false);\n");
                }
                else
                {
                    sb.Append($"        return await global::{ns}.Serialization.HttpSupport.ReadJsonAsync<{CSharp.TypeName(type, ns, nullable: type.Nullable && type.Kind != TypeKind.Any)}>(__response, static (ref __Json.Utf8JsonReader reader, bool lenient) => {code.Read(type)}, {lenient}, {typeLabel}, cancellationToken).ConfigureAwait(false);\n");
                }
                break;
        }
        return sb.ToString();
    }

    private static IEnumerable<ResponseModel> OrderErrors(IEnumerable<ResponseModel> errors) =>
        errors.OrderBy(e => e.StatusCode == "default" ? 2 : e.StatusCode.EndsWith("XX", System.StringComparison.OrdinalIgnoreCase) ? 1 : 0).ThenBy(e => e.StatusCode, System.StringComparer.Ordinal);

    private static string RequestBody(OperationModel op, EmitContext ctx)
    {
        var ns = ctx.Namespace;
        if (op.Body is not { } body) return string.Empty;
        var sb = new StringBuilder();
        switch (body.Kind)
        {
            case BodyKind.Multipart:
                sb.Append("        var __content = new global::System.Net.Http.MultipartFormDataContent();\n");
                foreach (var f in body.Fields)
                {
                    var wire = CSharp.Literal(f.WireName);
                    var fieldGuard = f.Required && !f.Type.Nullable ? "" : $"if ({f.Name} is not null) ";
                    if (f.IsFile) sb.Append($"        {fieldGuard}global::{ns}.Serialization.HttpSupport.AddFile(__content, {wire}, {f.Name});\n");
                    else sb.Append($"        {fieldGuard}global::{ns}.Serialization.HttpSupport.AddField(__content, {wire}, {FieldText(f, ctx)});\n");
                }
                sb.Append("        __request.Content = __content;\n");
                break;
            case BodyKind.FormUrlEncoded:
                sb.Append("        var __fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();\n");
                foreach (var f in body.Fields)
                {
                    var formGuard = f.Required && !f.Type.Nullable ? "" : $"if ({f.Name} is not null) ";
                    if (f.IsFile) continue;
                    sb.Append($"        {formGuard}__fields.Add(new global::System.Collections.Generic.KeyValuePair<string, string>({CSharp.Literal(f.WireName)}, {FieldText(f, ctx)}));\n");
                }
                sb.Append("        __request.Content = new global::System.Net.Http.FormUrlEncodedContent(__fields);\n");
                break;
            case BodyKind.Binary:
                sb.Append(body.Required ? "        {\n" : "        if (body is not null)\n        {\n");
                sb.Append($"            var __content = global::{ns}.Serialization.HttpSupport.StreamBody(body);\n            __content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({CSharp.Literal(body.ContentType.Contains("*") ? "application/octet-stream" : body.ContentType)});\n            __request.Content = __content;\n        }}\n");
                break;
            case BodyKind.Text:
                sb.Append($"        if (body is not null) __request.Content = new global::System.Net.Http.StringContent(body, global::System.Text.Encoding.UTF8, {CSharp.Literal(body.ContentType)});\n");
                break;
            default:
                var type = body.Type!;
                var typeName = ParamType(type, ctx, false, jsonBody: true);
                if (type.Kind == TypeKind.StringEnum) typeName = CSharp.TypeName(type, ns, false);
                var write = type.Kind == TypeKind.Array
                    ? $"{ctx.Json.Collections}.Write{type.Moniker}(w, v, true)"
                    : type.Kind == TypeKind.StringEnum
                        ? $"global::{ns}.Serialization.{type.Name}JsonConverter.Write(w, v.Value, v.RawValue)"
                        : ctx.Json.Write(type.WithNullable(false), "v", "w", "true").TrimEnd(';');
                var bodyGuard = body.Required ? "" : "if (body is not null) ";
                var value = !body.Required && type.IsValueType && type.Kind != TypeKind.StringEnum ? "body.Value" : type.Kind == TypeKind.StringEnum && !body.Required ? "body.Value" : "body";
                var lambdaType = type.Kind == TypeKind.StringEnum ? $"global::{ns}.OpenEnum<global::{ns}.{type.Name}>" : type.Kind == TypeKind.Array ? typeName.TrimEnd('?') : CSharp.TypeName(type, ns, false);
                sb.Append($"        {bodyGuard}__request.Content = global::{ns}.Serialization.HttpSupport.JsonContent<{lambdaType}>({value}, static (w, v) => {{ {write}; }});\n");
                break;
        }
        return sb.ToString();
    }

    /// <summary>The file-name argument of a file field: <c>fileName</c> for a field named file, else <c>{field}FileName</c>.</summary>
    private static string FileNameParameter(FormFieldModel f) => f.Name.TrimStart('@') == "file" ? "fileName" : f.Name.TrimStart('@') + "FileName";

    private static string FieldText(FormFieldModel f, EmitContext ctx)
    {
        var value = NullableAccess(f.Type, f.Name, !f.Required);
        if (f.Type.Kind == TypeKind.Array) return $"string.Join(\",\", global::System.Linq.Enumerable.Select({f.Name}, __item => {Format(f.Type.Element!, "__item", ctx, scalarEnum: true)}))";
        return Format(f.Type, value, ctx);
    }

    private static string NullableAccess(TypeRef type, string name, bool optional) =>
        (optional || type.Nullable) && type.IsValueType ? name + ".Value" : name;

    /// <summary>Text of a parameter; scalar enum parameters are OpenEnum (raw text wins), enum items in lists are plain.</summary>
    private static string Format(TypeRef type, string value, EmitContext ctx, bool scalarEnum = false)
    {
        if (type.Kind == TypeKind.StringEnum && !scalarEnum)
        {
            return $"({value}.RawValue ?? global::{ctx.Namespace}.Serialization.{type.Name}JsonConverter.ToWire({value}.Value))";
        }
        return ctx.Json.Format(type, value);
    }
}
