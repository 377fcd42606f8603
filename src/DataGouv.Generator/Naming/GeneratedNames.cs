using System.Collections.Generic;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Naming;

/// <summary>
/// The names the generated code declares next to the spec's own: the parser keeps schema, property and operation
/// names clear of them. Everything shared by all clients (ApiException, the JSON and HTTP plumbing) lives in the
/// DataGouv.Client runtime and is referred to with global:: names, so it reserves nothing here.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>Members every model declares (and that a type cannot share with its own name, CS0542).</summary>
    public static readonly string[] ModelMembers = { "AdditionalProperties", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize" };

    /// <summary>Members a union declares besides <see cref="ModelMembers"/>.</summary>
    public static readonly string[] UnionMembers = { "Json", "Discriminator" };

    /// <summary>The suffix of the property that keeps an unrecognized enum value's wire text.</summary>
    public const string EnumTextSuffix = "WireValue";

    /// <summary>Types generated in the spec's namespace besides the schemas; schemas that would clash get a suffix.</summary>
    public static IEnumerable<string> Types(GeneratorOptions options) => new[]
    {
        options.ClientName, "I" + options.ClientName, options.ClientName + "Options", options.ClientName + "JsonResolver",
        options.ClientName + "ServiceCollectionExtensions", "System", "Microsoft", "Serialization",
        // Members every model or union declares: a type cannot have a member named like itself (CS0542).
        "AdditionalProperties", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "Json", "Discriminator",
    };

    /// <summary>Members of the client class besides the operations.</summary>
    public static IEnumerable<string> ClientMembers(GeneratorOptions options) => new[]
    {
        options.ClientName, "JsonOptions", "Options", "HttpClient", "Dispose", "ToString", "Equals", "GetHashCode", "GetType",
        "MemberwiseClone", "Finalize",
    };
}
