using System.Text.Json;
using DataGouv.MeEmulator.Infrastructure;

namespace DataGouv.MeEmulator.Fixtures;

/// <summary>The Me profile (in the field set of the emulated generation) and MyMetrics (the same on both), built from the live <see cref="EmulatorState"/>.</summary>
internal static class ProfileJson
{
    public static byte[] Me(EmulatorState s)
    {
        lock (s.Sync)
        {
            var v17 = s.Generation.HasApiTokens();
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
                if (!s.IsDeleted)
                {
                    ReferenceFixtures.WriteOrganization(w, ReferenceFixtures.MyOrg);
                    if (s.JoinedOrganizationIds.Contains(ReferenceFixtures.OtherOrg.Id)) ReferenceFixtures.WriteOrganization(w, ReferenceFixtures.OtherOrg);
                }
                w.WriteEndArray();
                w.WriteDate("since", UserIdentity.Since);
                w.WriteString("page", $"https://www.data.gouv.fr/fr/users/{s.Slug}/");
                w.WriteString("uri", $"https://www.data.gouv.fr/api/1/users/{s.Slug}/");
                w.WriteStartObject("metrics");
                w.WriteNumber("datasets", 2);
                w.WriteNumber("reuses", 1);
                if (v17) w.WriteNumber("dataservices", 0); // udata 17.2+
                w.WriteNumber("following", 5);
                w.WriteNumber("followers", 3);
                w.WriteEndObject();
                if (v17)
                {
                    // No apikey from 16.0 (tokens are never shown again); last_login_at from 10.1.3, password rotation from 17.2.
                    w.WriteDate("last_login_at", UserIdentity.LastLoginAt);
                    w.WriteNull("password_rotation_demanded");
                    w.WriteNull("password_rotation_performed");
                }
                else
                {
                    w.WriteStringOrNull("apikey", string.IsNullOrEmpty(s.ApiKey) ? null : s.ApiKey);
                }
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
        w.WriteEndObject();
    });
}
