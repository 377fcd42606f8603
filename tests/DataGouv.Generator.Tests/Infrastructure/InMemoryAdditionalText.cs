using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataGouv.Generator.Tests.Infrastructure;

/// <summary>An AdditionalText whose content lives in memory, as the IDE hands an unsaved file to generators.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
