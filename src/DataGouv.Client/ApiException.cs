using System;
using System.Collections.Generic;
using System.Net;

namespace DataGouv.Client;

/// <summary>
/// Thrown by every generated client when the server answers with a status that is not a success. One type for every
/// spec: an application catches the 401 of a client that a library generated with the same <c>catch</c>.
/// </summary>
/// <remarks>The message holds the method, the path and the status, never request headers (where the API key travels).</remarks>
public class ApiException : Exception
{
    /// <summary>At most this many characters of the response body are kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxResponseBodyLength = 64 * 1024;

    /// <summary>Creates the exception.</summary>
    public ApiException(string message, HttpStatusCode statusCode, string? responseBody,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Headers = headers;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response body as text, cut at <see cref="MaxResponseBodyLength"/> characters.</summary>
    public string? ResponseBody { get; }

    /// <summary>The response headers (and content headers).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }
}

/// <summary>Thrown for a status whose body the spec types: <see cref="Error"/> holds it.</summary>
/// <typeparam name="TError">The generated type of the error body.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string message, HttpStatusCode statusCode, string? responseBody,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers, TError error, Exception? innerException = null)
        : base(message, statusCode, responseBody, headers, innerException) => Error = error;

    /// <summary>The typed error body.</summary>
    public TError Error { get; }
}
