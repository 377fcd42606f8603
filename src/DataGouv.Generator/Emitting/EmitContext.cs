using DataGouv.Generator.Model;

namespace DataGouv.Generator.Emitting;

/// <summary>What every emitter of one spec needs to know besides the model it renders.</summary>
internal sealed class EmitContext
{
    public EmitContext(GeneratorOptions options, string specFile)
    {
        Namespace = options.Namespace;
        ClientName = options.ClientName;
        LenientByDefault = options.LenientRequired;
        SpecFile = specFile;
        Json = new JsonCode(options.Namespace, options.ClientName);
    }

    public string Namespace { get; }

    /// <summary>False while rendering the second and later types of a grouped file: the header is written once.</summary>
    public bool WithHeader { get; set; } = true;

    public string ClientName { get; }

    public bool LenientByDefault { get; }

    public string SpecFile { get; }

    public JsonCode Json { get; }
}
