using System.Text;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;
using DataGouv.MeEmulator;

namespace DataGouv.Generated.Tests.Operations;

/// <summary>
/// POST /me/avatar (multipart: file + bbox) through both overloads, on both generations: 9.2.4 serves /me/avatar,
/// 17.6 serves /me/avatar/ and answers the spec's /me/avatar with a 308 that HttpClient follows, re-sending the body.
/// </summary>
public sealed class AvatarOperationsTests : IClassFixture<EmulatorFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly EmulatorFixture _fx;

    public AvatarOperationsTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
    }

    public static TheoryData<UdataGeneration, string, string, string> Files()
    {
        var data = new TheoryData<UdataGeneration, string, string, string>();
        foreach (var generation in Enum.GetValues<UdataGeneration>())
        {
            data.Add(generation, "me.png", "image/png", "png");
            data.Add(generation, "me.jpg", "image/jpeg", "jpg");
            data.Add(generation, "ME.JPEG", "image/jpeg", "jpg");
            data.Add(generation, "me.webp", "image/webp", "webp");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task MyAvatar_with_a_stream_sends_a_file_part_whose_content_type_comes_from_the_extension(UdataGeneration generation, string fileName, string contentType, string servedExtension)
    {
        _fx.Use(generation);
        using var stream = new MemoryStream(Png);

        var result = await _fx.Client().MyAvatarAsync(stream, fileName, bbox: "0,0,100,100", xFields: "success,image");

        Assert.True(result.Success);
        Assert.NotNull(result.Image);
        Assert.EndsWith("-original." + servedExtension, result.Image);

        var sent = UploadRequest(generation);
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
        Assert.Equal(result.Image, (await _fx.Client().GetMeAsync()).Avatar);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyAvatar_with_a_FilePart_over_a_FileStream_sends_its_explicit_content_type_and_no_bbox(UdataGeneration generation)
    {
        _fx.Use(generation);
        var path = Path.Combine(Path.GetTempPath(), $"avatar-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, Png);
        try
        {
            await using var stream = File.OpenRead(path);
            var part = new FilePart(stream, "avatar.bin", "image/webp");

            var result = await _fx.Client().MyAvatarAsync(part);

            Assert.True(result.Success);
            Assert.EndsWith(".webp", result.Image);
            var sent = UploadRequest(generation);
            var file = Part(sent, "file");
            Assert.Equal("avatar.bin", file.FileName);
            Assert.Equal("image/webp", file.ContentType);
            Assert.Equal(Png, file.Content);
            Assert.DoesNotContain(sent.Parts, p => p.Name == "bbox");
            Assert.Single(sent.Parts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyAvatar_with_a_non_seekable_stream_is_sent_whole_even_when_redirected(UdataGeneration generation)
    {
        _fx.Use(generation);
        // An anonymous pipe: a real OS stream that cannot seek, so HttpClient alone could not send it twice.
        using var writer = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using var reader = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, writer.ClientSafePipeHandle);
        await writer.WriteAsync(Png);
        writer.Dispose();
        Assert.False(reader.CanSeek);

        var result = await _fx.Client().MyAvatarAsync(reader, "me.png");

        Assert.True(result.Success);
        Assert.Equal(Png, Part(UploadRequest(generation), "file").Content);
    }

    [Theory]
    [MemberData(nameof(EmulatorFixture.Generations), MemberType = typeof(EmulatorFixture))]
    public async Task MyAvatar_with_an_unsupported_type_gets_the_typed_400_error(UdataGeneration generation)
    {
        _fx.Use(generation);
        using var stream = new MemoryStream(Png);

        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => _fx.Client().MyAvatarAsync(stream, "me.gif"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("Unsupported image format", ex.Error.Message);
        Assert.Equal("image/gif", Part(UploadRequest(generation), "file").ContentType);
    }

    /// <summary>
    /// The request the upload handler answered. On 9.2.4 the spec's path is served directly; on 17.6 the first request
    /// got a 308 to /me/avatar/ and HttpClient sent the whole multipart body again there, with the API key.
    /// </summary>
    private RecordedRequest UploadRequest(UdataGeneration generation)
    {
        var uploads = _fx.Emulator.Requests.Where(r => r.Method == "POST").ToList();
        if (generation == UdataGeneration.V9_2)
        {
            var only = Assert.Single(uploads);
            Assert.Equal("/api/1/me/avatar", only.Path);
            return only;
        }
        Assert.Equal(2, uploads.Count);
        Assert.Equal("/api/1/me/avatar", uploads[0].Path);
        Assert.Equal("/api/1/me/avatar/", uploads[1].Path);
        Assert.Equal(EmulatorFixture.Key, RequestAssert.Header(uploads[1], "X-API-KEY"));
        Assert.Equal(uploads[0].Body, uploads[1].Body);
        return uploads[1];
    }

    private static RecordedPart Part(RecordedRequest request, string name) =>
        Assert.Single(request.Parts, p => p.Name == name);
}
