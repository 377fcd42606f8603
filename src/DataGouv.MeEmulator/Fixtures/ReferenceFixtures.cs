using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>Writers for the reference objects (OrganizationReference, UserReference, DatasetReference) udata nests everywhere.</summary>
internal static class ReferenceFixtures
{
    public sealed record Org(string Id, string Name, string? Acronym, string Slug, string? Logo, string[] Badges);
    public sealed record Person(string Id, string FirstName, string LastName, string Slug, string? Avatar);

    /// <summary>The organization the connected user belongs to (also the producer of most fixture datasets).</summary>
    public static readonly Org MyOrg = new(
        "534fff81a3a7292c64a77e5c",
        "Direction interministérielle du numérique",
        "DINUM",
        "direction-interministerielle-du-numerique",
        "https://static.data.gouv.fr/avatars/1e/a3c5e9f0-original.png",
        ["public-service", "certified"]);

    /// <summary>A second organization without acronym or logo, so clients meet nulls inside references too.</summary>
    public static readonly Org OtherOrg = new(
        "5b7ffc618b4c4169d30727e0",
        "Communauté urbaine de Montreuil-sur-Loire",
        null,
        "communaute-urbaine-de-montreuil-sur-loire",
        null,
        []);

    public static readonly Person Me = new(UserIdentity.Id, UserIdentity.FirstName, UserIdentity.LastName, UserIdentity.Slug, null);

    public static readonly Person Reviewer = new(
        "5c4ae55a634f4117716d5656", "Jean-Baptiste", "Lefèvre", "jean-baptiste-lefevre",
        "https://static.data.gouv.fr/avatars/7f/2b9d1c0e-original.jpg");

    public static void WriteOrganization(Utf8JsonWriter w, Org org)
    {
        w.WriteStartObject();
        w.WriteString("class", "Organization");
        w.WriteString("id", org.Id);
        w.WriteString("name", org.Name);
        w.WriteStringOrNull("acronym", org.Acronym);
        w.WriteString("uri", $"https://www.data.gouv.fr/api/1/organizations/{org.Slug}/");
        w.WriteString("slug", org.Slug);
        w.WriteString("page", $"https://www.data.gouv.fr/fr/organizations/{org.Slug}/");
        w.WriteStringOrNull("logo", org.Logo);
        w.WriteStringOrNull("logo_thumbnail", org.Logo?.Replace("-original", "-100", StringComparison.Ordinal));
        w.WriteStartArray("badges");
        foreach (var kind in org.Badges)
        {
            w.WriteStartObject();
            w.WriteString("kind", kind);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteUser(Utf8JsonWriter w, Person user)
    {
        w.WriteStartObject();
        w.WriteString("class", "User");
        w.WriteString("id", user.Id);
        w.WriteString("first_name", user.FirstName);
        w.WriteString("last_name", user.LastName);
        w.WriteString("slug", user.Slug);
        w.WriteString("page", $"https://www.data.gouv.fr/fr/users/{user.Slug}/");
        w.WriteString("uri", $"https://www.data.gouv.fr/api/1/users/{user.Slug}/");
        w.WriteStringOrNull("avatar", user.Avatar);
        w.WriteStringOrNull("avatar_thumbnail", user.Avatar?.Replace("-original", "-500", StringComparison.Ordinal));
        w.WriteEndObject();
    }

    public static void WriteDataset(Utf8JsonWriter w, string id, string title, string? acronym, string slug)
    {
        w.WriteStartObject();
        w.WriteString("class", "Dataset");
        w.WriteString("id", id);
        w.WriteString("title", title);
        w.WriteStringOrNull("acronym", acronym);
        w.WriteString("uri", $"https://www.data.gouv.fr/api/1/datasets/{slug}/");
        w.WriteString("page", $"https://www.data.gouv.fr/fr/datasets/{slug}/");
        w.WriteEndObject();
    }
}
