using System.Text;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>POST /me/avatar (multipart: file + bbox) through both overloads.</summary>
public sealed class AvatarOperationsTests : IClassFixture<EmulatorFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly EmulatorFixture _fx;

    public AvatarOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    [Theory]
    [InlineData("me.png", "image/png", "png")]
    [InlineData("me.jpg", "image/jpeg", "jpg")]
    [InlineData("ME.JPEG", "image/jpeg", "jpg")]
    [InlineData("me.webp", "image/webp", "webp")]
    public async Task MyAvatar_with_a_stream_sends_a_file_part_whose_content_type_comes_from_the_extension(string fileName, string contentType, string servedExtension)
    {
        using var stream = new MemoryStream(Png);

        var result = await _fx.Client().MyAvatarAsync(stream, fileName, bbox: "0,0,100,100", xFields: "success,image");

        Assert.True(result.Success);
        Assert.NotNull(result.Image);
        Assert.EndsWith("-original." + servedExtension, result.Image);

        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "POST", "/api/1/me/avatar", xFields: "success,image");
        Assert.StartsWith("multipart/form-data", sent.ContentType);
        var file = Part(sent, "file");
        Assert.Equal(fileName, file.FileName);
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(Png, file.Content);
        var bbox = Part(sent, "bbox");
        Assert.Null(bbox.FileName);
        Assert.Equal("0,0,100,100", Encoding.UTF8.GetString(bbox.Content));
        Assert.Equal("0,0,100,100", _fx.Emulator.State.LastBbox);
        Assert.Equal(contentType, _fx.Emulator.State.AvatarContentType);
    }

    [Fact]
    public async Task MyAvatar_with_a_FilePart_sends_its_explicit_content_type_and_no_bbox_when_none_is_given()
    {
        using var stream = new MemoryStream(Png);
        var part = new FilePart(stream, "avatar.bin", "image/webp");

        var result = await _fx.Client().MyAvatarAsync(part);

        Assert.True(result.Success);
        Assert.EndsWith(".webp", result.Image);
        var sent = _fx.Emulator.LastRequest;
        RequestAssert.Sent(sent, "POST", "/api/1/me/avatar");
        var file = Part(sent, "file");
        Assert.Equal("avatar.bin", file.FileName);
        Assert.Equal("image/webp", file.ContentType);
        Assert.Equal(Png, file.Content);
        Assert.DoesNotContain(sent.Parts, p => p.Name == "bbox");
        Assert.Single(sent.Parts);
    }

    [Fact]
    public async Task MyAvatar_with_an_unsupported_type_gets_the_typed_400_error()
    {
        using var stream = new MemoryStream(Png);

        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client().MyAvatarAsync(stream, "me.gif"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("Unsupported image format", ex.Error.Message);
        Assert.Equal("image/gif", Part(_fx.Emulator.LastRequest, "file").ContentType);
    }

    private static RecordedPart Part(RecordedRequest request, string name) =>
        Assert.Single(request.Parts, p => p.Name == name);
}
