using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>The Me profile and MyMetrics objects, built from the live <see cref="EmulatorState"/>.</summary>
internal static class ProfileJson
{
    public static byte[] Me(EmulatorState s)
    {
        lock (s.Sync)
        {
            return JsonOut.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("slug", s.Slug);
                w.WriteString("first_name", s.FirstName);
                w.WriteString("last_name", s.LastName);
                // fields.Raw in the server's swagger ("object"), but the value is a string (or null).
                w.WriteStringOrNull("email", s.Email);
                w.WriteStringOrNull("avatar", s.Avatar);
                w.WriteStringOrNull("avatar_thumbnail", s.AvatarThumbnail);
                w.WriteStringOrNull("website", s.Website);
                w.WriteStringOrNull("about", s.About);
                w.WriteStartArray("roles");
                w.WriteEndArray();
                w.WriteBoolean("active", s.Active);
                w.WriteStartArray("organizations");
                if (!s.IsDeleted) ReferenceFixtures.WriteOrganization(w, ReferenceFixtures.MyOrg);
                w.WriteEndArray();
                w.WriteDate("since", UserIdentity.Since);
                w.WriteString("page", $"https://www.data.gouv.fr/fr/users/{s.Slug}/");
                w.WriteString("uri", $"https://www.data.gouv.fr/api/1/users/{s.Slug}/");
                w.WriteStartObject("metrics");
                w.WriteNumber("datasets", 2);
                w.WriteNumber("reuses", 1);
                w.WriteNumber("following", 5);
                w.WriteNumber("followers", 3);
                w.WriteEndObject();
                w.WriteStringOrNull("apikey", string.IsNullOrEmpty(s.ApiKey) ? null : s.ApiKey);
                // Not in the spec (udata 10+ sends it): clients must ignore unknown properties.
                w.WriteDate("last_login_at", UserIdentity.LastLoginAt);
                w.WriteEndObject();
            });
        }
    }

    /// <summary>GET /me/metrics/ answers ONE object, although the server's swagger says "array of MyMetrics".</summary>
    public static byte[] Metrics(EmulatorState s, int orgDatasetCount) => JsonOut.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteNumber("resources_availability", 87.5);
        w.WriteNumber("datasets_org_count", orgDatasetCount);
        w.WriteNumber("followers_org_count", 214);
        w.WriteNumber("datasets_count", 2);
        w.WriteNumber("followers_count", 3);
        // Not in the spec: unknown properties must be ignored.
        w.WriteNumber("reuses_count", 1);
        w.WriteEndObject();
    });
}
