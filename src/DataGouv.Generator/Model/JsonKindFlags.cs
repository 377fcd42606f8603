namespace DataGouv.Generator.Model;

/// <summary>
/// The JSON kinds a value may have, as the bits of <see cref="VariantShape.Kinds"/> and <see cref="ShapeProperty.Kinds"/>:
/// the same values as the runtime's <c>DataGouv.Client.Runtime.JsonKinds</c> flags, which the generated shapes name.
/// </summary>
internal static class JsonKindFlags
{
    public const int Null = 1, String = 2, Integer = 4, Number = 8, Boolean = 16, Object = 32, Array = 64, Any = 127;
}
