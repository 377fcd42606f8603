using System;
using System.IO;

namespace DataGouv.Client;

/// <summary>A file to upload in a multipart body.</summary>
public sealed class FilePart
{
    /// <summary>A file; the content type comes from the file name's extension unless given.</summary>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    /// <summary>The bytes to send.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent in the part's Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The part's content type; null guesses it from <see cref="FileName"/>.</summary>
    public string? ContentType { get; }
}
