using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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

    public static string Render(string templateName, object view)
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
        var text = template.Render(context);
        // Templates are written with \n; normalise in case a resource came with \r\n.
        return text.Replace("\r\n", "\n");
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
}
