using System.Text.Json;
using DataGouv.Generated.Tests.Support;
using DataGouv.Me;

namespace DataGouv.Generated.Tests.Serialization;

/// <summary>
/// What the server may send that the spec does not foresee (new enum values, new properties, nulls, any ISO 8601
/// precision and offset, big integers) is read without loss and written back equivalent.
/// </summary>
public sealed class LosslessPolicyTests : IClassFixture<EmulatorFixture>
{
    internal const string OddDatasetId = "6600000000000000000000ff";

    /// <summary>A dataset from a newer udata: EU frequency, unknown properties at three depths, every date form.</summary>
    internal const string OddDataset = """
        {
          "id": "6600000000000000000000ff",
          "title": "Quarterly EU statistics",
          "acronym": null,
          "slug": "quarterly-eu-statistics",
          "description": "From a newer udata.",
          "created_at": "2024-01-02T03:04:05+00:00",
          "last_modified": "2024-01-02T03:04:05.123Z",
          "deleted": null,
          "archived": null,
          "private": false,
          "tags": ["eu", "stats"],
          "badges": [{"kind": "hvd", "since": "2025-01-01"}],
          "resources": [
            {
              "id": "r1", "title": "data.csv", "description": null, "filetype": "file", "type": "main",
              "format": "csv", "url": "https://example.org/data.csv", "latest": "https://example.org/latest",
              "checksum": {"type": "sha512", "value": "abc", "algo_version": 2},
              "filesize": 9223372036854775807, "mime": "text/csv",
              "created_at": "2024-02-03T04:05:06.123456+05:30",
              "last_modified": "2024-02-03T04:05:06.1234567-03:00",
              "metrics": {"views": 9007199254740993},
              "harvest": null, "extras": {"nested": {"deep": [1, {"x": null}]}},
              "preview_url": null, "schema": null,
              "internal": {"created_at_internal": "2024-02-03T04:05:06+00:00", "last_modified_internal": "2024-02-03T04:05:06.5+00:00"},
              "x_resource_future": "kept"
            }
          ],
          "frequency": "eu:quarterly",
          "frequency_date": "2025-06-30T00:00:00-03:00",
          "harvest": null,
          "extras": {},
          "metrics": {"discussions": 0, "reuses": 1, "followers": 2, "views": 9223372036854775807, "resources_downloads": null, "x_future_metric": 7},
          "organization": {"id": "org1", "class": "Organization", "name": "Eurostat", "acronym": null, "uri": null,
                           "slug": "eurostat", "page": null, "logo": null, "logo_thumbnail": null, "badges": [],
                           "x_org_future": {"level": 3}},
          "owner": null,
          "temporal_coverage": {"start": "2020-01-01", "end": null},
          "spatial": {"geom": null, "zones": ["country:fr"], "granularity": "eu:nuts2"},
          "license": "lov2",
          "uri": "https://www.data.gouv.fr/api/1/datasets/quarterly-eu-statistics/",
          "page": "https://www.data.gouv.fr/fr/datasets/quarterly-eu-statistics/",
          "quality": {"score": 0.75, "license": true, "next_update_for_update_fulfilled_in_time": "2025-01-31T00:00:00+00:00"},
          "last_update": "2024-01-02T03:04:05.1234567+05:30",
          "schema": null,
          "internal": {"created_at_internal": "2024-01-02T03:04:05+00:00", "last_modified_internal": "2024-01-02T03:04:05+00:00"},
          "contact_point": null,
          "x_top_future": [1, "two", null]
        }
        """;

    private readonly EmulatorFixture _fx;

    public LosslessPolicyTests(EmulatorFixture fx)
    {
        _fx = fx;
        _fx.Reset();
        if (!_fx.Emulator.State.RawDatasets.Any(d => d.Contains(OddDatasetId, StringComparison.Ordinal)))
            _fx.Emulator.AddRawDataset(OddDataset);
    }

    [Fact]
    public async Task An_unknown_frequency_served_by_the_emulator_reads_as_Unrecognized_with_its_wire_value()
    {
        var datasets = await _fx.Client().MyOrgDatasetsAsync();

        var odd = Assert.Single(datasets, d => d.Id == OddDatasetId);
        Assert.Equal(Frequency.__Unrecognized, odd.Frequency);
        Assert.Equal("eu:quarterly", odd.FrequencyWireValue);
        Assert.All(datasets.Where(d => d.Id != OddDatasetId), d => Assert.NotEqual(Frequency.__Unrecognized, d.Frequency));
        var known = datasets.First(d => d.Id != OddDatasetId);
        Assert.Equal(known.Frequency, DataGouv.Me.Serialization.FrequencyJsonConverter.Wire.FromWire(known.FrequencyWireValue!));
    }

