using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Scriban;
using Scriban.Runtime;

namespace DataGouv.Generator.Emitting;

/// <summary>
/// Loads the embedded Scriban templates once per process and renders a view object into C# text.
/// Templates see the view's members under their C# names (PascalCase), loops are unlimited (a large spec has
/// thousands of members) and numbers render with the invariant culture.
/// </summary>
internal static class TemplateRenderer
{
    private static readonly Dictionary<string, Template> Templates = new(StringComparer.Ordinal);
    private static readonly object Gate = new();
    private static readonly ScriptObject NoBuiltins = new(StringComparer.Ordinal) { IsReadOnly = true };

    /// <summary>Renders <paramref name="view"/> into a string of its own.</summary>
    public static string Render(string templateName, object view) =>
        Render(templateName, view, new StringBuilder(4096)).ToString();

    /// <summary>
    /// Renders <paramref name="view"/> at the end of <paramref name="into"/>: a file of many types is written in one
    /// builder, sized once (<see cref="OutputSize.Builder"/>), instead of a string per type, grown 8,000 characters at
    /// a time by Scriban's own output and copied again. Rendering PagerDuty's spec allocates 197 MB instead of 257 MB;
    /// its time did not change beyond the noise (issue 12).
    /// </summary>
    public static StringBuilder Render(string templateName, object view, StringBuilder into)
    {
        var template = Get(templateName);
        var globals = new ScriptObject(StringComparer.Ordinal);
        globals.Import(view, renamer: member => member.Name);
        // The templates call no builtin function (string.*, array.*): an empty builtin object spares the default one,
        // which Scriban deep-clones (hundreds of functions) for every context, that is for every file rendered.
        var context = new TemplateContext(NoBuiltins, StringComparer.Ordinal)
        {
            LoopLimit = 0,
            RecursiveLimit = 0,
            MemberRenamer = member => member.Name,
            StrictVariables = true,
            // Scriban cuts strings longer than 1 MiB with "..." by default; a large spec renders more than that.
            LimitToString = 0,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        context.PushOutput(new AppendOutput(into));
        var start = into.Length;
        template.Render(context);
        // Templates are written with \n; normalise in case a resource came with \r\n.
        into.Replace("\r\n", "\n", start, into.Length - start);
        return into;
    }

    private static Template Get(string name)
    {
        lock (Gate)
        {
            if (Templates.TryGetValue(name, out var cached)) return cached;
            using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream("DataGouv.Generator.Templates." + name + ".sbncs")
                ?? throw new InvalidOperationException("Missing template " + name);
            using var reader = new StreamReader(stream);
            var template = Template.Parse(reader.ReadToEnd(), name);
            if (template.HasErrors) throw new InvalidOperationException("Template " + name + ": " + string.Join("; ", template.Messages));
            Templates[name] = template;
            return template;
        }
    }

    /// <summary>
    /// Appends to a builder the caller owns. Scriban's <c>StringBuilderOutput</c> would not do: its <c>Render</c>
    /// returns the builder's whole text and clears it. Here <c>Render</c> gets an empty string and the text stays.
    /// </summary>
    private sealed class AppendOutput(StringBuilder into) : IScriptOutput
    {
        public void Write(string text, int offset, int count) => into.Append(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return default;
        }

        public override string ToString() => string.Empty;
    }
}
