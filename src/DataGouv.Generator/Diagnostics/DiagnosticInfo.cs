using System.Linq;
using DataGouv.Generator.Common;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Diagnostics;

/// <summary>A diagnostic as equatable data: the descriptor's id, the message arguments and a location in the spec.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo Location)
{
    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.Get(Id);

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor.Id, new EquatableArray<string>(arguments), location);

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location.ToLocation(), Arguments.Cast<object>().ToArray());
}