    [Fact]
    public async Task A_dataset_from_a_newer_server_reads_every_value_right()
    {
        var odd = Assert.Single(await _fx.Client().MyOrgDatasetsAsync(), d => d.Id == OddDatasetId);

        // Unknown properties at the top, inside a resource and inside a nested organization are kept.
        Assert.Equal(3, odd.AdditionalProperties!["x_top_future"].GetArrayLength());
        var resource = Assert.Single(odd.Resources!);
        Assert.Equal("kept", resource.AdditionalProperties!["x_resource_future"].GetString());
        Assert.Equal(3, odd.Organization!.AdditionalProperties!["x_org_future"].GetProperty("level").GetInt32());
        Assert.Equal("2025-01-01", odd.Badges![0].AdditionalProperties!["since"].GetString());
        Assert.Equal(2, resource.Checksum!.AdditionalProperties!["algo_version"].GetInt32());
        // Unknown checksum type: Unrecognized, original text kept.
        Assert.Equal(ChecksumType.__Unrecognized, resource.Checksum.Type);
        Assert.Equal("sha512", resource.Checksum.TypeWireValue);
        // Nulls in nullable slots.
        Assert.Null(odd.Acronym);
        Assert.Null(odd.Owner);
        Assert.Null(odd.Harvest);
        Assert.Null(odd.ContactPoint);
        Assert.Null(odd.Spatial!.Geom);
        // Big integers.
        Assert.Equal(long.MaxValue, resource.Filesize);
        Assert.Equal(long.MaxValue, odd.Metrics!.Views);
        Assert.Equal(9007199254740993L, resource.Metrics!.Views);
        Assert.Null(odd.Metrics.ResourcesDownloads);
        // metrics and quality are typed with the keys udata sends; any other key is kept, not lost.
        Assert.Equal(7, odd.Metrics.AdditionalProperties!["x_future_metric"].GetInt32());
        Assert.Equal(0.75, odd.Quality!.Score);
        Assert.True(odd.Quality.License);
        Assert.Equal("2025-01-31T00:00:00+00:00", odd.Quality.AdditionalProperties!["next_update_for_update_fulfilled_in_time"].GetString());
        // Dates with 0, 3, 6 and 7 fractional digits, offsets +00:00, Z, +05:30, -03:00.
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), odd.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 123, TimeSpan.Zero), odd.LastModified);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 4, 5, 6, new TimeSpan(5, 30, 0)).AddTicks(1_234_560), resource.CreatedAt);
        Assert.Equal(new TimeSpan(5, 30, 0), resource.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.FromHours(-3)).AddTicks(1_234_567), resource.LastModified);
        Assert.Equal(TimeSpan.FromHours(-3), resource.LastModified!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, new TimeSpan(5, 30, 0)).AddTicks(1_234_567), odd.LastUpdate);
    }

    [Fact]
    public async Task A_dataset_from_a_newer_server_is_written_back_equivalent()
    {
        var odd = Assert.Single(await _fx.Client().MyOrgDatasetsAsync(), d => d.Id == OddDatasetId);

        var written = JsonSerializer.Serialize(odd, MeClient.JsonOptions.GetTypeInfo(typeof(Dataset)));

        JsonAssert.Equivalent(OddDataset, written);
    }

    [Fact]
    public async Task An_unknown_reuse_topic_in_a_list_reads_as_Unrecognized_and_writes_back_its_text()
    {
        var reuses = await _fx.Client().MyOrgReusesAsync();
        var raw = reuses[0];
        var json = JsonSerializer.Serialize(reuses, MeClient.JsonOptions.GetTypeInfo(typeof(IReadOnlyList<Reuse>)));
        using var doc = JsonDocument.Parse(json);
        var edited = json.Replace("\"topic\":\"" + raw.TopicWireValue + "\"", "\"topic\":\"space_exploration\"", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);
        _fx.Emulator.Override("GET", "/me/org_reuses/", 200, edited);

        var served = await _fx.Client().MyOrgReusesAsync();

        Assert.Contains(served, r => r.Topic == ReuseTopic.__Unrecognized && r.TopicWireValue == "space_exploration");
        Assert.Contains(served, r => r.Topic != ReuseTopic.__Unrecognized);
        JsonAssert.Equivalent(edited, JsonSerializer.Serialize(served, MeClient.JsonOptions.GetTypeInfo(typeof(IReadOnlyList<Reuse>))));
    }

    [Fact]
    public void An_array_of_enums_comes_back_as_an_EnumList_that_keeps_unknown_texts()
    {
        const string json = """["health","space_exploration","transport_and_mobility","eu:topic"]""";
        var info = MeClient.JsonOptions.GetTypeInfo(typeof(IList<ReuseTopic>));

        var topics = JsonSerializer.Deserialize(json, info);

        var list = Assert.IsType<EnumList<ReuseTopic>>(topics);
        Assert.Equal([ReuseTopic.Health, ReuseTopic.__Unrecognized, ReuseTopic.TransportAndMobility, ReuseTopic.__Unrecognized], list);
        Assert.Null(list.GetRawValue(0));
        Assert.Equal("space_exploration", list.GetRawValue(1));
        Assert.Equal("eu:topic", list.GetRawValue(3));
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(topics, info));
        // Replacing an item forgets its raw text, removing one keeps the rest aligned.
        list.RemoveAt(0);
        Assert.Equal("space_exploration", list.GetRawValue(0));
        list[0] = ReuseTopic.Health;
        Assert.Null(list.GetRawValue(0));
        Assert.Equal("""["health","transport_and_mobility","eu:topic"]""", JsonSerializer.Serialize(list, info));
    }

    [Theory]
    [InlineData("\"2024-03-01T10:20:30+00:00\"")]
    [InlineData("\"2024-03-01T10:20:30.123Z\"")]
    [InlineData("\"2024-03-01T10:20:30.123456+05:30\"")]
    [InlineData("\"2024-03-01T10:20:30.1234567-03:00\"")]
    [InlineData("\"2024-03-01T10:20:30.123000+00:00\"")]
    public void A_date_time_in_any_precision_and_offset_round_trips_to_the_same_instant_and_offset(string date)
    {
        var json = "{\"created_at_internal\":" + date + ",\"last_modified_internal\":" + date + "}";
        var info = MeClient.JsonOptions.GetTypeInfo(typeof(DatasetInternals));

        var internals = (DatasetInternals)JsonSerializer.Deserialize(json, info)!;

        var expected = DateTimeOffset.Parse(date.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, internals.CreatedAtInternal);
        Assert.Equal(expected.Offset, internals.CreatedAtInternal.Offset);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(internals, info));
    }
}
