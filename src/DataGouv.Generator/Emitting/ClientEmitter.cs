using System;
using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Builds the view of the client for <c>Client.sbncs</c>: the options, the interface with the docs, and one async
/// method per operation (URL, headers, body, the success read and the typed errors). Locals of the generated
/// methods are <c>__</c>-prefixed, so no parameter name from a spec can collide with them.
/// </summary>
internal static class ClientEmitter
{
    private const string Http = "global::DataGouv.Client.Runtime.HttpSupport";

    public static string Emit(SpecModel spec, EmitContext ctx)
    {
        var methods = new List<MethodView>();
        // Stream methods take names no operation has: the operations' names are claimed first.
        var names = new NameScope(spec.Operations.Select(o => o.MethodName));
        var errorMaps = new ErrorMaps();
        foreach (var op in spec.Operations)
        {
            var body = Body(op, ctx, errorMaps);
            methods.Add(new MethodView(op.MethodName, ReturnType(op, ctx), Signature(op, ctx, fileParts: true), ObsoleteMessage(op),
                Docs.Method(op, fileParts: true), null, body));
            if (body.ResponseRead == "JsonArray")
            {
                // A JSON array can also be read as it arrives: the same request, the items yielded one by one.
                methods.Add(new MethodView(StreamName(op.MethodName, names), $"global::System.Collections.Generic.IAsyncEnumerable<{body.ResultType}>",
                    Signature(op, ctx, fileParts: true), ObsoleteMessage(op), Docs.StreamMethod(op), null, body with { ResponseRead = "JsonStream" }));
            }
            if (op.Body?.Fields.Any(f => f.IsFile && f.Required) == true)
            {
                // Convenience overload: (Stream file, string fileName, ...) for each file field.
                methods.Add(new MethodView(op.MethodName, ReturnType(op, ctx), Signature(op, ctx, fileParts: false), ObsoleteMessage(op),
                    Docs.Method(op, fileParts: false), Forward(op), null));
            }
        }
        var security = spec.Security.Select(s => new SecurityView(
                s.PropertyName,
                CSharp.DocText(s.ParameterName),
                s.Kind == "bearer" ? "bearer token" : "API key",
                s.Kind == "bearer",
                s.Kind != "bearer" && s.Location == ParameterLocation.Header,
                CSharp.Literal(s.ParameterName)))
            .ToList();
        var view = new ClientView(ctx.File, ctx.ClientName, CSharp.DocText(spec.Title ?? ctx.ClientName),
            spec.DefaultServer is null ? "null" : CSharp.Literal(spec.DefaultServer), security, methods, errorMaps.Views);
        // The client of a big spec is one file of millions of characters.
        return TemplateRenderer.Render("Client", view, OutputSize.Builder(System.Array.Empty<TypeModel>(), spec.Operations)).ToString();
    }

