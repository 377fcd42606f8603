using System.Collections.Generic;
using DataGouv.Generator.Diagnostics;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// Finds where a node of the document sits in the spec text, from the path of keys that leads to it, so that a
/// diagnostic points at the right line in YAML or JSON. the OpenAPI reader keeps no positions, so this scans
/// the text: each key is looked for after the previous one; a key that is not found (a 3.0 name in a 2.0 file)
/// is skipped. The result is the closest enclosing key found; at worst the start of the file.
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _path;
    private readonly string _text;
    private List<int>? _lineStarts;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    public LocationInfo File => LocationInfo.FileStart(_path);

    public LocationInfo Find(params string[] keys)
    {
        var pos = 0;
        var found = -1;
        var foundLength = 0;
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key)) continue;
            var at = FindKey(key, pos);
            if (at < 0) continue;
            found = at;
            foundLength = key.Length;
            pos = at + key.Length;
        }
        return found < 0 ? File : At(found, foundLength);
    }

    /// <summary>The first place <paramref name="text"/> appears, e.g. the target of a $ref; the file start if nowhere.</summary>
    public LocationInfo FindText(string text)
    {
        var at = string.IsNullOrEmpty(text) ? -1 : _text.IndexOf(text, System.StringComparison.Ordinal);
        return at < 0 ? File : At(at, text.Length);
    }

    /// <summary>A location from a 1-based line and column, as YAML/JSON readers report them.</summary>
    public LocationInfo AtLine(int line, int column)
    {
        var starts = LineStarts();
        var l = System.Math.Max(0, System.Math.Min(line - 1, starts.Count - 1));
        var offset = System.Math.Min(_text.Length, starts[l] + System.Math.Max(0, column - 1));
        return At(offset, 0);
    }

    private LocationInfo At(int offset, int length)
    {
        var (line, col) = LineColumn(offset);
        var (endLine, endCol) = LineColumn(offset + length);
        return new LocationInfo(_path, offset, length, line, col, endLine, endCol);
    }

    private int FindKey(string key, int from)
    {
        var at = from;
        while (at < _text.Length)
        {
            at = _text.IndexOf(key, at, System.StringComparison.Ordinal);
            if (at < 0) return -1;
            if (IsKeyAt(at, key.Length)) return at;
            at += key.Length;
        }
        return -1;
    }

    private bool IsKeyAt(int start, int length)
    {
        // before: a quote, or only blanks / "- " since the start of the line, or '{' / ',' (JSON, flow YAML)
        var b = start - 1;
        if (b >= 0 && (_text[b] == '"' || _text[b] == '\'')) b--;
        while (b >= 0 && (_text[b] == ' ' || _text[b] == '\t')) b--;
        if (b >= 0 && _text[b] == '-') b--;
        while (b >= 0 && (_text[b] == ' ' || _text[b] == '\t')) b--;
        if (b >= 0 && _text[b] != '\n' && _text[b] != '\r' && _text[b] != '{' && _text[b] != ',') return false;

        // after: an optional quote, blanks, then ':'
        var a = start + length;
        if (a < _text.Length && (_text[a] == '"' || _text[a] == '\'')) a++;
        while (a < _text.Length && (_text[a] == ' ' || _text[a] == '\t')) a++;
        return a < _text.Length && _text[a] == ':';
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var starts = LineStarts();
        var lo = 0;
        var hi = starts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return (lo, offset - starts[lo]);
    }

    private List<int> LineStarts()
    {
        if (_lineStarts is not null) return _lineStarts;
        var starts = new List<int> { 0 };
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] == '\n') starts.Add(i + 1);
        }
        return _lineStarts = starts;
    }
}
