using DataGouv.Generator.Model;
using DataGouv.Generator.Parsing;
using DataGouv.Generator.Tests.Infrastructure;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>The /me enums carry exactly the values udata's source defines (ground truth §5 and §11, both generations).</summary>
public class MeEnumTests
{
    private static SpecModel Model()
    {
        var spec = GeneratorHarness.MeSpec();
        return SpecParser.Parse(spec.Path, spec.Text, new GeneratorOptions("DataGouv.Me", "MeClient", false, false), default, CancellationToken.None);
    }

    private static string[] Values(string name) => Model().Types.Single(t => t.Name == name).EnumMembers.Select(m => m.WireValue).ToArray();

    /// <summary>udata 9.2.4's UPDATE_FREQUENCIES, in order.</summary>
    private static readonly string[] FrequenciesV9 =
        ["unknown", "punctual", "continuous", "hourly", "fourTimesADay", "threeTimesADay", "semidaily", "daily", "fourTimesAWeek", "threeTimesAWeek",
         "semiweekly", "weekly", "biweekly", "threeTimesAMonth", "semimonthly", "monthly", "bimonthly", "quarterly", "threeTimesAYear", "semiannual",
         "annual", "biennial", "triennial", "quinquennial", "irregular"];

    /// <summary>udata 12.0.0+'s UpdateFrequency (the same through 17.6).</summary>
    private static readonly string[] FrequenciesV17 =
        ["continuous", "oneMinute", "fiveMinutes", "tenMinutes", "fifteenMinutes", "thirtyMinutes", "hourly", "bihourly", "trihourly", "twelveHours",
         "severalTimesADay", "threeTimesADay", "semidaily", "daily", "fiveTimesAWeek", "threeTimesAWeek", "semiweekly", "weekly", "biweekly",
         "threeTimesAMonth", "semimonthly", "monthly", "bimonthly", "quarterly", "threeTimesAYear", "semiannual", "annual", "biennial", "triennial",
         "quadrennial", "quinquennial", "decennial", "bidecennial", "tridecennial", "punctual", "irregular", "never", "notPlanned", "other", "unknown"];

    [Fact]
    public void Frequency_has_the_42_values_of_both_udata_generations()
    {
        var values = Values("Frequency");

        Assert.Equal(25, FrequenciesV9.Length);
        Assert.Equal(40, FrequenciesV17.Length);
        Assert.Equal(FrequenciesV9.Union(FrequenciesV17).OrderBy(v => v, StringComparer.Ordinal), values.OrderBy(v => v, StringComparer.Ordinal));
        Assert.Equal(42, values.Length);
        Assert.Contains(Model().Types.Single(t => t.Name == "Frequency").EnumMembers, m => m.Name == "FourTimesADay");
        Assert.Contains(Model().Types.Single(t => t.Name == "Frequency").EnumMembers, m => m.Name == "NotPlanned");
    }

    [Fact]
    public void ReuseTopic_has_the_15_udata_values()
    {
        Assert.Equal(
            ["health", "transport_and_mobility", "housing_and_development", "food_and_agriculture", "culture_and_recreation", "economy_and_business",
             "environment_and_energy", "work_and_training", "politics_and_public_life", "safety_and_security", "education_and_research",
             "society_and_demography", "law_and_justice", "open_data_tools", "others"],
            Values("ReuseTopic"));
    }

    [Fact]
    public void ReuseType_has_the_8_udata_values()
    {
        Assert.Equal(["api", "application", "idea", "news_article", "paper", "post", "visualization", "hardware"], Values("ReuseType"));
        Assert.Contains(Model().Types.Single(t => t.Name == "ReuseType").EnumMembers, m => m.Name == "NewsArticle");
    }

    [Fact]
    public void Other_enums_match_the_ground_truth()
    {
        Assert.Equal(["main", "documentation", "update", "api", "code", "other"], Values("ResourceType"));
        Assert.Equal(["file", "remote"], Values("ResourceFileType"));
        Assert.Equal(["sha1", "sha2", "sha256", "md5", "crc"], Values("ChecksumType"));
        Assert.Equal(["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"], Values("GeoJsonType"));
        Assert.Equal(["not_checked", "potential_spam", "no_spam"], Values("SpamStatus"));
    }

    [Fact]
    public void Parsing_the_same_spec_twice_gives_equal_models()
    {
        var a = Model();
        var b = Model();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
