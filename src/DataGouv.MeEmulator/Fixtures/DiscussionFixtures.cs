using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>
/// Discussions on the user's/org's datasets, as org_discussions lists them: open ones only (udata's
/// <c>discussions_for(user, only_open=True)</c>), so <c>closed</c> and <c>closed_by</c> are always null.
/// <c>discussion</c> is a JSON array of messages (9.2.4's swagger wrongly documents a single object).
/// 9.2.4 sends <c>class</c> and <c>spam</c>; 17.6's "Discussion (read)" sends neither but adds organizations,
/// permissions, <c>self_web_url</c> and message ids.
/// </summary>
internal static class DiscussionFixtures
{
    internal sealed record DiscussionSeed(string Id, string Title, int DatasetIndex, int Replies);

    // Sorted by -created, as udata's org_discussions does.
    internal static readonly DiscussionSeed[] All =
    [
        new("6702d15c0551ed0001a1b2c3", "Colonne code_insee vide pour certaines lignes", 0, 1),
        new("6702d15c0551ed0001a1b2c4", "Fréquence de mise à jour ?", 1, 2),
    ];

    public static void Write(Utf8JsonWriter w, DiscussionSeed item, int position, UdataGeneration generation)
    {
        var v17 = generation.HasApiTokens();
        var created = new DateTimeOffset(2024, 9, 30, 7, 41, 12, TimeSpan.Zero).AddTicks(6_120_480).AddDays(-position * 23);
        var datasetId = new FixtureRandom(42, item.DatasetIndex).ObjectId();

        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteStartObject("subject");
        w.WriteString("class", "Dataset");
        w.WriteString("id", datasetId);
        w.WriteEndObject();
        if (!v17) w.WriteString("class", "Discussion");
        w.WriteString("title", item.Title);
        w.WritePropertyName("user");
        ReferenceFixtures.WriteUser(w, ReferenceFixtures.Reviewer);
        if (v17) w.WriteNull("organization");
        w.WriteDate("created", created);
        w.WriteNull("closed");
        w.WriteNull("closed_by");
        if (v17) w.WriteNull("closed_by_organization");

        w.WriteStartArray("discussion");
        WriteMessage(w, item.Id, 0, "Bonjour, plusieurs lignes du fichier principal ont une valeur manquante. Est-ce normal ?", ReferenceFixtures.Reviewer, created, v17);
        if (item.Replies >= 1)
            WriteMessage(w, item.Id, 1, "Merci du signalement, c'est corrigé dans la prochaine publication.", ReferenceFixtures.Me, created.AddHours(20).AddTicks(1_230), v17);
        if (item.Replies >= 2)
            WriteMessage(w, item.Id, 2, "Parfait, merci !", ReferenceFixtures.Reviewer, created.AddDays(2), v17);
        w.WriteEndArray();

        w.WriteString("url", $"https://www.data.gouv.fr/api/1/discussions/{item.Id}/");
        w.WriteStartObject("extras");
        w.WriteEndObject();
        if (v17)
        {
            w.WriteString("self_web_url", $"https://www.data.gouv.fr/datasets/{datasetId}/discussions?discussion_id={item.Id}");
            ReuseFixtures.WritePermissions(w, close: true);
        }
        else
        {
            w.WriteStartObject("spam");
            w.WriteString("status", "no_spam");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, string discussionId, int n, string content, ReferenceFixtures.Person author, DateTimeOffset postedOn, bool v17)
    {
        w.WriteStartObject();
        if (v17) w.WriteString("id", $"{discussionId[..8]}-{discussionId[8..12]}-4{discussionId[13..16]}-a{discussionId[17..20]}-{n:x12}");
        w.WriteString("content", content);
        w.WritePropertyName("posted_by");
        ReferenceFixtures.WriteUser(w, author);
        w.WriteDate("posted_on", postedOn);
        if (v17)
        {
            w.WriteNull("posted_by_organization");
            w.WriteNull("last_modified_at");
            ReuseFixtures.WritePermissions(w);
        }
        else
        {
            // 9.2.4: spam is always an object, but its status is null on messages never re-saved since spam detection came.
            w.WriteStartObject("spam");
            if (n == 0) w.WriteNull("status");
            else w.WriteString("status", n == 1 ? "not_checked" : "no_spam");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
