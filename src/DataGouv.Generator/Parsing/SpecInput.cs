using DataGouv.Generator.Common;
using DataGouv.Generator.Diagnostics;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Parsing;

/// <summary>The text of one spec file and its options: the first pipeline step's output.</summary>
internal sealed record SpecInput(string Path, string Text, GeneratorOptions Options, EquatableArray<DiagnosticInfo> OptionDiagnostics);
