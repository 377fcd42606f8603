using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>
/// Resource objects (the same fields on 9.2.4 and 17.6 outside harvest metadata, which is null here). Only the properties are written (no braces) so that
/// CommunityResource can append its dataset/organization/owner fields to the same object.
/// </summary>
internal static class ResourceFixtures
{
    private sealed record Kind(string Type, string FileType, string Format, string? Mime, string Extension, string? ChecksumType);

    // Slot 0 is the main uploaded file, 1 the documentation link, 2 an API endpoint: the usual mix on data.gouv.fr.
    private static readonly Kind[] Kinds =
    [
        new("main", "file", "csv", "text/csv", "csv", "sha1"),
        new("documentation", "remote", "pdf", null, "pdf", null),
        new("api", "remote", "json", "application/json", "json", "sha256"),
    ];

    private static readonly string[] MainTitles = ["Export complet", "Données consolidées", "Fichier principal", "Extraction annuelle"];

    public static void WriteProperties(
        Utf8JsonWriter w, FixtureRandom rng, int slot, string datasetSlug, DateTimeOffset created, string? title = null)
    {
        var kind = Kinds[slot % Kinds.Length];
        var id = rng.Uuid();
        var modified = created.AddDays(rng.Next(1, 200)).AddTicks(rng.Next(1, 1_000_000) * 10L);
        var stamp = modified.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

        w.WriteString("id", id);
        w.WriteString("title", title ?? slot switch
        {
            0 => $"{rng.Pick(MainTitles)} ({kind.Format.ToUpperInvariant()})",
            1 => "Documentation",
            _ => "API de consultation",
        });
        w.WriteStringOrNull("description", slot == 0 ? "Mis à jour **automatiquement**." : null);
        w.WriteString("filetype", kind.FileType);
        w.WriteString("type", kind.Type);
        w.WriteString("format", kind.Format);
        var url = kind.FileType == "file"
            ? $"https://static.data.gouv.fr/resources/{datasetSlug}/{stamp}/data.{kind.Extension}"
            : slot == 1 ? $"https://doc.example.gouv.fr/{id[..8]}.pdf" : $"https://api.example.gouv.fr/{id[..8]}/records";
        w.WriteString("url", url);
        w.WriteString("latest", $"https://www.data.gouv.fr/fr/datasets/r/{id}");

        // Checksum is null on remote documentation links, as udata has nothing to hash there.
        if (kind.ChecksumType is { } checksumType)
        {
            w.WriteStartObject("checksum");
            w.WriteString("type", checksumType);
            w.WriteString("value", rng.Hex(checksumType == "sha256" ? 32 : 20));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("checksum");
        }

        if (kind.FileType == "file") w.WriteNumber("filesize", rng.Next(2_000, 80_000_000));
        else w.WriteNull("filesize");
        w.WriteStringOrNull("mime", kind.Mime);
        w.WriteDate("created_at", created);
        w.WriteDate("last_modified", modified);

        w.WriteStartObject("metrics");
        w.WriteNumber("views", rng.Next(0, 5_000));
        w.WriteEndObject();

        w.WriteNull("harvest");

        w.WriteStartObject("extras");
        if (slot == 0) w.WriteNumber("check:status", 200);
        w.WriteEndObject();

        w.WriteStringOrNull("preview_url", slot == 0 ? $"https://explore.data.gouv.fr/fr/resources/{id}" : null);

        if (slot == 0 && rng.Chance(30))
        {
            w.WriteStartObject("schema");
            w.WriteString("name", "etalab/schema-irve-statique");
            w.WriteString("version", "2.3.1");
            w.WriteNull("url");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("schema");
        }

        w.WriteStartObject("internal");
        w.WriteDate("created_at_internal", created);
        w.WriteDate("last_modified_internal", modified);
        w.WriteEndObject();
    }
}
