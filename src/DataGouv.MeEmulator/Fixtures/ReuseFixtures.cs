using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>Reuses in the "Reuse (read)" shape of each generation, with nested full datasets as the server sends them.</summary>
internal static class ReuseFixtures
{
    internal sealed record ReuseSeed(
        string Id, string Title, string Type, string Topic, bool OwnedByUser, bool Private, int DatasetIndex, bool HasImage);

    /// <summary>The first one belongs to the user (owner set, organization null); the others to organizations.</summary>
    internal static readonly ReuseSeed[] All =
    [
        new("6601c0ffee0ddba11cafe001", "Carte interactive des bornes de recharge", "application", "transport_and_mobility", true, true, 0, false),
        new("6601c0ffee0ddba11cafe002", "Tableau de bord de la qualité de l'eau", "visualization", "health", false, false, 1, true),
        new("6601c0ffee0ddba11cafe003", "Analyse des valeurs foncières en Gironde", "paper", "housing_and_development", false, false, 2, true),
    ];

    public static void Write(Utf8JsonWriter w, ReuseSeed reuse, UdataGeneration generation)
    {
        var v17 = generation.HasApiTokens();
        var slug = DatasetFixtures.Slugify(reuse.Title);
        var created = new DateTimeOffset(2023, 5, 12, 14, 3, 27, TimeSpan.Zero).AddTicks(4_518_230).AddDays(reuse.DatasetIndex * 41);

        w.WriteStartObject();
        w.WriteString("id", reuse.Id);
        w.WriteDate("created_at", created);
        w.WriteDate("last_modified", created.AddDays(120).AddTicks(70));
        w.WriteStartObject("metrics");
        w.WriteNumber("discussions", reuse.DatasetIndex);
        if (v17) w.WriteNumber("discussions_open", 0);
        w.WriteNumber("datasets", 1);
        w.WriteNumber("followers", 4 + reuse.DatasetIndex);
        if (v17)
        {
            w.WriteStartObject("followers_by_months");
            w.WriteEndObject();
        }
        w.WriteNumber("views", 1_250 * (reuse.DatasetIndex + 1));
        w.WriteEndObject();
        w.WriteStartArray("badges");
        w.WriteEndArray();

        if (reuse.OwnedByUser)
        {
            w.WritePropertyName("owner");
            ReferenceFixtures.WriteUser(w, ReferenceFixtures.Me);
            w.WriteNull("organization");
        }
        else
        {
            w.WriteNull("owner");
            w.WritePropertyName("organization");
            ReferenceFixtures.WriteOrganization(w, ReferenceFixtures.MyOrg);
        }

        w.WriteString("title", reuse.Title);
        w.WriteString("slug", slug);
        w.WriteString("description", $"Une réutilisation **{reuse.Type}** construite à partir des données publiques.\n\nCode source : [GitHub](https://github.com/example/{slug})");
        w.WriteString("type", reuse.Type);
        w.WriteString("url", $"https://reuses.example.org/{slug}");
        var image = reuse.HasImage ? $"https://static.data.gouv.fr/images/{reuse.Id[^6..]}/{slug}-original.png" : null;
        w.WriteStringOrNull("image", image);
        w.WriteStringOrNull("image_thumbnail", image?.Replace("-original", "-500", StringComparison.Ordinal));

        w.WriteStartArray("datasets");
        DatasetFixtures.WriteDataset(w, reuse.DatasetIndex, seed: 42, generation);
        w.WriteEndArray();
        if (v17)
        {
            w.WriteStartArray("dataservices"); // 14.0+
            w.WriteEndArray();
        }

        w.WriteStartArray("tags");
        w.WriteStringValue("open-data");
        w.WriteStringValue(reuse.Topic.Split('_')[0]);
        w.WriteEndArray();
        w.WriteString("topic", reuse.Topic);
        w.WriteBoolean("private", reuse.Private);
        w.WriteStartObject("extras");
        w.WriteEndObject();
        w.WriteBoolean("featured", false);
        w.WriteNull("deleted");
        w.WriteNull("archived");
        w.WriteString("uri", $"https://www.data.gouv.fr/api/1/reuses/{slug}/");
        w.WriteString("page", $"https://www.data.gouv.fr/fr/reuses/{slug}/");

        if (v17) WritePermissions(w); // 10.4.3+
        w.WriteEndObject();
    }

    /// <summary>udata's permission objects (10.4.3+ on datasets and reuses; 17.4+ on discussions and messages).</summary>
    internal static void WritePermissions(Utf8JsonWriter w, bool editResources = false, bool? close = null)
    {
        w.WriteStartObject("permissions");
        w.WriteBoolean("delete", true);
        w.WriteBoolean("edit", true);
        if (editResources) w.WriteBoolean("edit_resources", true);
        if (close is { } c) w.WriteBoolean("close", c);
        w.WriteEndObject();
    }
}