    /// <summary>
    /// The streaming twin of a list method: <c>{Name}StreamAsync</c> (<c>MyOrgDatasetsAsync</c> →
    /// <c>MyOrgDatasetsStreamAsync</c>, so the two sit side by side in completion lists); <c>{Name}Stream2Async</c>...
    /// when an operation already has that name.
    /// </summary>
    internal static string StreamName(string methodName, NameScope names)
    {
        var stem = methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - "Async".Length) : methodName;
        var name = stem + "StreamAsync";
        for (var i = 2; !names.TryClaim(name); i++) name = stem + "Stream" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Async";
        return name;
    }

    /// <summary>
    /// <c>deprecated: true</c> becomes <c>[Obsolete("...")]</c>. The message is the first paragraph of the operation's
    /// description (where a spec says what replaces the operation), or a generic sentence when it has none.
    /// On the interface and the class alike, so a call through either warns (implementing it does not).
    /// </summary>
    private static string? ObsoleteMessage(OperationModel op)
    {
        if (!op.Deprecated) return null;
        var paragraph = op.Description?.Replace("\r\n", "\n").Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var message = string.IsNullOrWhiteSpace(paragraph)
            ? $"{op.HttpMethod} {op.Path} is deprecated by the API spec."
            : string.Join(" ", paragraph!.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));
        return CSharp.Literal(message);
    }

    private static string ReturnType(OperationModel op, EmitContext ctx) => op.Success.Kind switch
    {
        ResponseKind.None => "global::System.Threading.Tasks.Task",
        ResponseKind.Binary => "global::System.Threading.Tasks.Task<global::System.IO.Stream>",
        ResponseKind.Text => "global::System.Threading.Tasks.Task<string>",
        // A JSON array is read item by item into a list, never null: its type says so even when the spec's is nullable.
        _ => $"global::System.Threading.Tasks.Task<{CSharp.TypeName(op.Success.Type!, ctx.Namespace, nullable: op.Success.Type!.Nullable && op.Success.Type.Kind is not (TypeKind.Any or TypeKind.Array), readOnlyCollections: true)}>",
    };

    private static string ParamType(TypeRef type, EmitContext ctx, bool optional, bool jsonBody = false)
    {
        if (type.Kind == TypeKind.StringEnum)
        {
            var open = $"global::DataGouv.Client.OpenEnum<global::{ctx.Namespace}.{type.Name}>";
            return optional || type.Nullable ? open + "?" : open;
        }
        // Items of a parameter list are sent as text: a null item has no text, so the items are non-nullable.
        // (A JSON body keeps them as the spec says: null is a JSON value there.)
        if (type.Kind == TypeKind.Array) return $"global::System.Collections.Generic.IEnumerable<{CSharp.TypeName(type.Element!, ctx.Namespace, nullable: jsonBody ? null : false)}>" + (optional ? "?" : "");
        return CSharp.TypeName(type, ctx.Namespace, nullable: optional || type.Nullable);
    }

    /// <summary>The parameters in the order the method declares them: required ones, then optional ones, then the token.</summary>
    internal static IEnumerable<(string Declaration, string Name, string Forward, object Source)> Arguments(OperationModel op, EmitContext? ctx, bool fileParts)
    {
        string Type(TypeRef t, bool optional, bool jsonBody = false) => ctx is null ? "" : ParamType(t, ctx, optional, jsonBody);
        foreach (var p in op.Parameters.Where(p => p.Required)) yield return ($"{Type(p.Type, false)} {p.Name}", p.Name, p.Name, p);
        var form = op.Body is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } ? op.Body : null;
        if (form is not null)
        {
            foreach (var f in form.Fields.Where(f => f.Required))
            {
                if (f.IsFile && !fileParts)
                {
                    yield return ($"global::System.IO.Stream {f.Name}", f.Name, $"new global::DataGouv.Client.FilePart({f.Name}, {FileNameParameter(f)})", f);
                    yield return ($"string {FileNameParameter(f)}", FileNameParameter(f), "", f.WireName);
                }
                else if (f.IsFile) yield return ($"global::DataGouv.Client.FilePart {f.Name}", f.Name, f.Name, f);
                else yield return ($"{Type(f.Type, false)} {f.Name}", f.Name, f.Name, f);
            }
        }
        else if (op.Body is { } body)
        {
            var bodyType = body.Type!.Kind == TypeKind.Binary ? "global::System.IO.Stream" + (body.Required ? "" : "?") : Type(body.Type, !body.Required, jsonBody: true);
            if (body.Required) yield return ($"{bodyType} body", "body", "body", body);
        }
        // Optional form fields, the optional body and parameters come after the required ones, as optional arguments.
        if (form is not null)
        {
            foreach (var f in form.Fields.Where(f => !f.Required))
            {
                var declaration = f.IsFile ? $"global::DataGouv.Client.FilePart? {f.Name} = null" : $"{Type(f.Type, true)} {f.Name} = null";
                yield return (declaration, f.Name, $"{f.Name.TrimStart('@')}: {f.Name}", f);
            }
        }
        else if (op.Body is { Required: false } optionalBody)
        {
            var bodyType = optionalBody.Type!.Kind == TypeKind.Binary ? "global::System.IO.Stream?" : Type(optionalBody.Type, true, jsonBody: true);
            yield return ($"{bodyType} body = null", "body", "body: body", optionalBody);
        }
        foreach (var p in op.Parameters.Where(p => !p.Required)) yield return ($"{Type(p.Type, true)} {p.Name} = null", p.Name, $"{p.Name.TrimStart('@')}: {p.Name}", p);
        yield return ("global::System.Threading.CancellationToken cancellationToken = default", "cancellationToken", "cancellationToken: cancellationToken", "cancellationToken");
    }

    private static List<string> Signature(OperationModel op, EmitContext ctx, bool fileParts) =>
        Arguments(op, ctx, fileParts).Select(a => a.Declaration).ToList();

    private static string Forward(OperationModel op) =>
        $"{op.MethodName}({string.Join(", ", Arguments(op, null, fileParts: false).Where(a => a.Forward.Length > 0).Select(a => a.Forward))})";

    /// <summary>The file-name argument of a file field: <c>fileName</c> for a field named file, else <c>{field}FileName</c>.</summary>
    internal static string FileNameParameter(FormFieldModel f) => f.Name.TrimStart('@') == "file" ? "fileName" : f.Name.TrimStart('@') + "FileName";

    private static OperationBodyView Body(OperationModel op, EmitContext ctx, ErrorMaps errorMaps)
    {
        var ns = ctx.Namespace;
        var query = op.Parameters.Where(p => p.Location == ParameterLocation.Query).Select(p => p.Type.Kind == TypeKind.Array
                ? new QueryView(p.Name, CSharp.Literal(p.WireName), true, p.Explode, true, Format(p.Type.Element!, "__item", ctx, scalarEnum: true))
                : new QueryView(p.Name, CSharp.Literal(p.WireName), false, false, Guarded(p.Type, p.Required), Format(p.Type, NullableAccess(p.Type, p.Name, !p.Required), ctx)))
            .ToList();
        var headers = op.Parameters.Where(p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie).Select(p =>
        {
            var text = p.Type.Kind == TypeKind.Array
                ? $"string.Join(\",\", global::System.Linq.Enumerable.Select({p.Name}, __item => {Format(p.Type.Element!, "__item", ctx, scalarEnum: true)}))"
                : Format(p.Type, NullableAccess(p.Type, p.Name, !p.Required), ctx);
            if (p.Location == ParameterLocation.Cookie) text = $"{CSharp.Literal(p.WireName + "=")} + global::System.Uri.EscapeDataString({text})";
            return new HeaderView(p.Name, Guarded(p.Type, p.Required), p.Location == ParameterLocation.Cookie ? "\"Cookie\"" : CSharp.Literal(p.WireName), text);
        }).ToList();
        var method = op.HttpMethod switch
        {
            "GET" => "Get", "PUT" => "Put", "POST" => "Post", "DELETE" => "Delete", "PATCH" => "Patch", "HEAD" => "Head", "OPTIONS" => "Options", "TRACE" => "Trace",
            _ => null,
        };
        var errors = errorMaps.For(OrderErrors(op.Errors).Select(e => new ErrorView(
                e.StatusCode switch
                {
                    "default" => "true",
                    { Length: 3 } c when c.EndsWith("XX", StringComparison.OrdinalIgnoreCase) => $"__status >= {c[0]}00 && __status < {c[0]}00 + 100",
                    var c => $"__status == {c}",
                },
                CSharp.TypeName(e.Type!, ns, nullable: false),
                ctx.Json.ReadFunc(e.Type!)))
            .ToList());

        // A parameter that asks the server for less (a field mask, named by the LenientParameters option) makes the
        // response read leniently when the caller sends it: required properties may then be missing on purpose.
        var lenient = "LenientByDefault" + string.Concat(op.Parameters
            .Where(p => ctx.Options.IsLenientParameter(p.WireName))
            .Select(p => $" || {p.Name} is not null"));
        string responseRead = op.Success.Kind.ToString();
        string? resultType = null, resultRead = null, resultLabel = null;
        if (op.Success.Kind == ResponseKind.Json)
        {
            var type = op.Success.Type!;
            resultLabel = CSharp.Literal(type.Moniker);
            if (type.Kind == TypeKind.Array)
            {
                // Items are read as they arrive, not after the whole body.
                responseRead = "JsonArray";
                resultType = CSharp.TypeName(type.Element!, ns);
                resultRead = ctx.Json.ReadFunc(type.Element!);
            }
            else
            {
                resultType = CSharp.TypeName(type, ns, nullable: type.Nullable && type.Kind != TypeKind.Any);
                resultRead = ctx.Json.ReadFunc(type);
            }
        }
        return new OperationBodyView(
            CSharp.Literal(op.OperationId),
            CSharp.Literal(op.HttpMethod),
            CSharp.Literal(op.Path),
            PathPieces(op, ctx),
            query,
            method is null ? $"new global::System.Net.Http.HttpMethod({CSharp.Literal(op.HttpMethod)})" : "global::System.Net.Http.HttpMethod." + method,
            headers,
            op.Success.Kind == ResponseKind.Json,
            Content(op, ctx),
            errors,
            responseRead,
            resultType,
            resultRead,
            lenient,
            resultLabel);
    }

    /// <summary>The arguments of each <c>__url.Append</c>: literal path text, and each {parameter} escaped.</summary>
    private static List<string> PathPieces(OperationModel op, EmitContext ctx)
    {
        var pieces = new List<string>();
        var path = op.Path;
        var at = 0;
        while (at < path.Length)
        {
            var open = path.IndexOf('{', at);
            if (open < 0) { pieces.Add(CSharp.Literal(path.Substring(at))); break; }
            if (open > at) pieces.Add(CSharp.Literal(path.Substring(at, open - at)));
            var close = path.IndexOf('}', open);
            if (close < 0) { pieces.Add(CSharp.Literal(path.Substring(open))); break; }
            var name = path.Substring(open + 1, close - open - 1);
            var p = op.Parameters.FirstOrDefault(x => x.Location == ParameterLocation.Path && x.WireName == name);
            pieces.Add(p is null ? CSharp.Literal(path.Substring(open, close - open + 1)) : $"global::System.Uri.EscapeDataString({Format(p.Type, p.Name, ctx)})");
            at = close + 1;
        }
        return pieces;
    }

    private static RequestContentView? Content(OperationModel op, EmitContext ctx)
    {
        if (op.Body is not { } body) return null;
        var ns = ctx.Namespace;
        var parts = body.Fields.Where(f => body.Kind == BodyKind.Multipart || !f.IsFile)
            .Select(f => new FormPartView(f.Name, CSharp.Literal(f.WireName), !(f.Required && !f.Type.Nullable), f.IsFile, f.IsFile ? f.Name : FieldText(f, ctx)))
            .ToList();
        switch (body.Kind)
        {
            case BodyKind.Multipart:
                return new RequestContentView("Multipart", body.Required, parts, "", "", "", "");
            case BodyKind.FormUrlEncoded:
                return new RequestContentView("Form", body.Required, parts, "", "", "", "");
            case BodyKind.Binary:
                return new RequestContentView("Binary", body.Required, parts, CSharp.Literal(body.ContentType.Contains("*") ? "application/octet-stream" : body.ContentType), "", "", "");
            case BodyKind.Text:
                return new RequestContentView("Text", body.Required, parts, CSharp.Literal(body.ContentType), "", "", "");
            default:
                var type = body.Type!;
                var write = type.Kind switch
                {
                    TypeKind.Array => $"{ctx.Json.Collections}.Write{type.Moniker}(__w, __v, true);",
                    TypeKind.StringEnum => $"global::{ns}.Serialization.{type.Name}JsonConverter.Wire.Write(__w, __v.Value, __v.RawValue);",
                    _ => ctx.Json.Write(type.WithNullable(false), "__v", "__w", "true"),
                };
                var value = !body.Required && type.IsValueType ? "body.Value" : "body";
                var lambdaType = type.Kind switch
                {
                    TypeKind.StringEnum => $"global::DataGouv.Client.OpenEnum<global::{ns}.{type.Name}>",
                    TypeKind.Array => ParamType(type, ctx, false, jsonBody: true),
                    _ => CSharp.TypeName(type, ns, false),
                };
                return new RequestContentView("Json", body.Required, parts, "", lambdaType, value, write);
        }
    }

    private static IEnumerable<ResponseModel> OrderErrors(IEnumerable<ResponseModel> errors) =>
        errors.OrderBy(e => e.StatusCode == "default" ? 2 : e.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase) ? 1 : 0).ThenBy(e => e.StatusCode, StringComparer.Ordinal);

    private static bool Guarded(TypeRef type, bool required) => !required || !type.IsValueType || type.Nullable;

    private static string FieldText(FormFieldModel f, EmitContext ctx)
    {
        if (f.Type.Kind == TypeKind.Array) return $"string.Join(\",\", global::System.Linq.Enumerable.Select({f.Name}, __item => {Format(f.Type.Element!, "__item", ctx, scalarEnum: true)}))";
        return Format(f.Type, NullableAccess(f.Type, f.Name, !f.Required), ctx);
    }

    private static string NullableAccess(TypeRef type, string name, bool optional) =>
        (optional || type.Nullable) && type.IsValueType ? name + ".Value" : name;

    /// <summary>Text of a parameter; scalar enum parameters are OpenEnum (raw text wins), enum items in lists are plain.</summary>
    private static string Format(TypeRef type, string value, EmitContext ctx, bool scalarEnum = false)
    {
        if (type.Kind == TypeKind.StringEnum && !scalarEnum)
        {
            return $"({value}.RawValue ?? global::{ctx.Namespace}.Serialization.{type.Name}JsonConverter.Wire.ToWire({value}.Value))";
        }
        return ctx.Json.Format(type, value);
    }
}
