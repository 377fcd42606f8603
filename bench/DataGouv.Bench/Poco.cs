using System.Text.Json;
using System.Text.Json.Serialization;

// Hand-written equivalents of the generated /me models, for System.Text.Json's own source generator and its reflection
// resolver. Same property set, same CLR types (JsonElement where the generated model has JsonElement, string enums,
// extension data where the generated model keeps AdditionalProperties) and the same `required` members, so STJ
// checks the same things as the generated reader in strict mode (the client's default).
namespace DataGouv.Bench.Poco;

[JsonConverter(typeof(JsonStringEnumConverter<Frequency>))]
public enum Frequency
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("punctual")] Punctual,
    [JsonStringEnumMemberName("continuous")] Continuous,
    [JsonStringEnumMemberName("hourly")] Hourly,
    [JsonStringEnumMemberName("fourTimesADay")] FourTimesADay,
    [JsonStringEnumMemberName("threeTimesADay")] ThreeTimesADay,
    [JsonStringEnumMemberName("semidaily")] Semidaily,
    [JsonStringEnumMemberName("daily")] Daily,
    [JsonStringEnumMemberName("fourTimesAWeek")] FourTimesAWeek,
    [JsonStringEnumMemberName("threeTimesAWeek")] ThreeTimesAWeek,
    [JsonStringEnumMemberName("semiweekly")] Semiweekly,
    [JsonStringEnumMemberName("weekly")] Weekly,
    [JsonStringEnumMemberName("biweekly")] Biweekly,
    [JsonStringEnumMemberName("threeTimesAMonth")] ThreeTimesAMonth,
    [JsonStringEnumMemberName("semimonthly")] Semimonthly,
    [JsonStringEnumMemberName("monthly")] Monthly,
    [JsonStringEnumMemberName("bimonthly")] Bimonthly,
    [JsonStringEnumMemberName("quarterly")] Quarterly,
    [JsonStringEnumMemberName("threeTimesAYear")] ThreeTimesAYear,
    [JsonStringEnumMemberName("semiannual")] Semiannual,
    [JsonStringEnumMemberName("annual")] Annual,
    [JsonStringEnumMemberName("biennial")] Biennial,
    [JsonStringEnumMemberName("triennial")] Triennial,
    [JsonStringEnumMemberName("quinquennial")] Quinquennial,
    [JsonStringEnumMemberName("irregular")] Irregular,
}

[JsonConverter(typeof(JsonStringEnumConverter<ResourceType>))]
public enum ResourceType
{
    [JsonStringEnumMemberName("main")] Main,
    [JsonStringEnumMemberName("documentation")] Documentation,
    [JsonStringEnumMemberName("update")] Update,
    [JsonStringEnumMemberName("api")] Api,
    [JsonStringEnumMemberName("code")] Code,
    [JsonStringEnumMemberName("other")] Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<ResourceFileType>))]
public enum ResourceFileType
{
    [JsonStringEnumMemberName("file")] File,
    [JsonStringEnumMemberName("remote")] Remote,
}

[JsonConverter(typeof(JsonStringEnumConverter<ChecksumType>))]
public enum ChecksumType
{
    [JsonStringEnumMemberName("sha1")] Sha1,
    [JsonStringEnumMemberName("sha2")] Sha2,
    [JsonStringEnumMemberName("sha256")] Sha256,
    [JsonStringEnumMemberName("md5")] Md5,
    [JsonStringEnumMemberName("crc")] Crc,
}

[JsonConverter(typeof(JsonStringEnumConverter<GeoJsonType>))]
public enum GeoJsonType
{
    [JsonStringEnumMemberName("Point")] Point,
    [JsonStringEnumMemberName("LineString")] LineString,
    [JsonStringEnumMemberName("Polygon")] Polygon,
    [JsonStringEnumMemberName("MultiPoint")] MultiPoint,
    [JsonStringEnumMemberName("MultiLineString")] MultiLineString,
    [JsonStringEnumMemberName("MultiPolygon")] MultiPolygon,
}

