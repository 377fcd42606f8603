using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using DataGouv.Generator.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace DataGouv.Generator.Parsing;

/// <summary>What the spec says it is: Swagger 2.0, OpenAPI 3.0.x or 3.1.x.</summary>
internal enum SpecVersion
{
    Swagger2,
    OpenApi30,
    OpenApi31,
}

/// <summary>
/// Reads spec text into an <see cref="OpenApiDocument"/> with Microsoft.OpenApi 3.x, turning every way it can fail
/// (bad YAML or JSON, not OpenAPI, unsupported version, reader errors and exceptions) into diagnostics.
/// The text is parsed here (<see cref="SpecText"/>), not by the reader's own loaders, so that JSON keeps surrogate
/// pairs and exact numbers, YAML scalars of any length are read, and subtree <c>$ref</c>s are made sound before the
/// reader sees the tree (<see cref="SubtreeReferences"/>).
/// </summary>
internal static class SpecReader
{
    private static readonly Uri BaseUri = new("file:///openapi-spec");

    public static OpenApiDocument? Read(string text, SpecLocator locator, string fileName, List<DiagnosticInfo> diagnostics, out SpecVersion version)
    {
        version = SpecVersion.OpenApi30;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptySpec, locator.File, fileName));
            return null;
        }

        var node = SpecText.Parse(text, out var error);
        if (error is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, locator.AtLine(error.Line, error.Column), fileName,
                error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OneLine(error.Message).TrimEnd('.')));
            return null;
        }

        // System.Text.Json reads strings lazily: a lone surrogate ("\ud800") or another bad escape only throws when a
        // string is first read, in the walks below. That is bad text, and DG0001 says so.
        try
        {
            return ReadTree(node, locator, fileName, diagnostics, out version);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, locator.File, fileName, "1", "1", OneLine(ex.Message).TrimEnd('.')));
            return null;
        }
    }

    private static OpenApiDocument? ReadTree(JsonNode? node, SpecLocator locator, string fileName, List<DiagnosticInfo> diagnostics, out SpecVersion version)
    {
        version = SpecVersion.OpenApi30;
        if (node is not JsonObject root || !TryVersion(root, out var key, out var declared))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.File, fileName));
            return null;
        }

        var versionAt = locator.Find(key);
        if (key == "swagger" && (declared == "2" || declared.StartsWith("2.", StringComparison.Ordinal))) version = SpecVersion.Swagger2;
        else if (key == "openapi" && declared.StartsWith("3.0", StringComparison.Ordinal)) version = SpecVersion.OpenApi30;
        else if (key == "openapi" && declared.StartsWith("3.1", StringComparison.Ordinal)) version = SpecVersion.OpenApi31;
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, versionAt, fileName, declared));
            return null;
        }

        var swagger2 = version == SpecVersion.Swagger2;
        NullNodes.Replace(root);
        if (swagger2) Swagger2Files.Rewrite(root);
        SubtreeReferences.Hoist(root, swagger2);
        SubtreeSectionReferences.Hoist(root, swagger2);

        ReadResult result;
        try
        {
            var settings = new OpenApiReaderSettings
            {
                // The default rules reject component names such as "Reuse (read)" (data.gouv.fr has them) and stop
                // nothing else we need; our own checks cover what matters for code generation.
                RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
                LoadExternalRefs = false,
            };
            result = new OpenApiJsonReader().Read(root, BaseUri, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderFailure, locator.File, fileName, ex.GetType().Name, OneLine(ex.Message)));
            return null;
        }

        foreach (var readerError in result.Diagnostic?.Errors ?? Array.Empty<OpenApiError>())
        {
            Report(readerError, locator, fileName, diagnostics);
        }
        foreach (var readerWarning in result.Diagnostic?.Warnings ?? Array.Empty<OpenApiError>())
        {
            Report(readerWarning, locator, fileName, diagnostics);
        }
        return result.Document;
    }

    private static void Report(OpenApiError error, SpecLocator locator, string fileName, List<DiagnosticInfo> diagnostics)
    {
        var message = OneLine(error.Message ?? "");
        if (message.IndexOf("reference", StringComparison.OrdinalIgnoreCase) >= 0 && message.IndexOf("resolve", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            var at = LocatePointer(error.Pointer, locator);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, at, fileName, message));
            return;
        }
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecWarning, LocatePointer(error.Pointer, locator), fileName, message,
            "the OpenAPI reader skipped what it could not read there; the rest is generated"));
    }

    private static bool TryVersion(JsonObject root, out string key, out string version)
    {
        foreach (var candidate in new[] { "openapi", "swagger" })
        {
            if (root.TryGetPropertyValue(candidate, out var value) && value is JsonValue v)
            {
                key = candidate;
                // "swagger: 2.0" unquoted in YAML is a number.
                version = v.TryGetValue<string>(out var s) ? s.Trim() : v.ToJsonString();
                return true;
            }
        }
        key = "";
        version = "";
        return false;
    }

    /// <summary>"#/paths/~1me~1/get" → the keys paths, /me/, get.</summary>
    public static LocationInfo LocatePointer(string? pointer, SpecLocator locator)
    {
        if (string.IsNullOrEmpty(pointer)) return locator.File;
        var parts = pointer!.TrimStart('#').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++) parts[i] = parts[i].Replace("~1", "/").Replace("~0", "~");
        return locator.Find(parts);
    }

    /// <summary>Diagnostic messages are one line: a CR/LF in spec text must not break the build log format.</summary>
    public static string OneLine(string text)
    {
        var s = text.Replace("\r", " ").Replace("\n", " ").Replace('\u2028', ' ').Replace('\u2029', ' ');
        return s.Length > 300 ? s.Substring(0, 300) + "…" : s;
    }
}
