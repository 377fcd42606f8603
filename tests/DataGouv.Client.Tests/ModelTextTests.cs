using System.Globalization;
using DataGouv.Client.Runtime;

namespace DataGouv.Client.Tests;

/// <summary>The text a generated model's ToString builds with <see cref="JsonSupport.Describe"/>: names and values in
/// order, secrets as ***, collections as their count.</summary>
public class ModelTextTests
{
    [Fact]
    public void Describe_prints_every_member_in_order_with_its_value()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // Values print as an interpolated string printed them: ToString() of the current culture.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var text = JsonSupport.Describe("Pet", "Id", 7L, "Name", "Rex", "Alive", true, "Weight", 2.5, "Owner", null);
            Assert.Equal("Pet { Id = 7, Name = Rex, Alive = True, Weight = 2.5, Owner =  }", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_secret_prints_as_stars_and_never_its_value()
    {
        var text = JsonSupport.Describe("Key", "Token", JsonSupport.Secret("s3cr3t-value"), "None", JsonSupport.Secret(null));

        Assert.Equal("Key { Token = ***, None = null }", text);
        Assert.DoesNotContain("s3cr3t", text);
    }

    [Fact]
    public void A_collection_prints_as_its_count()
    {
        Assert.Equal("[3 items]", JsonSupport.Items(new List<int> { 1, 2, 3 }.Count));
        Assert.Equal("null", JsonSupport.Items(null));
    }
}
