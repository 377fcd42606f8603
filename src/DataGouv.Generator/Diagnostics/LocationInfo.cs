using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataGouv.Generator.Diagnostics;

/// <summary>A place in the spec file, as plain data (a Roslyn Location would break incremental caching).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));
}
