using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Diagnostics;

/// <summary>Every diagnostic the generator can report. Ids are tracked in AnalyzerReleases.*.md and documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "DataGouv.Generator";

    public static readonly DiagnosticDescriptor SyntaxError = Create("DG0001", "The spec cannot be read",
        "{0}: the spec is not valid YAML or JSON at line {1}, column {2}: {3}. Fix the syntax there.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotOpenApi = Create("DG0002", "The file is not an OpenAPI document",
        "{0}: no top-level 'openapi' or 'swagger' field was found. Add 'openapi: 3.0.3' (or 'swagger: \"2.0\"'), or remove the file from the AdditionalFiles.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create("DG0003", "Unsupported OpenAPI version",
        "{0}: OpenAPI version '{1}' is not supported. Use Swagger 2.0, OpenAPI 3.0.x or OpenAPI 3.1.x.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create("DG0004", "Unresolved $ref",
        "{0}: the reference '{1}' does not resolve to anything in the document. The value is typed JsonElement; fix or remove the $ref.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create("DG0005", "Construct not supported yet",
        "{0}: {1} is not supported yet; {2}. The rest of the spec is generated.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create("DG0006", "Names collide after sanitizing",
        "{0}: '{1}' becomes the C# name '{2}', which is already used in {3}; it is named '{4}' instead. Rename one of them in the spec to choose the names yourself.", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create("DG0007", "Duplicate operationId",
        "{0}: operationId '{1}' is used by more than one operation ({2}); the method for this one is named '{3}'. operationIds must be unique: rename one.", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingOperationId = Create("DG0008", "Missing operationId",
        "{0}: {1} has no operationId; the method is named '{2}' from its method and path. Add an operationId to choose the name.", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EmptySpec = Create("DG0009", "Empty spec",
        "{0}: the file is empty. Put an OpenAPI document in it, or remove it from the AdditionalFiles.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOption = Create("DG0010", "Invalid option value",
        "{0}: the option '{1}' has the invalid value '{2}': {3}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecWarning = Create("DG0011", "The spec breaks an OpenAPI rule",
        "{0}: {1}; {2}. Fix the spec there to silence this.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create("DG0012", "Generator failure",
        "{0}: the generator failed on this spec ({1}: {2}). No code was generated for it; please report this with the spec.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CyclicReference = Create("DG0014", "Cyclic $ref alias",
        "{0}: the schema '{1}' is an alias that refers back to itself through $ref ({2}); it is typed JsonElement. Break the cycle.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoOperations = Create("DG0015", "No operations",
        "{0}: the spec has no paths; only models are generated", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ReaderFailure = Create("DG0016", "The OpenAPI reader failed",
        "{0}: the OpenAPI reader could not read this document ({1}: {2}). No code is generated for it; check that it is a valid OpenAPI document.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotGenerated = Create("DG0017", "Part of the spec is not generated",
        "{0}: {1} {2} not generated: {3}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NestingTooDeep = Create("DG0018", "Schema nesting too deep",
        "{0}: the schema at '{1}' nests more than {2} levels deep (or reaches itself without a named component); from there on it is typed JsonElement", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OutputTooLarge = Create("DG0019", "Generated code would be too large",
        "{0}: the spec would generate {1} {2}, over the budget of {3}. Nothing is generated for it: split the spec, or keep only the paths you call.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeClash = Create("DG0020", "Two specs generate the same type",
        "{0}: the type '{1}' in namespace '{2}' is also generated from {3}; nothing is generated from {0}. Give one of the specs its own Namespace (or ClientName) in its AdditionalFiles item.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LargeOutput = Create("DG0021", "Large generated client",
        "{0}: the spec generates about {1} million characters of C# ({2} types, {3} operations), which every build of the project that holds it compiles. Set ClientAssembly=\"true\" on the spec's item (or keep the spec in a class library of its own): the client is then compiled once into its own assembly, and edits to your own code do not recompile it.", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create("DG0022", "An operation filter matches no operation",
        "{0}: the entry '{2}' of {1} matches no operation of the spec. Check it: tags and operationIds are compared ignoring case, and a path entry is a prefix such as /v1/things.", DiagnosticSeverity.Info);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [SyntaxError.Id] = SyntaxError,
        [NotOpenApi.Id] = NotOpenApi,
        [UnsupportedVersion.Id] = UnsupportedVersion,
        [UnresolvedReference.Id] = UnresolvedReference,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [NameCollision.Id] = NameCollision,
        [DuplicateOperationId.Id] = DuplicateOperationId,
        [MissingOperationId.Id] = MissingOperationId,
        [EmptySpec.Id] = EmptySpec,
        [InvalidOption.Id] = InvalidOption,
        [SpecWarning.Id] = SpecWarning,
        [InternalError.Id] = InternalError,
        [CyclicReference.Id] = CyclicReference,
        [NoOperations.Id] = NoOperations,
        [ReaderFailure.Id] = ReaderFailure,
        [NotGenerated.Id] = NotGenerated,
        [NestingTooDeep.Id] = NestingTooDeep,
        [OutputTooLarge.Id] = OutputTooLarge,
        [TypeClash.Id] = TypeClash,
        [LargeOutput.Id] = LargeOutput,
        [FilterMatchesNothing.Id] = FilterMatchesNothing,
    };

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        // No help link: the project has no published docs site yet; the README's Diagnostics table documents each id.
        new(id, title, message, Category, severity, isEnabledByDefault: true);
}
