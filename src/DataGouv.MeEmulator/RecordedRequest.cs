namespace DataGouv.MeEmulator;

/// <summary>
/// One request exactly as the emulator received it, so tests can assert on what the client put on the wire
/// (path with its trailing slash, query string, headers, raw body, multipart parts).
/// </summary>
/// <param name="Path">The full request path, including the <c>/api/1</c> prefix.</param>
/// <param name="QueryString">The raw query string including the leading '?', or "" when there is none.</param>
/// <param name="Headers">All request headers (case-insensitive keys; repeated values joined with ", ").</param>
/// <param name="Parts">The multipart/form-data parts, empty for other content types.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? ContentType,
    IReadOnlyList<RecordedPart> Parts);

/// <summary>One multipart/form-data part. <see cref="FileName"/> is null for plain form fields such as <c>bbox</c>.</summary>
public sealed record RecordedPart(string Name, string? FileName, string? ContentType, byte[] Content);
