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
    public FileView File => new(WithHeader ? FileHeader.Text(SpecFile) : string.Empty, Namespace, FileHeader.GeneratedCode);
}
