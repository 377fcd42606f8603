using System.Text;
using System.Text.Json;
using DataGouv.MeEmulator.Fixtures;
using DataGouv.MeEmulator.Infrastructure;

// In the root namespace on purpose: it is part of the public contract (tests build expected payloads with it).
namespace DataGouv.MeEmulator;

/// <summary>
/// Deterministic, realistic datasets in the shape <c>GET /me/org_datasets/</c> really returns with the default mask, in
/// the field set of each generation (9.2.4: no <c>featured</c>, a single <c>contact_point</c>; 17.6: <c>featured</c>,
/// <c>contact_points</c>, access type, permissions). The same (index, seed, generation) always gives the same bytes.
/// </summary>
public static class DatasetFixtures
{
    private static readonly string[] Subjects =
    [
        "Base adresse nationale", "Liste des gares ferroviaires", "Qualité de l'eau potable",
        "Bornes de recharge pour véhicules électriques", "Prix des carburants", "Accidents corporels de la circulation",
        "Demandes de valeurs foncières", "Arbres remarquables", "Horaires des bibliothèques", "Pistes cyclables",
        "Consommation électrique par commune", "Établissements scolaires",
    ];

    private static readonly (string Name, string Zone)[] Places =
    [
        ("Gironde", "fr:departement:33"), ("Rhône", "fr:departement:69"), ("Bretagne", "fr:region:53"),
        ("Occitanie", "fr:region:76"), ("Paris", "fr:commune:75056"), ("France entière", "country:fr"),
    ];

    /// <summary>Values each generation really sends: 9.2.4 still has fourTimesADay; 12.0+ has the EU ones instead.</summary>
    private static readonly string[] FrequenciesV9 =
        ["daily", "weekly", "monthly", "quarterly", "annual", "irregular", "punctual", "unknown", "semiannual", "fourTimesADay"];
    private static readonly string[] FrequenciesV17 =
        ["daily", "weekly", "monthly", "quarterly", "annual", "irregular", "severalTimesADay", "notPlanned", "fiveMinutes", "continuous"];

    private static readonly string[] Licenses = ["lov2", "fr-lo", "odc-odbl", "cc-by", "notspecified"];
    private static readonly string[] Tags = ["transport", "mobilite", "environnement", "energie", "logement", "sante", "education", "budget", "open-data", "geographie"];
    private static readonly string[] BadgeKinds = ["hvd", "spd", "inspire"];

