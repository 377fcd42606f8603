using System;
using System.Text.Json;

namespace DataGouv.Client;

/// <summary>
/// A JSON body that does not match the spec: names the generated type, the property and the JSON path. It is a
/// <see cref="JsonException"/>, so code that already catches those keeps working.
/// </summary>
public sealed class ApiJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    public ApiJsonException(string reason, string? modelType, string? propertyName, string pathSuffix, Exception? innerException = null)
        : base(reason, innerException)
    {
        Reason = reason;
        ModelType = modelType;
        PropertyName = propertyName;
        PathSuffix = pathSuffix;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The generated type being read where the problem was found.</summary>
    public string? ModelType { get; }

    /// <summary>The JSON property (wire name) being read, if any.</summary>
    public string? PropertyName { get; }

    /// <summary>The path below the root, e.g. <c>[3].resources[0].title</c>.</summary>
    public string PathSuffix { get; }

    /// <summary>The JSON path from the root of the body, e.g. <c>$[3].resources[0].title</c>.</summary>
    public string JsonPath => "$" + PathSuffix;

    /// <inheritdoc/>
    public override string Message =>
        Reason + " (type " + (ModelType ?? "?") + (PropertyName is null ? "" : ", property '" + PropertyName + "'") + ", path " + JsonPath + ")";
}
