using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;
using DataGouv.Generator.Naming;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// The parser: spec text in, <see cref="SpecModel"/> out. The only entry point to Microsoft.OpenApi; nothing it
/// returns holds an OpenAPI object. It never throws: every failure becomes a diagnostic in the model.
/// </summary>
internal static class SpecParser
{
    /// <summary>
    /// The member budget (DG0019): Stripe, the largest real spec in the corpus, makes 21,838 members in 3,898 types
    /// (43 M characters of C#, about a second of generator time); this is more than ten times that.
    /// </summary>
    public const int MaxMembers = 250000;

    public static SpecModel Parse(string path, string text, GeneratorOptions options, EquatableArray<DiagnosticInfo> optionDiagnostics, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var context = new ParseContext(fileName, new SpecLocator(path, text));
        context.Diagnostics.AddRange(optionDiagnostics);
        try
        {
            if (context.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            {
                return Empty(path, options, context);
            }
            var document = SpecReader.Read(text, context.Locator, fileName, context.Diagnostics, out var version);
            cancellationToken.ThrowIfCancellationRequested();
            if (document is null) return Empty(path, options, context);
            return Translate(path, version == SpecVersion.Swagger2, options, document, context);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Last line of defence: an exception escaping a generator wipes out every spec's code (CS8785).
            // The first frames of our own code make a bug report actionable without a debugger.
            context.Report(DiagnosticDescriptors.InternalError, context.Locator.File, ex.GetType().Name, SpecReader.OneLine(ex.Message + " " + OwnFrames(ex)));
            return Empty(path, options, context);
        }
    }

    private static string OwnFrames(Exception ex)
    {
        var frames = (ex.StackTrace ?? string.Empty).Split('\n')
            .Select(f => f.Trim())
            .Where(f => f.Contains("DataGouv.Generator."))
            .Take(3)
            .Select(f => f.Substring(0, f.IndexOf(" in ", StringComparison.Ordinal) is var i and > 0 ? i : f.Length));
        return string.Join(" ← ", frames);
    }

    private static SpecModel Translate(string path, bool swagger2, GeneratorOptions options, OpenApiDocument document, ParseContext context)
    {
        // Case-insensitive: hint names (one file per type) must differ by more than case.
        var typeNames = new NameScope(GeneratedNames.Types(options), ignoreCase: true);
        var schemas = new SchemaTranslator(context, typeNames, swagger2);
        schemas.AddComponents(document.Components?.Schemas);

        var selection = new OperationSelection(options.Filter);
        var operations = new OperationTranslator(context, schemas, GeneratedNames.ClientMembers(options), new SharedComponents(typeNames, swagger2), selection).Translate(document);
        foreach (var (metadata, entry) in selection.Unmatched())
        {
            context.Report(DiagnosticDescriptors.FilterMatchesNothing, context.Locator.File, metadata, entry);
        }
        // With an operation filter, only the types the kept operations reach are generated; without one, every
        // component schema is (a spec may be used for its models alone).
        var types = selection.IsActive ? TypeGraph.Reachable(schemas.Types, operations) : schemas.Types.ToList();
        if (operations.Count == 0 && !selection.IsActive)
        {
            context.Report(DiagnosticDescriptors.NoOperations, context.Locator.File);
        }
        if (document.Webhooks is { Count: > 0 } webhooks)
        {
            context.Report(DiagnosticDescriptors.NotGenerated, context.Locator.Find("webhooks"),
                webhooks.Count == 1 ? "the webhook '" + webhooks.Keys.First() + "'" : "the " + webhooks.Count + " webhooks (" + string.Join(", ", webhooks.Keys.Take(5)) + (webhooks.Count > 5 ? ", …" : "") + ")",
                webhooks.Count == 1 ? "is" : "are",
                "webhooks are requests the server sends to you, not calls a client makes; the schemas under components are still generated as models");
        }

        // The output budget: a spec that would make an unreasonable amount of code is refused as a whole with an
        // error, instead of a compile that runs out of memory (see the README's Diagnostics section).
        var members = types.Sum(t => t.Properties.Count + t.EnumMembers.Count + t.Variants.Count) + operations.Sum(o => o.Parameters.Count + 1);
        if (schemas.OverBudget || types.Count > SchemaTranslator.MaxTypes)
        {
            context.Report(DiagnosticDescriptors.OutputTooLarge, context.Locator.File, "more than " + SchemaTranslator.MaxTypes.ToString(System.Globalization.CultureInfo.InvariantCulture), "types",
                SchemaTranslator.MaxTypes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " types");
            return Empty(path, options, context);
        }
        if (members > MaxMembers)
        {
            context.Report(DiagnosticDescriptors.OutputTooLarge, context.Locator.File, members.ToString(System.Globalization.CultureInfo.InvariantCulture), "members (properties, enum members, union variants, operations and parameters)",
                MaxMembers.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Empty(path, options, context);
        }
        // Below the budget but still large: every build of the project compiles it, so say so, with the advice
        // (unless the spec already follows it: ClientAssembly="true").
        var size = Emitting.OutputSize.Estimate(schemas.Types, operations);
        if (size > Emitting.OutputSize.LargeChars && !options.OwnAssembly)
        {
            context.Report(DiagnosticDescriptors.LargeOutput, context.Locator.File, (size / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                schemas.Types.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), operations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var security = new List<SecuritySchemeModel>();
        var propertyNames = new NameScope(new[] { "BaseAddress" });
        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        var apiKeyCount = schemes.Values.Count(s => s?.Type == SecuritySchemeType.ApiKey);
        foreach (var pair in schemes)
        {
            var scheme = pair.Value;
            if (scheme is null) continue;
            if (scheme.Type == SecuritySchemeType.ApiKey && scheme.In != Microsoft.OpenApi.ParameterLocation.Cookie)
            {
                var property = apiKeyCount == 1 ? "ApiKey" : Identifier.ToPascalCase(pair.Key, "Scheme") + "ApiKey";
                security.Add(new SecuritySchemeModel(pair.Key, "apiKey", scheme.Name ?? "X-API-KEY",
                    scheme.In == Microsoft.OpenApi.ParameterLocation.Query ? Model.ParameterLocation.Query : Model.ParameterLocation.Header,
                    propertyNames.Claim(property)));
            }
            else if (scheme.Type == SecuritySchemeType.Http && string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase)
                     || scheme.Type == SecuritySchemeType.OAuth2 || scheme.Type == SecuritySchemeType.OpenIdConnect)
            {
                if (security.Any(s => s.Kind == "bearer")) continue;
                security.Add(new SecuritySchemeModel(pair.Key, "bearer", "Authorization", Model.ParameterLocation.Header, propertyNames.Claim("BearerToken")));
            }
        }

        var server = document.Servers?.FirstOrDefault()?.Url;
        if (server is not null && !Uri.TryCreate(server, UriKind.Absolute, out _)) server = null;

        return new SpecModel(
            SpecId(path),
            options,
            document.Info?.Title,
            server,
            UnionShapes.Share(types).ToEquatableArray(),
            operations.ToEquatableArray(),
            security.ToEquatableArray(),
            context.Diagnostics.ToEquatableArray());
    }

    private static SpecModel Empty(string path, GeneratorOptions options, ParseContext context) =>
        new(SpecId(path), options, null, null, EquatableArray<TypeModel>.Empty, EquatableArray<OperationModel>.Empty,
            EquatableArray<SecuritySchemeModel>.Empty, context.Diagnostics.ToEquatableArray());

    /// <summary>A file-name-safe identity for hint names: the file name without extension, sanitized.</summary>
    private static string SpecId(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".openapi.yaml", ".openapi.yml", ".openapi.json", ".yaml", ".yml", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }
        return Identifier.ToPascalCase(name, "Spec");
    }
}
