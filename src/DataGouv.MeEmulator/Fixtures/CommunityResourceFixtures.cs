using System.Text.Json;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>CommunityResource = a Resource plus dataset/organization/owner references (and permissions on 17.6).</summary>
internal static class CommunityResourceFixtures
{
    internal sealed record CommunitySeed(int Index, string Title, bool ByOrganization);

    internal static readonly CommunitySeed[] All =
    [
        new(0, "Version nettoyée au format Parquet", false),
        new(1, "Extraction géolocalisée (GeoJSON)", true),
    ];

    public static void Write(Utf8JsonWriter w, CommunitySeed item, UdataGeneration generation)
    {
        var rng = new FixtureRandom(77, item.Index);
        var datasetTitle = DatasetFixtures.TitleFor(item.Index, 42);
        var datasetSlug = DatasetFixtures.Slugify(datasetTitle) + "-" + item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = new DateTimeOffset(2024, 2, 14, 16, 45, 10, TimeSpan.Zero).AddTicks(3_300_000).AddDays(item.Index * 17);

        w.WriteStartObject();
        ResourceFixtures.WriteProperties(w, rng, slot: item.Index == 0 ? 0 : 2, datasetSlug, created, item.Title);
        w.WritePropertyName("dataset");
        ReferenceFixtures.WriteDataset(w, new FixtureRandom(42, item.Index).ObjectId(), datasetTitle, null, datasetSlug);
        if (item.ByOrganization)
        {
            w.WritePropertyName("organization");
            ReferenceFixtures.WriteOrganization(w, ReferenceFixtures.MyOrg);
            w.WriteNull("owner");
        }
        else
        {
            w.WriteNull("organization");
            w.WritePropertyName("owner");
            ReferenceFixtures.WriteUser(w, ReferenceFixtures.Me);
        }
        if (generation.HasApiTokens()) ReuseFixtures.WritePermissions(w);
        w.WriteEndObject();
    }
}
