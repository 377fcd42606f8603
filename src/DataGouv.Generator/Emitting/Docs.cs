using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// The XML docs of a client method, from the spec's text where it has some and a generated sentence where it has
/// none, so that every parameter, the result and the exceptions are documented.
/// </summary>
internal static class Docs
{
    private const string ApiExceptionCref = "global::DataGouv.Client.ApiException";
    private const string ApiJsonExceptionCref = "global::DataGouv.Client.ApiJsonException";

    public static MethodDocView Method(OperationModel op, bool fileParts)
    {
        var parameters = new List<ParamDocView>();
        foreach (var (_, name, _, source) in ClientEmitter.Arguments(op, null, fileParts))
        {
            parameters.Add(new ParamDocView(name.TrimStart('@'), CSharp.DocText(Parameter(source))));
        }
        var exceptions = new List<ExceptionDocView>
        {
            new(ApiExceptionCref, "The server answered with a status that is not a success" + (op.Errors.Count > 0
                ? " (ApiException&lt;TError&gt; for " + string.Join(", ", op.Errors.Select(e => CSharp.DocText(e.StatusCode))) + ")."
                : ".")),
        };
        if (op.Success.Kind == ResponseKind.Json) exceptions.Add(new(ApiJsonExceptionCref, "The body does not match the spec (the message gives the JSON path)."));
        exceptions.Add(new("global::System.Net.Http.HttpRequestException", "Network failure."));
        exceptions.Add(new("global::System.OperationCanceledException", "Canceled, or the HttpClient timed out."));
        return new MethodDocView(
            CSharp.DocText(op.Summary ?? op.OperationId),
            CSharp.DocText(op.HttpMethod + " " + op.Path + (op.Description is null ? "" : ". " + op.Description)),
            parameters,
            Returns(op),
            exceptions);
    }

    /// <summary>The docs of the streaming twin of a list method: the list method's, with what streaming changes.</summary>
    public static MethodDocView StreamMethod(OperationModel op)
    {
        var list = Method(op, fileParts: true);
        var what = op.Success.Summary is { } s ? " (" + CSharp.DocText(s.TrimEnd('.')) + ")" : "";
        return list with
        {
            Remarks = list.Remarks.TrimEnd('.') + ". Items are yielded as soon as each is complete in the response stream; only the current ones are held in memory, never the whole body or list. The request is sent when the enumeration starts.",
            Returns = "The items of the response body" + what + ", one by one as they arrive.",
            Exceptions = list.Exceptions.Select(e => e.Cref == ApiJsonExceptionCref
                ? e with { Text = "An item does not match the spec, thrown when the enumeration reaches it; the path starts with its index ($[i])." }
                : e.Cref == ApiExceptionCref ? e with { Text = e.Text.Replace("The server answered", "Thrown before the first item: the server answered") } : e).ToList(),
        };
    }

    private static string Parameter(object source) => source switch
    {
        ParameterModel p => p.Summary ?? $"The {Location(p.Location)} parameter `{p.WireName}`.",
        FormFieldModel f => f.Summary ?? (f.IsFile ? $"The file sent as the form field `{f.WireName}`." : $"The form field `{f.WireName}`."),
        RequestBodyModel b => b.Summary ?? (b.Kind switch
        {
            BodyKind.Binary => "The request body, sent as bytes.",
            BodyKind.Text => "The request body, sent as text.",
            _ => "The request body, sent as JSON.",
        }),
        // The file-name argument of the (Stream, fileName) overload carries the wire name of its field.
        string wire when wire != "cancellationToken" => $"The file name sent with the form field `{wire}`.",
        _ => "Cancels the request and the reading of the response.",
    };

    private static string Location(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Header => "header",
        ParameterLocation.Cookie => "cookie",
        _ => "query",
    };

    private static string Returns(OperationModel op)
    {
        // Spec text goes through DocText: a multi-line response description must not leave the comment.
        var what = CSharp.DocText(op.Success.Summary) is { Length: > 0 } s ? " (" + s.TrimEnd('.') + ")" : "";
        return op.Success.Kind switch
        {
            ResponseKind.None => "A task that completes when the server has answered with a success status" + what + ".",
            ResponseKind.Binary => "The response body as a stream" + what + "; disposing it releases the response.",
            ResponseKind.Text => "The response body as text" + what + ".",
            _ => "The response body" + what + ".",
        };
    }
}
