using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DataGouv.Generator.Parsing;

/// <summary>
/// An enum written the JSON Schema way: a <c>oneOf</c> (or <c>anyOf</c>) whose every alternative fixes one value (a
/// <c>const</c>, or an <c>enum</c> of one value) and says nothing else but its <c>title</c> and <c>description</c>:
/// <code>
/// type: integer
/// oneOf:
///   - { title: GUILD_TEXT, const: 0, description: A text channel within a server }
///   - { title: DM, const: 1, description: A direct message between users }
/// </code>
/// That is an enum, not a union: read as a union, every value fits the first alternative's type, and the value
/// itself is what tells the alternatives apart. <see cref="SchemaFacts"/> reads such a schema as an enum whose values
/// are the constants (all strings, or all integers), and its members are named after the titles.
/// </summary>
internal static class ConstAlternatives
{
    /// <summary>The constants in order, with each alternative's title and description.</summary>
    internal sealed class Values
    {
        public Values(IList<JsonNode> constants, IList<string> titles, IList<string?> descriptions)
        {
            Constants = constants;
            Titles = titles;
            Descriptions = descriptions;
        }

        public IList<JsonNode> Constants { get; }

        /// <summary>One per constant, "" where the alternative has no title.</summary>
        public IList<string> Titles { get; }

        public IList<string?> Descriptions { get; }
    }

    private static readonly ConditionalWeakTable<IOpenApiSchema, Values?> Cache = new();

    /// <summary>The schema's constants when it is such an enum; null otherwise.</summary>
    public static Values? Of(IOpenApiSchema schema)
    {
        if (schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }) return null;
        return Cache.GetValue(schema, Read);
    }

    private static Values? Read(IOpenApiSchema schema)
    {
        // Both lists, or anything that makes the schema an object, is not an enum.
        if (schema.OneOf is { Count: > 0 } && schema.AnyOf is { Count: > 0 }) return null;
        if (schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } || schema.Discriminator is not null) return null;
        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf!;
        var constants = new List<JsonNode>();
        var titles = new List<string>();
        var descriptions = new List<string?>();
        bool? integers = null;
        foreach (var alternative in alternatives)
        {
            // A $ref alternative is a type of its own, used elsewhere: the schema stays a union of it.
            if (alternative is null || SchemaFacts.IsReference(alternative) || !FixesOnlyItsValue(alternative)) return null;
            // The alternative's type, else the schema's, says whether "1" is an integer (the reader keeps const as text).
            var value = UnionShapes.Constant(alternative, out var integer, schema);
            if (value is null) return null;
            if (integers is { } all && all != integer) return null;
            integers = integer;
            constants.Add(integer ? JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(value));
            titles.Add(alternative.Title ?? "");
            descriptions.Add(string.IsNullOrWhiteSpace(alternative.Description) ? null : alternative.Description);
        }
        return new Values(constants, titles, descriptions);
    }

    /// <summary>Only the value, its type, a title and a description: nothing that a value could fail besides itself.</summary>
    private static bool FixesOnlyItsValue(IOpenApiSchema s) =>
        (s.Const is not null || s.Enum is { Count: 1 })
        && s.Properties is not { Count: > 0 } && s.AllOf is not { Count: > 0 } && s.OneOf is not { Count: > 0 } && s.AnyOf is not { Count: > 0 }
        && s.Items is null && s.AdditionalProperties is null;
}
