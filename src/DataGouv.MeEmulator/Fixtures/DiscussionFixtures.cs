using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>
/// Discussions on the user's/org's datasets. <c>discussion</c> is a JSON array of messages (the server's swagger
/// wrongly documents a single object); an open discussion has <c>closed</c> and <c>closed_by</c> null.
/// </summary>
internal static class DiscussionFixtures
{
    internal sealed record DiscussionSeed(string Id, string Title, int DatasetIndex, bool Closed);

    // Sorted by -created, as udata's org_discussions does.
    internal static readonly DiscussionSeed[] All =
    [
        new("6702d15c0551ed0001a1b2c3", "Colonne code_insee vide pour certaines lignes", 0, false),
        new("6702d15c0551ed0001a1b2c4", "Fréquence de mise à jour ?", 1, true),
    ];

    public static void Write(Utf8JsonWriter w, DiscussionSeed item, int position)
    {
        var created = new DateTimeOffset(2024, 9, 30, 7, 41, 12, TimeSpan.Zero).AddTicks(6_120_480).AddDays(-position * 23);
        var datasetId = new FixtureRandom(42, item.DatasetIndex).ObjectId();

        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteStartObject("subject");
        w.WriteString("class", "Dataset");
        w.WriteString("id", datasetId);
        w.WriteEndObject();
        w.WriteString("class", "Discussion");
        w.WriteString("title", item.Title);
        w.WritePropertyName("user");
        ReferenceFixtures.WriteUser(w, ReferenceFixtures.Reviewer);
        w.WriteDate("created", created);

        var closed = item.Closed ? created.AddDays(2).AddTicks(5_550) : (DateTimeOffset?)null;
        w.WriteDate("closed", closed);
        if (item.Closed)
        {
            w.WritePropertyName("closed_by");
            ReferenceFixtures.WriteUser(w, ReferenceFixtures.Me);
        }
        else
        {
            w.WriteNull("closed_by");
        }

        w.WriteStartArray("discussion");
        WriteMessage(w, item.Id, 0, "Bonjour, plusieurs lignes du fichier principal ont une valeur manquante. Est-ce normal ?", ReferenceFixtures.Reviewer, created);
        WriteMessage(w, item.Id, 1, "Merci du signalement, c'est corrigé dans la prochaine publication.", ReferenceFixtures.Me, created.AddHours(20).AddTicks(1_230));
        if (item.Closed)
            WriteMessage(w, item.Id, 2, "Parfait, merci !", ReferenceFixtures.Reviewer, created.AddDays(2));
        w.WriteEndArray();

        w.WriteString("url", $"https://www.data.gouv.fr/api/1/discussions/{item.Id}/");
        w.WriteStartObject("extras");
        w.WriteEndObject();
        w.WriteStartObject("spam");
        w.WriteString("status", "no_spam");
        w.WriteEndObject();

        // Not in the spec (udata 10+): unknown properties must be ignored.
        w.WriteStartObject("permissions");
        w.WriteBoolean("close", true);
        w.WriteBoolean("delete", false);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, string discussionId, int n, string content, ReferenceFixtures.Person author, DateTimeOffset postedOn)
    {
        w.WriteStartObject();
        // "id" is not in the spec's DiscussionMessage (later udata versions send it).
        w.WriteString("id", $"{discussionId[..20]}{n:x4}");
        w.WriteString("content", content);
        w.WritePropertyName("posted_by");
        ReferenceFixtures.WriteUser(w, author);
        w.WriteDate("posted_on", postedOn);
        w.WriteStartObject("spam");
        w.WriteString("status", n == 0 ? "not_checked" : "no_spam");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
