using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DataGouv.Bench.Poco;
using DataGouv.MeEmulator;

namespace DataGouv.Bench;

/// <summary>
/// The JSON benchmarks' payload: the emulator's /me/org_datasets/ datasets (realistic values, seed 42) with every typed
/// property of the spec filled in, and nothing a model keeps untyped. So each approach spends its time decoding
/// strings, dates, enums, numbers and nested objects, not copying JsonElement blobs (the same STJ code for all).
/// Added: featured, frequency_date, full harvest metadata, schema, contact point with organization, temporal coverage,
/// spatial zones; on each resource: checksum, filesize, mime, harvest, schema, internals, preview URL.
/// Removed: extras, metrics, quality, GeoJSON coordinates (untyped in the spec) and access_type (not in the spec).
/// About 6 KB per dataset.
/// </summary>
public static class TypedPayload
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>UTF-8 bytes of a JSON array of <paramref name="count"/> fully typed datasets.</summary>
    public static byte[] DatasetArray(int count)
    {
        var datasets = JsonSerializer.Deserialize(DatasetFixtures.CreateDatasetArrayJson(count), Payloads.ReflectionTypeInfo)!;
        for (var i = 0; i < datasets.Count; i++) Fill(datasets[i], i);
        return JsonSerializer.SerializeToUtf8Bytes(datasets, WriteOptions);
    }

    private static void Fill(DatasetPoco d, int index)
    {
        var at = d.LastModified;
        d.Featured = index % 10 == 0;
        d.Private ??= false;
        d.FrequencyDate ??= at.AddDays(90);
        d.Harvest = new HarvestDatasetMetadataPoco
        {
            Backend = "DCAT",
            CreatedAt = d.CreatedAt,
            ModifiedAt = at.AddHours(-3),
            SourceId = "5f" + index.ToString("x22", System.Globalization.CultureInfo.InvariantCulture),
            RemoteId = $"urn:uuid:6f1c2a7e-4b3d-4c59-9a8e-{index:D12}",
            Domain = "geo.example.gouv.fr",
            LastUpdate = at.AddHours(-2),
            RemoteUrl = $"https://geo.example.gouv.fr/catalogue/{d.Slug}",
            Uri = $"https://geo.example.gouv.fr/catalogue/srv/api/records/{d.Slug}",
            DctIdentifier = $"FR-{index:D6}-{d.Slug}",
        };
        d.Schema = Schema(index);
        d.ContactPoint = new ContactPointPoco
        {
            Id = d.Id,
            Name = "Service des données ouvertes",
            Email = "opendata@example.gouv.fr",
            Organization = d.Organization ?? new OrganizationReferencePoco
            {
                Id = "534fff75a3a7292c64a77de4", Class = "Organization", Name = "Ministère de la Transition écologique",
                Acronym = "MTE", Slug = "ministere-de-la-transition-ecologique",
                Uri = "https://www.data.gouv.fr/api/1/organizations/ministere-de-la-transition-ecologique/",
                Page = "https://www.data.gouv.fr/fr/organizations/ministere-de-la-transition-ecologique/",
                Logo = "https://static.data.gouv.fr/avatars/db/fbfd745ec54d4e9c2c3b3f5f9e4a4a-original.png",
                LogoThumbnail = "https://static.data.gouv.fr/avatars/db/fbfd745ec54d4e9c2c3b3f5f9e4a4a-100.png",
                Badges = [new BadgePoco { Kind = "public-service" }, new BadgePoco { Kind = "certified" }],
            },
        };
        d.TemporalCoverage ??= new TemporalCoveragePoco
        {
            Start = new DateOnly(2015 + index % 10, 1, 1),
            End = new DateOnly(2015 + index % 10, 12, 31),
        };
        d.Spatial ??= new SpatialCoveragePoco { Zones = ["country:fr"], Granularity = "country" };
        d.Spatial.Geom = null;
        d.Extras = null;
        d.Metrics = null;
        d.Quality = null;
        d.AdditionalProperties = null;
        foreach (var r in d.Resources ?? []) Fill(r, d, index);
    }

    private static void Fill(ResourcePoco r, DatasetPoco d, int index)
    {
        var at = r.LastModified ?? d.LastModified;
        r.Description ??= "Fichier mis à jour chaque nuit à partir du système d'information du producteur.";
        r.Checksum ??= new ChecksumPoco { Type = ChecksumType.Sha1, Value = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12" };
        r.Filesize ??= 12_345 + index;
        r.Mime ??= "application/pdf";
        r.Harvest = new HarvestResourceMetadataPoco
        {
            CreatedAt = r.CreatedAt, ModifiedAt = at.AddMinutes(-5), Uri = $"https://geo.example.gouv.fr/records/{r.Id}",
        };
        r.Schema = Schema(index);
        r.Internal ??= new InternalsPoco { CreatedAtInternal = r.CreatedAt ?? at, LastModifiedInternal = at };
        r.PreviewUrl ??= $"https://explore.data.gouv.fr/fr/resources/{r.Id}";
        r.Extras = null;
        r.Metrics = null;
        r.AdditionalProperties = null;
    }

    private static SchemaPoco Schema(int index) => new()
    {
        Name = index % 2 == 0 ? "etalab/schema-irve-statique" : "etalab/schema-lieux-covoiturage",
        Version = "2.3.1",
        Url = "https://schema.data.gouv.fr/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json",
    };
}
