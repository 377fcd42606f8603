using System.Net;
using System.Text.Json;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;

namespace DataGouv.Generated.Tests.Errors;

/// <summary>Non-success statuses become ApiException (typed when the spec declares the body) with status, body and headers.</summary>
public sealed class HttpErrorTests : IClassFixture<EmulatorFixture>
{
    private const string Html = "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>";

    private readonly EmulatorFixture _fx;

    public HttpErrorTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Fact]
    public async Task A_wrong_key_gives_a_typed_401_with_the_message_and_WWW_Authenticate()
    {
        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client("wrong-key").GetMeAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("Invalid API Key", ex.Error.Message);
        Assert.Contains("Invalid API Key", ex.ResponseBody);
        Assert.Equal("Bearer realm=\"uData\"", Assert.Single(ex.Headers["WWW-Authenticate"]));
        Assert.StartsWith("application/json", Assert.Single(ex.Headers["Content-Type"]));
        Assert.Contains("GET /me/", ex.Message);
        Assert.Contains("401", ex.Message);
    }

    [Fact]
    public async Task No_key_at_all_gives_a_401_and_sends_no_X_API_KEY_header()
    {
        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client(apiKey: null).MyDatasetsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        RequestAssert.Sent(_fx.Emulator.LastRequest, "GET", "/api/1/me/datasets/", apiKey: null);
    }

    [Fact]
    public async Task An_invalid_profile_update_gives_a_typed_400_with_the_field_errors()
    {
        var update = new MeUpdate { FirstName = "see https://spam.example" };

        var ex = await Assert.ThrowsAsync<ApiException<ValidationError>>(() => _fx.Client().UpdateMeAsync(update));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        var messages = ex.Error.Errors!.Value.GetProperty("first_name");
        Assert.Equal("URLs not allowed in this field", messages[0].GetString());
        Assert.Equal("Camille", _fx.Emulator.State.FirstName);
    }

    [Fact]
    public async Task A_410_with_the_declared_body_gives_ApiException_of_Error()
    {
        _fx.Emulator.Override("DELETE", "/me/api_tokens/t1/", 410, """{"message":"Token already revoked"}""");

        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client().RevokeApiTokenAsync("t1"));

        Assert.Equal(HttpStatusCode.Gone, ex.StatusCode);
        Assert.Equal("Token already revoked", ex.Error.Message);
    }

    [Fact]
    public async Task A_404_gives_an_untyped_ApiException_with_the_body()
    {
        _fx.Emulator.Override("GET", "/me/reuses/", 404, """{"message":"Not found"}""");

        var ex = await Assert.ThrowsAsync<ApiException>(() => _fx.Client().MyReusesAsync());

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("""{"message":"Not found"}""", ex.ResponseBody);
        Assert.Contains("GET /me/reuses/", ex.Message);
    }

    [Fact]
    public async Task A_500_with_a_JSON_body_gives_an_ApiException_with_status_and_body()
    {
        _fx.Emulator.Override("GET", "/me/metrics/", 500, """{"message":"Internal Server Error"}""");

        var ex = await Assert.ThrowsAsync<ApiException>(() => _fx.Client().MyMetricsAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("Internal Server Error", ex.ResponseBody);
    }

    [Fact]
    public async Task A_500_with_an_HTML_page_keeps_the_page_and_its_content_type()
    {
        _fx.Emulator.Override("GET", "/me/", 500, Html, "text/html; charset=utf-8");

        var ex = await Assert.ThrowsAsync<ApiException>(() => _fx.Client().GetMeAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(Html, ex.ResponseBody);
        Assert.StartsWith("text/html", Assert.Single(ex.Headers["Content-Type"]));
    }

    [Fact]
    public async Task A_declared_401_with_an_HTML_body_falls_back_to_the_untyped_exception()
    {
        _fx.Emulator.Override("GET", "/me/", 401, Html, "text/html");

        var ex = await Assert.ThrowsAsync<ApiException>(() => _fx.Client().GetMeAsync());

        Assert.IsNotType<ApiException<Error>>(ex);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(Html, ex.ResponseBody);
    }

    [Fact]
    public async Task A_truncated_JSON_success_body_gives_an_ApiJsonException_naming_the_type()
    {
        _fx.Emulator.Override("GET", "/me/", 200, """{"id":"65e1a2b3c4d5e6f708192a3b","slug":"camille-durand","first_na""");

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().GetMeAsync());

        Assert.Equal("Me", ex.ModelType);
        Assert.Contains("Me", ex.Message);
        Assert.StartsWith("$", ex.JsonPath);
    }

    [Fact]
    public async Task A_malformed_value_in_the_third_dataset_gives_the_path_of_the_bad_value()
    {
        var items = System.Text.Json.Nodes.JsonNode.Parse(await RawAsync("me/org_datasets/"))!.AsArray();
        items[2]!["created_at"] = "not a date";
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, items.ToJsonString());

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().MyOrgDatasetsAsync());

        Assert.Equal("Dataset", ex.ModelType);
        Assert.Equal("created_at", ex.PropertyName);
        Assert.Equal("$[2].created_at", ex.JsonPath);
    }

    [Fact]
    public async Task A_list_body_cut_in_the_middle_gives_an_ApiJsonException_at_the_unfinished_item()
    {
        var full = await RawAsync("me/org_datasets/");
        var firstEnd = FirstItemEnd(full);
        _fx.Emulator.Override("GET", "/me/org_datasets/", 200, full[..(firstEnd + 20)]);

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().MyOrgDatasetsAsync());

        Assert.Contains("Dataset", ex.ModelType);
        Assert.Equal("$[1]", ex.JsonPath);
    }

    [Fact]
    public async Task A_success_body_of_the_wrong_shape_gives_an_ApiJsonException()
    {
        _fx.Emulator.Override("GET", "/me/org_reuses/", 200, """{"data":[]}""");

        var ex = await Assert.ThrowsAsync<ApiJsonException>(() => _fx.Client().MyOrgReusesAsync());

        Assert.Contains("array", ex.Message);
        Assert.IsAssignableFrom<JsonException>(ex);
    }

    private static int FirstItemEnd(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read(); // [
        reader.Read(); // {
        reader.Skip();
        return (int)reader.BytesConsumed; // ASCII-safe enough: only used to cut somewhere after the first item
    }

    private async Task<string> RawAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fx.Emulator.BaseAddress, path));
        request.Headers.Add("X-API-KEY", EmulatorFixture.Key);
        using var response = await _fx.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
