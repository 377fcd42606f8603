using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Where a JSON text first repeats a key in one object. System.Text.Json refuses the duplicate but gives no position
/// ("Duplicate property 'x' encountered"), so this walks the text once more with a reader to find it.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <summary>The key and its 1-based line and column (in characters), or null when there is none.</summary>
    public static (string Key, int Line, int Column)? Find(string text, int maxDepth)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = maxDepth,
        });
        // One set of keys per open object; arrays push null. The depth is bounded by the reader's MaxDepth.
        var open = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: open.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                    case JsonTokenType.StartArray: open.Push(null); break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray: open.Pop(); break;
                    case JsonTokenType.PropertyName:
                        var key = reader.GetString()!;
                        if (open.Peek() is { } keys && !keys.Add(key))
                        {
                            var (line, column) = Position(bytes, (int)reader.TokenStartIndex);
                            return (key, line, column);
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error: the caller already has a position for that one.
        }
        return null;
    }

    /// <summary>1-based line and column (in UTF-16 characters, as editors count) of a byte offset.</summary>
    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var lineStart = 0;
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1);
    }
}
