using System.Text.Json;
using DataGouv.MeEmulator.Fixtures;
using DataGouv.MeEmulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataGouv.MeEmulator.Endpoints;

/// <summary>
/// The read-only listings. None is paginated: each answers a plain JSON array (metrics: one object).
/// The org_* ones honour <c>q</c> as udata does: a case-insensitive substring of <c>title</c>.
/// </summary>
internal static class ListEndpoints
{
    /// <summary>Seed of the org_datasets fixtures (the /me/datasets/ ones use another seed so ids differ).</summary>
    internal const int OrgSeed = 42;
    private const int MySeed = 7;
    private const int MyDatasetCount = 2;

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet(Routes.Datasets, ctx => Array(ctx, w =>
        {
            for (var i = 0; i < MyDatasetCount; i++) DatasetFixtures.WriteDataset(w, i, MySeed, ownedByUser: true, state.Generation);
            WriteRaw(w, state, q: null);
        }));

        app.MapGet(Routes.OrgDatasets, ctx =>
        {
            var q = Query(ctx);
            int count;
            lock (state.Sync) { count = state.OrgDatasetCount; }
            return Array(ctx, w =>
            {
                for (var i = 0; i < count; i++)
                    if (Matches(DatasetFixtures.TitleFor(i, OrgSeed), q)) DatasetFixtures.WriteDataset(w, i, OrgSeed, state.Generation);
                WriteRaw(w, state, q);
            });
        });

        app.MapGet(Routes.Reuses, ctx => Array(ctx, w =>
        {
            foreach (var r in ReuseFixtures.All)
                if (r.OwnedByUser) ReuseFixtures.Write(w, r, state.Generation);
        }));

        app.MapGet(Routes.OrgReuses, ctx =>
        {
            var q = Query(ctx);
            return Array(ctx, w =>
            {
                foreach (var r in ReuseFixtures.All)
                    if (Matches(r.Title, q)) ReuseFixtures.Write(w, r, state.Generation);
            });
        });

        app.MapGet(Routes.OrgCommunityResources, ctx =>
        {
            var q = Query(ctx);
            return Array(ctx, w =>
            {
                foreach (var c in CommunityResourceFixtures.All)
                    if (Matches(c.Title, q)) CommunityResourceFixtures.Write(w, c, state.Generation);
            });
        });

        app.MapGet(Routes.OrgDiscussions, ctx =>
        {
            var q = Query(ctx);
            return Array(ctx, w =>
            {
                for (var i = 0; i < DiscussionFixtures.All.Length; i++)
                    if (Matches(DiscussionFixtures.All[i].Title, q)) DiscussionFixtures.Write(w, DiscussionFixtures.All[i], i, state.Generation);
            });
        });

        app.MapGet(Routes.Metrics, ctx =>
        {
            int count;
            lock (state.Sync) { count = state.OrgDatasetCount; }
            return JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, ProfileJson.Metrics(state, count));
        });
    }

    private static Task Array(HttpContext ctx, Action<Utf8JsonWriter> items) =>
        JsonOut.WriteMarshalledAsync(ctx, StatusCodes.Status200OK, JsonOut.Build(w =>
        {
            w.WriteStartArray();
            items(w);
            w.WriteEndArray();
        }));

    private static string? Query(HttpContext ctx) =>
        ctx.Request.Query.TryGetValue("q", out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    private static bool Matches(string title, string? q) =>
        q is null || title.Contains(q, StringComparison.OrdinalIgnoreCase);

    /// <summary>Test-injected datasets are written verbatim (they may hold values the spec does not know).</summary>
    private static void WriteRaw(Utf8JsonWriter w, EmulatorState state, string? q)
    {
        foreach (var json in state.RawDatasets)
        {
            if (q is not null)
            {
                using var doc = JsonDocument.Parse(json);
                var title = doc.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (title is null || !Matches(title, q)) continue;
            }
            w.WriteRawValue(json);
        }
    }
}
