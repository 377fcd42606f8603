using System.Collections.Generic;
using System.Linq;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// About how many characters of C# a spec generates, from its model, before anything is rendered: the files are
/// rendered one by one as separate incremental outputs, so their real total is never in one place. The weights were
/// measured on the corpus (Stripe, Box, Discord, Slack, Docker, /me) and land within ~15% of the real size
/// (long type names cost more: every property names its type several times).
/// </summary>
internal static class OutputSize
{
    /// <summary>Above this, DG0021 says the output is large and advises keeping the client in its own project.</summary>
    public const long LargeChars = 5_000_000;

    public static long Estimate(IReadOnlyList<TypeModel> types, IReadOnlyList<OperationModel> operations)
    {
        long chars = 0;
        foreach (var t in types)
        {
            chars += t.Kind switch
            {
                TypeModelKind.Object => ObjectChars + PropertyChars * t.Properties.Count,
                TypeModelKind.Union => UnionChars + VariantChars * t.Variants.Count,
                _ => EnumChars + EnumMemberChars * t.EnumMembers.Count,
            };
        }
        foreach (var o in operations)
        {
            chars += OperationChars + ParameterChars * (o.Parameters.Count + (o.Body?.Fields.Count ?? 0));
        }
        return chars;
    }

    /// <summary>A builder for the C# of <paramref name="types"/> and <paramref name="operations"/>, sized from
    /// <see cref="Estimate"/> plus a quarter (the estimate lands within about 15 %), so that it rarely grows.</summary>
    public static System.Text.StringBuilder Builder(IReadOnlyList<TypeModel> types, IReadOnlyList<OperationModel> operations)
    {
        var estimate = Estimate(types, operations);
        return new System.Text.StringBuilder((int)System.Math.Min(estimate + estimate / 4, 64L * 1024 * 1024));
    }

    private const long ObjectChars = 2_500;
    private const long PropertyChars = 1_000;
    private const long UnionChars = 2_700; // remeasured on Stripe and Discord once unions call the runtime (issue 12)
    private const long VariantChars = 350;
    private const long EnumChars = 1_500;
    private const long EnumMemberChars = 45;
    private const long OperationChars = 3_000;
    private const long ParameterChars = 450;
}
