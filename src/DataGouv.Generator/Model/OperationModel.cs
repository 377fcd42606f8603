using DataGouv.Generator.Common;

namespace DataGouv.Generator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>A path, query, header or cookie parameter.</summary>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Explode,
    string? Summary);

internal enum BodyKind
{
    None,
    Json,
    Multipart,
    FormUrlEncoded,
    Binary,
    Text,
}

/// <summary>A field of a multipart or form-urlencoded body.</summary>
internal sealed record FormFieldModel(string WireName, string Name, TypeRef Type, bool Required, string? Summary)
{
    public bool IsFile => Type.Kind == TypeKind.Binary;
}

/// <summary>The request body of an operation.</summary>
internal sealed record RequestBodyModel(
    BodyKind Kind,
    string ContentType,
    TypeRef? Type,
    bool Required,
    EquatableArray<FormFieldModel> Fields,
    string? Summary);

internal enum ResponseKind
{
    None,
    Json,
    Binary,
    Text,
}

/// <summary>A response the spec declares, by status code ("200", "4XX", "default").</summary>
internal sealed record ResponseModel(string StatusCode, ResponseKind Kind, TypeRef? Type, string? Summary);

/// <summary>One operation: becomes one async method on the client.</summary>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    ResponseModel Success,
    EquatableArray<ResponseModel> Errors,
    EquatableArray<string> Security);

/// <summary>An apiKey or http security scheme the client can apply.</summary>
internal sealed record SecuritySchemeModel(string Key, string Kind, string ParameterName, ParameterLocation Location, string PropertyName);
