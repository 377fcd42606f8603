using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DataGouv.Generator.Naming;

/// <summary>
/// Turns any spec text (schema names, JSON property names, enum values, operationIds) into a valid, readable and
/// stable C# identifier. Pure functions: the same input always gives the same name.
/// </summary>
internal static class Identifier
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // contextual keywords that cannot name a parameter of an async method
        "await", "yield",
    };

    /// <summary><c>first_name</c> → <c>FirstName</c>, <c>fourTimesADay</c> → <c>FourTimesADay</c>, <c>Reuse (read)</c> → <c>ReuseRead</c>.</summary>
    public static string ToPascalCase(string? text, string fallback = "Value")
    {
        var words = SplitWords(text);
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            // Two numeric words side by side would merge into a different number ("1.0" → "10"), keep them apart.
            if (sb.Length > 0 && char.IsDigit(sb[sb.Length - 1]) && char.IsDigit(word[0])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(word[0]));
            sb.Append(word, 1, word.Length - 1);
        }
        if (sb.Length == 0) return fallback;
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        return Bounded(sb.ToString());
    }

    /// <summary>
    /// A SCREAMING_SNAKE_CASE title as a .NET member name: "GUILD_TEXT" → "GuildText", "GROUP_DM" → "GroupDM" (words of
    /// two letters stay acronyms). Other text goes through <see cref="ToPascalCase"/> unchanged.
    /// </summary>
    public static string TitleToPascalCase(string? text, string fallback = "Value")
    {
        if (text is null || text.Length == 0 || text.Any(char.IsLower) || !text.Any(char.IsLetter)) return ToPascalCase(text, fallback);
        var words = text.Split(new[] { '_', '-', ' ', '.' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length <= 2 ? w : w.Substring(0, 1) + w.Substring(1).ToLowerInvariant());
        return ToPascalCase(string.Join(" ", words), fallback);
    }

    /// <summary>The longest name the generator makes from spec text, in characters.</summary>
    public const int MaxLength = 96;

    /// <summary>
    /// A name longer than <see cref="MaxLength"/> keeps its start and gets a stable hash of the whole: C# refuses
    /// identifiers over 512 characters (CS0645), and a type name goes into a hint name, which becomes a file name
    /// (255 bytes at most) when the project sets EmitCompilerGeneratedFiles (CS0016).
    /// </summary>
    public static string Bounded(string name)
    {
        if (name.Length <= MaxLength) return name;
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        var keep = MaxLength - 9;
        // Do not cut a surrogate pair in two.
        if (char.IsHighSurrogate(name[keep - 1])) keep--;
        return name.Substring(0, keep) + "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>A parameter or local name: <c>X-Fields</c> → <c>xFields</c>, <c>class</c> → <c>@class</c>.</summary>
    public static string ToCamelCase(string? text, string fallback = "value")
    {
        var pascal = ToPascalCase(text, fallback);
        if (pascal[0] == '_') return pascal;
        // Lower the leading run of capitals: "URL" → "url", "IDValue" → "idValue".
        var chars = pascal.ToCharArray();
        var i = 0;
        while (i < chars.Length && char.IsUpper(chars[i]))
        {
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1])) break;
            chars[i] = char.ToLowerInvariant(chars[i]);
            i++;
        }
        var camel = new string(chars);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Splits on anything that is not a letter or digit, keeping the case inside each word.</summary>
    private static List<string> SplitWords(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var c in text!)
        {
            if (IsIdentifierPart(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static bool IsIdentifierPart(char c)
    {
        // Letters of any script and decimal digits are legal in C# identifiers; combining marks and connectors
        // are too, but '_' is a word separator here so that snake_case becomes PascalCase.
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return c != '\u2028' && c != '\u2029';
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return true;
            default:
                return false;
        }
    }
}
