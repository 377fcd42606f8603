using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Spec text → a JSON tree, before any OpenAPI rule applies. JSON goes through System.Text.Json (surrogate pairs,
/// exact numbers); YAML through SharpYaml and the OpenAPI YAML converter. Errors come back with a 1-based line and
/// column, never as exceptions.
/// </summary>
internal static class SpecText
{
    /// <summary>Deeper than any real spec; the tree walks after this rely on it to stay bounded.</summary>
    public const int MaxDepth = 256;

    public sealed record Error(string Message, int Line, int Column);

    public static JsonNode? Parse(string text, out Error? error)
    {
        error = null;
        return LooksLikeJson(text) ? ParseJson(text, out error) : ParseYaml(text, out error);
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (c == '\uFEFF' || char.IsWhiteSpace(c)) continue;
            return c is '{' or '[';
        }
        return false;
    }

    private static JsonNode? ParseJson(string text, out Error? error)
    {
        error = null;
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = MaxDepth,
                // A key twice in one object is refused here, with its position, like YAML does; JsonObject would
                // otherwise throw later, on first access, far from the text.
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are 0-based; the message repeats them, so it is cut before them.
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            // A duplicate key comes without a position: find it, so the message points at the second occurrence.
            if (ex.LineNumber is null && JsonDuplicateKeys.Find(text, MaxDepth) is { } duplicate)
            {
                error = new Error("Duplicate key '" + duplicate.Key + "'", duplicate.Line, duplicate.Column);
                return null;
            }
            error = new Error(StripJsonPosition(ex.Message), line, column);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            error = new Error(ex.Message, 1, 1);
            return null;
        }
    }

    private static JsonNode? ParseYaml(string text, out Error? error)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return null;
            return YamlConverter.ToJsonNode(stream.Documents[0]);
        }
        catch (YamlException ex)
        {
            // SharpYaml marks are 0-based and its message starts with "(Lin: l, Col: c, Chr: n) - (...): ".
            var message = StripYamlPosition(ex.Message).TrimEnd('.');
            if (message == "Duplicate key") message += " '" + KeyAt(text, ex.Start.Line, ex.Start.Column) + "'";
            error = new Error(message, ex.Start.Line + 1, ex.Start.Column + 1);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The converter's own limits (depth, node count, alias expansion) and anything SharpYaml did not expect.
            error = new Error(ex.GetType().Name + ": " + ex.Message, 1, 1);
            return null;
        }
    }

    /// <summary>The key that starts at a 0-based line and column, for messages ("Duplicate key 'paths'").</summary>
    private static string KeyAt(string text, int line, int column)
    {
        var lines = text.Split('\n');
        if (line < 0 || line >= lines.Length || column < 0 || column >= lines[line].Length) return "?";
        var rest = lines[line].Substring(column);
        var colon = rest.IndexOf(':');
        return (colon > 0 ? rest.Substring(0, colon) : rest).Trim().Trim('"', '\'');
    }

    private static string StripYamlPosition(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Lin:", StringComparison.Ordinal) && at > 0 ? message.Substring(at + 3).Trim() : message;
    }

    private static string StripJsonPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at).Trim() : message;
    }
}
