using System.Collections.Generic;
using DataGouv.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Parsing;

/// <summary>What every translator of one spec shares: where to report, and how to locate nodes in the text.</summary>
internal sealed class ParseContext
{
    public ParseContext(string fileName, SpecLocator locator)
    {
        FileName = fileName;
        Locator = locator;
    }

    public string FileName { get; }

    public SpecLocator Locator { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        var all = new string[arguments.Length + 1];
        all[0] = FileName;
        arguments.CopyTo(all, 1);
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, all));
    }
}
