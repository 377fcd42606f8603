using System.Globalization;
using System.Text;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Hint names become file names when a project sets EmitCompilerGeneratedFiles: past 255 bytes the build fails with
/// CS0016. A long one keeps its start and gets a stable hash of the whole.
/// </summary>
internal static class HintNames
{
    /// <summary>UTF-8 bytes left for the hint (".g.cs" and a margin for the generator's folder are not counted).</summary>
    public const int MaxBytes = 180;

    public static string Bounded(string hint)
    {
        if (Encoding.UTF8.GetByteCount(hint) <= MaxBytes) return hint;
        var hash = 2166136261u;
        foreach (var c in hint)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        var sb = new StringBuilder();
        var bytes = 0;
        foreach (var c in hint)
        {
            var size = char.IsSurrogate(c) ? 2 : Encoding.UTF8.GetByteCount(c.ToString());
            if (bytes + size > MaxBytes - 9) break;
            if (char.IsHighSurrogate(c) && bytes + 4 > MaxBytes - 9) break;
            sb.Append(c);
            bytes += size;
        }
        if (sb.Length > 0 && char.IsHighSurrogate(sb[sb.Length - 1])) sb.Length--;
        return sb + "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
