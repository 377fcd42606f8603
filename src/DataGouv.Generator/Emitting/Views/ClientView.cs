using System.Collections.Generic;

namespace DataGouv.Generator.Emitting.Views;

/// <summary>What <c>Client.sbncs</c> renders: the options, the interface and the client of one spec.</summary>
internal sealed record ClientView(
    FileView File,
    string ClientName,
    string Title,
    string DefaultServer,
    IReadOnlyList<SecurityView> Security,
    IReadOnlyList<MethodView> Methods,
    IReadOnlyList<ErrorMapView> ErrorMaps);

/// <summary>A security scheme: an options property sent on every request.</summary>
internal sealed record SecurityView(string PropertyName, string ParameterDoc, string KindDoc, bool IsBearer, bool IsHeader, string HeaderLiteral);

/// <summary>One client method: an operation, or its convenience overload taking (Stream, fileName) for file parts.</summary>
/// <param name="ObsoleteMessage">The literal of the [Obsolete] message of a deprecated operation, or null.</param>
/// <param name="Forward">For an overload, the call to the main method; otherwise null and <see cref="Body"/> is set.</param>
internal sealed record MethodView(
    string Name,
    string ReturnType,
    IReadOnlyList<string> Parameters,
    string? ObsoleteMessage,
    MethodDocView Doc,
    string? Forward,
    OperationBodyView? Body);

/// <summary>The XML docs of a method, written on the interface (the class inherits them).</summary>
internal sealed record MethodDocView(string Summary, string Remarks, IReadOnlyList<ParamDocView> Params, string Returns, IReadOnlyList<ExceptionDocView> Exceptions);

internal sealed record ParamDocView(string Name, string Text);

internal sealed record ExceptionDocView(string Cref, string Text);

/// <summary>What a method body does: build the URL and the request, then hand it to the runtime, which sends it, maps errors and reads the response.</summary>
/// <param name="OperationLiteral">The operationId, the name of the operation's activity and metric tag.</param>
/// <param name="MethodLiteral">The HTTP method as text, for telemetry.</param>
/// <param name="PathLiteral">The spec's path with its {parameters} unfilled: telemetry's url.template.</param>
/// <param name="ErrorMap">The client's method mapping the operation's error statuses (<see cref="ErrorMapView"/>), or "null".</param>
/// <param name="ResponseRead">How the success body is read: None, Text, Binary, Json, JsonArray or JsonStream (items yielded).</param>
internal sealed record OperationBodyView(
    string OperationLiteral,
    string MethodLiteral,
    string PathLiteral,
    IReadOnlyList<string> PathPieces,
    IReadOnlyList<QueryView> Query,
    string HttpMethod,
    IReadOnlyList<HeaderView> Headers,
    bool AcceptsJson,
    RequestContentView? Content,
    string ErrorMap,
    string ResponseRead,
    string? ResultType,
    string? ResultRead,
    string Lenient,
    string? ResultLabel);

/// <summary>A query parameter: <see cref="Text"/> is its text (or each item's, for a list, from <c>__item</c>).</summary>
internal sealed record QueryView(string Name, string WireLiteral, bool IsList, bool Explode, bool Guard, string Text);

/// <summary>A header or cookie parameter.</summary>
internal sealed record HeaderView(string Name, bool Guard, string HeaderLiteral, string Text);

/// <summary>The request body. Kind: Multipart, Form, Binary, Text or Json.</summary>
internal sealed record RequestContentView(string Kind, bool Required, IReadOnlyList<FormPartView> Parts, string ContentTypeLiteral, string JsonType, string JsonValue, string JsonWrite);

/// <summary>A multipart or form field.</summary>
internal sealed record FormPartView(string Name, string WireLiteral, bool Guard, bool IsFile, string Text);

/// <summary>A declared error status with a typed body.</summary>
internal sealed record ErrorView(string Condition, string Type, string Read);

/// <summary>A method of the client mapping error statuses to typed exceptions (see <see cref="ErrorMaps"/>).</summary>
/// <param name="Default">The "default" response, which answers every status the others do not; null when the spec declares none.</param>
internal sealed record ErrorMapView(string Name, IReadOnlyList<ErrorView> Errors, ErrorView? Default);