    private static readonly DateTimeOffset Epoch = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A JSON array of <paramref name="count"/> datasets (indexes 0..count-1).</summary>
    public static string CreateDatasetArrayJson(int count, int seed = 42, UdataGeneration generation = UdataGeneration.V9_2)
    {
        var bytes = JsonOut.Build(w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < count; i++) WriteDataset(w, i, seed, generation);
            w.WriteEndArray();
        });
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Writes one dataset object. Every fourth dataset is owned by the connected user (organization null), the others by
    /// their organization (owner null), which is the null pattern clients meet on org_datasets.
    /// </summary>
    public static void WriteDataset(Utf8JsonWriter w, int index, int seed, UdataGeneration generation = UdataGeneration.V9_2) =>
        WriteDataset(w, index, seed, ownedByUser: index % 4 == 3, generation);

    /// <summary>The title of dataset <paramref name="index"/>, without writing it (used by the <c>q</c> filter).</summary>
    public static string TitleFor(int index, int seed)
    {
        var (subject, place) = Choose(index, seed);
        return $"{subject} – {place.Name} ({2015 + (index % 10)})";
    }

    /// <summary>Subject and place come from their own random stream so the title is cheap to compute alone.</summary>
    private static (string Subject, (string Name, string Zone) Place) Choose(int index, int seed)
    {
        var rng = new FixtureRandom(seed, index, salt: 1);
        var subject = rng.Pick(Subjects);
        return (subject, rng.Pick(Places));
    }

    internal static void WriteDataset(Utf8JsonWriter w, int index, int seed, bool ownedByUser, UdataGeneration generation)
    {
        var v17 = generation.HasApiTokens();
        var rng = new FixtureRandom(seed, index);
        var title = TitleFor(index, seed);
        var place = Choose(index, seed).Place;
        var slug = Slugify(title) + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = rng.ObjectId();

        // org_datasets is sorted by -last_modified on udata: later indexes are older.
        var lastModified = new DateTimeOffset(2024, 10, 20, 9, 0, 0, TimeSpan.Zero).AddHours(-37 * index).AddTicks(rng.Next(1, 1_000_000) * 10L);
        var created = rng.Date(Epoch, 1500);
        if (created > lastModified) created = lastModified.AddDays(-30);

        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("title", title);
        w.WriteStringOrNull("acronym", rng.Chance(30) ? "BD" + (char)('A' + index % 26) : null);
        w.WriteString("slug", slug);
        w.WriteString("description",
            $"## Présentation\n\nDonnées *{place.Name}*, mises à jour selon la fréquence indiquée.\n\n- **Source** : producteur public");
        if (v17) w.WriteStringOrNull("description_short", index % 2 == 0 ? $"Données {place.Name}" : null); // 10.8.3+
        w.WriteDate("created_at", created);
        w.WriteDate("last_modified", lastModified);
        w.WriteNull("deleted");
        w.WriteBoolean("private", index % 7 == 6);
        if (v17) w.WriteBoolean("featured", index == 0); // in the default mask from 10.4; 9.2.4 leaves it out

        w.WriteStartArray("tags");
        var firstTag = rng.Next(Tags.Length);
        for (var t = 0; t < 3; t++) w.WriteStringValue(Tags[(firstTag + t * 3) % Tags.Length]);
        w.WriteEndArray();

        w.WriteStartArray("badges");
        if (rng.Chance(40))
        {
            w.WriteStartObject();
            w.WriteString("kind", rng.Pick(BadgeKinds));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("resources");
        var resourceCount = index % 3 == 1 ? 3 : 2;
        for (var r = 0; r < resourceCount; r++)
        {
            w.WriteStartObject();
            ResourceFixtures.WriteProperties(w, rng, r, slug, created.AddDays(r));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var frequency = rng.Pick(v17 ? FrequenciesV17 : FrequenciesV9);
        w.WriteString("frequency", frequency);
        w.WriteDate("frequency_date", frequency is "daily" or "weekly" or "monthly" or "quarterly" or "annual" ? lastModified.AddDays(90) : null);

        w.WriteStartObject("extras");
        if (index % 3 == 0) w.WriteString("datagouv:source", "api");
        w.WriteEndObject();

        // Harvested datasets carry metadata; udata drops null keys inside it (skip_none), so only some keys appear.
        if (index % 4 == 1)
        {
            // 9.2.4 on data.gouv.fr ran udata-ckan, whose harvested datasets carry ckan_name/ckan_source (dropped in 10.8.2);
            // 11.1+ adds issued_at.
            var ckan = !v17 && index % 8 == 1;
            w.WriteStartObject("harvest");
            w.WriteString("backend", ckan ? "CKAN" : "DCAT");
            w.WriteString("source_id", rng.ObjectId());
            w.WriteString("remote_id", rng.Uuid());
            w.WriteString("domain", ckan ? "ckan.example.gouv.fr" : "geo.example.gouv.fr");
            w.WriteDate("last_update", lastModified.AddHours(-2));
            w.WriteString("remote_url", $"https://geo.example.gouv.fr/catalogue/{slug}");
            if (ckan)
            {
                w.WriteString("ckan_name", slug);
                w.WriteString("ckan_source", "https://ckan.example.gouv.fr");
            }
            if (v17) w.WriteDate("issued_at", created);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("harvest");
        }

        w.WriteStartObject("metrics");
        w.WriteNumber("discussions", rng.Next(0, 12));
        if (v17) w.WriteNumber("discussions_open", rng.Next(0, 3));
        w.WriteNumber("reuses", rng.Next(0, 8));
        if (v17)
        {
            w.WriteStartObject("reuses_by_months");
            w.WriteNumber("2026-07", rng.Next(0, 3));
            w.WriteEndObject();
            w.WriteNumber("dataservices", 0);
        }
        w.WriteNumber("followers", rng.Next(0, 60));
        if (v17)
        {
            w.WriteStartObject("followers_by_months");
            w.WriteNumber("2026-07", rng.Next(0, 5));
            w.WriteEndObject();
        }
        w.WriteNumber("views", rng.Next(10, 20_000));
        w.WriteNumber("resources_downloads", rng.Next(0, 50_000));
        w.WriteEndObject();

        if (ownedByUser)
        {
            w.WriteNull("organization");
            w.WritePropertyName("owner");
            ReferenceFixtures.WriteUser(w, ReferenceFixtures.Me);
        }
        else
        {
            w.WritePropertyName("organization");
            ReferenceFixtures.WriteOrganization(w, index % 5 == 4 ? ReferenceFixtures.OtherOrg : ReferenceFixtures.MyOrg);
            w.WriteNull("owner");
        }

        w.WriteNull("schema");

        if (index % 3 == 2)
        {
            w.WriteNull("temporal_coverage");
        }
        else
        {
            // Plain dates on both generations: udata stores date values and ISODateTime sends date.isoformat().
            // 17.6 no longer requires an end: an open-ended coverage sends null.
            var startYear = 2015 + (index % 10);
            w.WriteStartObject("temporal_coverage");
            w.WritePlainDate("start", new DateOnly(startYear, 1, 1));
            w.WritePlainDate("end", v17 && index % 3 == 1 ? null : new DateOnly(startYear, 12, 31));
            w.WriteEndObject();
        }

        WriteSpatial(w, index, place);

        w.WriteString("license", rng.Pick(Licenses));
        if (v17)
        {
            // 14.0+: access type; restricted datasets name their audience and where to ask.
            var restricted = index % 5 == 1;
            w.WriteString("access_type", restricted ? "restricted" : "open");
            w.WriteStartArray("access_audiences");
            if (restricted)
            {
                w.WriteStartObject();
                w.WriteString("role", "administration");
                w.WriteString("condition", "must_request");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStringOrNull("authorization_request_url", restricted ? $"https://acces.example.gouv.fr/{slug}" : null);
            w.WriteStringOrNull("access_type_reason_category", restricted ? "personal_data" : null);
            w.WriteStringOrNull("access_type_reason", restricted ? "Données à caractère personnel" : null);
        }
        w.WriteString("uri", $"https://www.data.gouv.fr/api/1/datasets/{slug}/");
        w.WriteString("page", $"https://www.data.gouv.fr/fr/datasets/{slug}/");
        w.WriteDate("last_update", lastModified.AddMinutes(-rng.Next(1, 600)));
        w.WriteNull("archived");

        w.WriteStartObject("quality");
        w.WriteBoolean("license", true);
        w.WriteBoolean("temporal_coverage", index % 3 != 2);
        w.WriteBoolean("update_frequency", true);
        w.WriteBoolean("all_resources_available", rng.Chance(80));
        w.WriteNumber("score", Math.Round(0.5 + rng.Next(0, 50) / 100.0, 2));
        w.WriteEndObject();

        w.WriteStartObject("internal");
        w.WriteDate("created_at_internal", created);
        w.WriteDate("last_modified_internal", lastModified);
        w.WriteEndObject();

        var contactId = rng.ObjectId();
        if (v17)
        {
            // 10.1+: a list of contact points, each with its role and an optional contact form.
            w.WriteStartArray("contact_points");
            if (index % 2 == 0)
            {
                w.WriteStartObject();
                w.WriteString("id", contactId);
                w.WriteString("name", "Service des données ouvertes");
                w.WriteStringOrNull("email", index % 4 == 0 ? "opendata@example.gouv.fr" : null);
                w.WriteStringOrNull("contact_form", index % 4 == 0 ? null : "https://contact.example.gouv.fr/");
                w.WriteString("role", "contact");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            ReuseFixtures.WritePermissions(w, editResources: true); // 10.4.3+
        }
        else if (index % 2 == 0)
        {
            w.WriteStartObject("contact_point");
            w.WriteString("id", contactId);
            w.WriteString("name", "Service des données ouvertes");
            w.WriteString("email", "opendata@example.gouv.fr");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("contact_point");
        }
        w.WriteEndObject();
    }

    private static void WriteSpatial(Utf8JsonWriter w, int index, (string Name, string Zone) place)
    {
        if (index % 6 == 5)
        {
            w.WriteNull("spatial");
            return;
        }

        w.WriteStartObject("spatial");
        if (index % 5 == 2)
        {
            // A small MultiPolygon so GeoJson coordinates (nested arrays) get exercised.
            w.WriteStartObject("geom");
            w.WriteString("type", "MultiPolygon");
            w.WriteStartArray("coordinates");
            w.WriteStartArray();
            w.WriteStartArray();
            foreach (var (x, y) in new[] { (-0.64, 44.81), (-0.52, 44.81), (-0.52, 44.88), (-0.64, 44.88), (-0.64, 44.81) })
            {
                w.WriteStartArray();
                w.WriteNumberValue(x);
                w.WriteNumberValue(y);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("geom");
        }
        w.WriteStartArray("zones");
        w.WriteStringValue(place.Zone);
        w.WriteEndArray();
        w.WriteString("granularity", place.Zone.StartsWith("country", StringComparison.Ordinal) ? "country"
            : place.Zone[..place.Zone.LastIndexOf(':')]);
        w.WriteEndObject();
    }

    internal static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var c in normalized)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }
}
