using DataGouv.Generator.Emitting.Views;
using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>What every emitter of one spec needs to know besides the model it renders.</summary>
internal sealed class EmitContext
{
    public EmitContext(GeneratorOptions options, string specFile)
    {
        Namespace = options.Namespace;
        ClientName = options.ClientName;
        Options = options;
        SpecFile = specFile;
        Json = new JsonCode(options.Namespace, options.ClientName);
    }

    public string Namespace { get; }

    /// <summary>False while rendering the second and later parts of a grouped file: the header is written once.</summary>
    public bool WithHeader { get; set; } = true;

    public string ClientName { get; }

    public GeneratorOptions Options { get; }

    public string SpecFile { get; }

    public JsonCode Json { get; }

    /// <summary>The header and namespace of the file being rendered.</summary>
    /// <summary>
    /// True for a file that holds models: its header also declares the aliases the models use, once for the whole
    /// file (a group file holds hundreds of types; other templates declare their own aliases in their namespace).
    /// </summary>
    public bool ModelAliases { get; set; }

    public EmitContext WithModelAliases()
    {
        ModelAliases = true;
        return this;
    }

    public FileView File => new(WithHeader ? FileHeader.Text(SpecFile) + (ModelAliases ? FileHeader.ModelAliases : "") : string.Empty, Namespace, FileHeader.GeneratedCode);
}
