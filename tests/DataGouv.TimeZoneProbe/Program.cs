using System.Globalization;
using DataGouv.Me;

// usage: DataGouv.TimeZoneProbe <base-url> <api-key>
// Prints what this process's time zone does to "2015-01-01" and what the generated client reads from the server's
// temporal coverages, one "key=value" per line, for the parent test to assert on.
var paris2015 = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
Console.WriteLine($"tz={TimeZoneInfo.Local.Id}");
Console.WriteLine($"offset={TimeZoneInfo.Local.GetUtcOffset(paris2015)}");
// What a client reading the coverage as a DateTimeOffset (the old spec's date-time) would get, in UTC.
Console.WriteLine($"naive={DateTimeOffset.Parse("2015-01-01", CultureInfo.InvariantCulture).UtcDateTime:yyyy-MM-dd}");

using var http = new HttpClient();
var client = new MeClient(http, new MeClientOptions { BaseAddress = new Uri(args[0]), ApiKey = args[1] });
foreach (var dataset in await client.MyOrgDatasetsAsync())
{
    if (dataset.TemporalCoverage is { } coverage)
        Console.WriteLine($"start={dataset.Id}:{coverage.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
}
