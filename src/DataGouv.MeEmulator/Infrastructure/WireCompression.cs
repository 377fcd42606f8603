using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace DataGouv.MeEmulator.Infrastructure;

/// <summary>
/// Compresses responses when the request asks for it (<c>Accept-Encoding: br</c> or <c>gzip</c>), as data.gouv.fr's front
/// does, so clients meet <c>Content-Encoding</c> here as they will in production. Brotli is chosen when both are
/// accepted with the same weight; a request without Accept-Encoding gets the identity body, byte for byte as before.
/// Fastest level: the emulator shares the machine with the client it serves (tests, benchmarks).
/// </summary>
internal static class WireCompression
{
    public static IServiceCollection AddWireCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes; // includes application/json
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>First in the pipeline, so every answer (handlers, overrides, auth errors) is compressed alike.</summary>
    public static IApplicationBuilder UseWireCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}
