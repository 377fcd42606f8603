using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DataGouv.Generator.Diagnostics;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Reads spec text into an <see cref="OpenApiDocument"/> with Microsoft.OpenApi.Readers 1.6, turning every way it can
/// fail (bad YAML, not OpenAPI, unsupported version, reader exceptions) into diagnostics instead of exceptions.
/// </summary>
internal static class SpecReader
{
    private static readonly Regex RootKey = new(@"(^|[\r\n{,])\s*[""']?(openapi|swagger)[""']?\s*:\s*[""']?([^""'\s,}]*)", RegexOptions.CultureInvariant);
    private static readonly Regex LineCol = new(@"Lin:\s*(\d+),\s*Col:\s*(\d+)", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Read(string text, SpecLocator locator, string fileName, List<DiagnosticInfo> diagnostics, out bool swagger2)
    {
        swagger2 = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptySpec, locator.File, fileName));
            return null;
        }

        var root = RootKey.Match(text);
        if (!root.Success)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.File, fileName));
            return null;
        }

        var version = root.Groups[3].Value;
        swagger2 = root.Groups[2].Value == "swagger";
        var versionAt = locator.Find(root.Groups[2].Value);
        if (root.Groups[2].Value == "swagger")
        {
            if (!version.StartsWith("2.", StringComparison.Ordinal) && version != "2")
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, versionAt, fileName, version));
                return null;
            }
        }
        else if (version.StartsWith("3.1", StringComparison.Ordinal))
        {
            // Readers 1.6 throws on 3.1. 3.1 is mostly a superset of 3.0, so read it as 3.0: rewrite the version in
            // place with a string of the same length, which keeps every line and column of the file unchanged.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OpenApi31, versionAt, fileName, version));
            var group = root.Groups[3];
            var replacement = "3.0.3".PadRight(group.Length).Substring(0, Math.Max(group.Length, 3));
            if (group.Length >= 3) text = text.Substring(0, group.Index) + replacement + text.Substring(group.Index + group.Length);
        }
        else if (!version.StartsWith("3.0", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, versionAt, fileName, version));
            return null;
        }

        OpenApiDocument document;
        OpenApiDiagnostic readerDiagnostic;
        try
        {
            var settings = new OpenApiReaderSettings
            {
                ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
                // The default rules reject component names such as "Reuse (read)" (data.gouv.fr has them) and stop
                // nothing else we need; our own checks cover what matters for code generation.
                RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
            };
            document = new OpenApiStringReader(settings).Read(text, out readerDiagnostic);
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, LocateMessage(ex.Message, locator), fileName, OneLine(ex.Message)));
            return null;
        }

        var fatal = false;
        foreach (var error in readerDiagnostic.Errors)
        {
            var message = OneLine(error.Message);
            var isSyntax = LineCol.IsMatch(error.Message) || error.Message.IndexOf("yaml", StringComparison.OrdinalIgnoreCase) >= 0;
            if (isSyntax)
            {
                fatal = true;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, LocateMessage(error.Message, locator), fileName, message));
            }
            else if (error.Message.StartsWith("Invalid Reference", StringComparison.Ordinal))
            {
                // Readers 1.6 reports a $ref to nothing as a plain error; it is DG0004 for our users.
                var target = error.Message.Split('\'').Length > 1 ? error.Message.Split('\'')[1] : message;
                var at = LocatePointer(error.Pointer, locator);
                if (at.Start == 0) at = locator.FindText("/" + target);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, at, fileName, target));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecWarning, LocatePointer(error.Pointer, locator), fileName, message));
            }
        }
        return fatal ? null : document;
    }

    private static LocationInfo LocateMessage(string message, SpecLocator locator)
    {
        var m = LineCol.Match(message);
        return m.Success ? locator.AtLine(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : locator.File;
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