public sealed class DatasetPoco
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public required string Title { get; set; }
    [JsonPropertyName("acronym")] public string? Acronym { get; set; }
    [JsonPropertyName("slug")] public required string Slug { get; set; }
    [JsonPropertyName("description")] public required string Description { get; set; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("last_modified")] public required DateTimeOffset LastModified { get; set; }
    [JsonPropertyName("deleted")] public DateTimeOffset? Deleted { get; set; }
    [JsonPropertyName("archived")] public DateTimeOffset? Archived { get; set; }
    [JsonPropertyName("featured")] public bool? Featured { get; set; }
    [JsonPropertyName("private")] public bool? Private { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
    [JsonPropertyName("badges")] public List<BadgePoco>? Badges { get; set; }
    [JsonPropertyName("resources")] public List<ResourcePoco>? Resources { get; set; }
    [JsonPropertyName("community_resources")] public List<ResourcePoco>? CommunityResources { get; set; }
    [JsonPropertyName("frequency")] public required Frequency Frequency { get; set; }
    [JsonPropertyName("frequency_date")] public DateTimeOffset? FrequencyDate { get; set; }
    [JsonPropertyName("harvest")] public HarvestDatasetMetadataPoco? Harvest { get; set; }
    [JsonPropertyName("extras")] public JsonElement? Extras { get; set; }
    [JsonPropertyName("metrics")] public JsonElement? Metrics { get; set; }
    [JsonPropertyName("organization")] public OrganizationReferencePoco? Organization { get; set; }
    [JsonPropertyName("owner")] public UserReferencePoco? Owner { get; set; }
    [JsonPropertyName("temporal_coverage")] public TemporalCoveragePoco? TemporalCoverage { get; set; }
    [JsonPropertyName("spatial")] public SpatialCoveragePoco? Spatial { get; set; }
    [JsonPropertyName("license")] public string? License { get; set; }
    [JsonPropertyName("uri")] public required string? Uri { get; set; }
    [JsonPropertyName("page")] public required string? Page { get; set; }
    [JsonPropertyName("quality")] public JsonElement? Quality { get; set; }
    [JsonPropertyName("last_update")] public required DateTimeOffset? LastUpdate { get; set; }
    [JsonPropertyName("schema")] public SchemaPoco? Schema { get; set; }
    [JsonPropertyName("internal")] public InternalsPoco? Internal { get; set; }
    [JsonPropertyName("contact_point")] public ContactPointPoco? ContactPoint { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class BadgePoco
{
    [JsonPropertyName("kind")] public required string Kind { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ResourcePoco
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public required string Title { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("filetype")] public required ResourceFileType Filetype { get; set; }
    [JsonPropertyName("type")] public required ResourceType Type { get; set; }
    [JsonPropertyName("format")] public required string? Format { get; set; }
    [JsonPropertyName("url")] public required string Url { get; set; }
    [JsonPropertyName("latest")] public string? Latest { get; set; }
    [JsonPropertyName("checksum")] public ChecksumPoco? Checksum { get; set; }
    [JsonPropertyName("filesize")] public long? Filesize { get; set; }
    [JsonPropertyName("mime")] public string? Mime { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("last_modified")] public DateTimeOffset? LastModified { get; set; }
    [JsonPropertyName("metrics")] public JsonElement? Metrics { get; set; }
    [JsonPropertyName("harvest")] public HarvestResourceMetadataPoco? Harvest { get; set; }
    [JsonPropertyName("extras")] public JsonElement? Extras { get; set; }
    [JsonPropertyName("preview_url")] public string? PreviewUrl { get; set; }
    [JsonPropertyName("schema")] public SchemaPoco? Schema { get; set; }
    [JsonPropertyName("internal")] public InternalsPoco? Internal { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ChecksumPoco
{
    [JsonPropertyName("type")] public ChecksumType? Type { get; set; }
    [JsonPropertyName("value")] public required string Value { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class OrganizationReferencePoco
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("class")] public required string Class { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("acronym")] public string? Acronym { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("slug")] public required string Slug { get; set; }
    [JsonPropertyName("page")] public string? Page { get; set; }
    [JsonPropertyName("logo")] public string? Logo { get; set; }
    [JsonPropertyName("logo_thumbnail")] public string? LogoThumbnail { get; set; }
    [JsonPropertyName("badges")] public List<BadgePoco>? Badges { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class UserReferencePoco
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("class")] public required string Class { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("slug")] public required string Slug { get; set; }
    [JsonPropertyName("page")] public string? Page { get; set; }
    [JsonPropertyName("uri")] public required string? Uri { get; set; }
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
    [JsonPropertyName("avatar_thumbnail")] public string? AvatarThumbnail { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class HarvestDatasetMetadataPoco
{
    [JsonPropertyName("backend")] public string? Backend { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("modified_at")] public DateTimeOffset? ModifiedAt { get; set; }
    [JsonPropertyName("source_id")] public string? SourceId { get; set; }
    [JsonPropertyName("remote_id")] public string? RemoteId { get; set; }
    [JsonPropertyName("domain")] public string? Domain { get; set; }
    [JsonPropertyName("last_update")] public DateTimeOffset? LastUpdate { get; set; }
    [JsonPropertyName("remote_url")] public string? RemoteUrl { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("dct_identifier")] public string? DctIdentifier { get; set; }
    [JsonPropertyName("archived_at")] public DateTimeOffset? ArchivedAt { get; set; }
    [JsonPropertyName("archived")] public string? Archived { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class HarvestResourceMetadataPoco
{
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("modified_at")] public DateTimeOffset? ModifiedAt { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class TemporalCoveragePoco
{
    [JsonPropertyName("start")] public required DateOnly Start { get; set; }
    [JsonPropertyName("end")] public DateOnly? End { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class SpatialCoveragePoco
{
    [JsonPropertyName("geom")] public GeoJsonPoco? Geom { get; set; }
    [JsonPropertyName("zones")] public List<string>? Zones { get; set; }
    [JsonPropertyName("granularity")] public string? Granularity { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class GeoJsonPoco
{
    [JsonPropertyName("type")] public required GeoJsonType Type { get; set; }
    [JsonPropertyName("coordinates")] public required List<JsonElement> Coordinates { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class SchemaPoco
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>DatasetInternals and ResourceInternals have the same shape.</summary>
public sealed class InternalsPoco
{
    [JsonPropertyName("created_at_internal")] public required DateTimeOffset CreatedAtInternal { get; set; }
    [JsonPropertyName("last_modified_internal")] public required DateTimeOffset LastModifiedInternal { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed class ContactPointPoco
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("email")] public required string? Email { get; set; }
    [JsonPropertyName("organization")] public OrganizationReferencePoco? Organization { get; set; }
    [JsonPropertyName("owner")] public UserReferencePoco? Owner { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>System.Text.Json's source generator over the POCOs (metadata + fast-path serialization, the defaults).</summary>
[JsonSerializable(typeof(List<DatasetPoco>))]
public sealed partial class StjContext : JsonSerializerContext;
