using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Support;

/// <summary>Assertions on what the emulator received on the wire.</summary>
public static class RequestAssert
{
    public static void Sent(RecordedRequest request, string method, string path, string query = "", string? apiKey = EmulatorFixture.Key, string? xFields = null)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.QueryString);
        if (apiKey is null) Assert.False(request.Headers.ContainsKey("X-API-KEY"), "X-API-KEY should not be sent");
        else Assert.Equal(apiKey, Header(request, "X-API-KEY"));
        if (xFields is null) Assert.False(request.Headers.ContainsKey("X-Fields"), "X-Fields should not be sent");
        else Assert.Equal(xFields, Header(request, "X-Fields"));
    }

    public static string? Header(RecordedRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : null;
}
