namespace DataGouv.Generator;

/// <summary>Names of the pipeline steps, for WithTrackingName and the incrementality tests (found by reflection).</summary>
public static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string SpecText = nameof(SpecText);
    public const string Environment = nameof(Environment);
    public const string SpecModel = nameof(SpecModel);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Files = nameof(Files);
    public const string TypeNames = nameof(TypeNames);
    public const string Clashes = nameof(Clashes);
}
