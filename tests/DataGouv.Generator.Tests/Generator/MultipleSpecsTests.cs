using DataGouv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataGouv.Generator.Tests.Generator;

/// <summary>
/// Several specs in one project without Namespace metadata all generate into the project's root namespace. What
/// every client shares lives in the runtime library, so they compile side by side; a real clash (one schema name in
/// both) is one DG0020 naming the type, never a wall of CS0101 errors.
/// </summary>
public class MultipleSpecsTests
{
    private const string Weather = """
        openapi: 3.0.3
        info: { title: Weather, version: "1" }
        paths:
          /forecast:
            get:
              operationId: get_forecast
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Forecast" } } } }
                "404": { description: missing, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
        components:
          schemas:
            Forecast: { type: object, properties: { summary: { type: string } } }
            Problem: { type: object, properties: { title: { type: string } } }
        """;

    private const string Billing = """
        openapi: 3.0.3
        info: { title: Billing, version: "1" }
        paths:
          /invoices/{id}:
            get:
              operationId: get_invoice
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Invoice" } } } }
                "404": { description: missing, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
        components:
          schemas:
            Invoice: { type: object, properties: { total: { type: number } } }
            Problem: { type: object, properties: { detail: { type: string } } }
        """;

    private const string Accounts = """
        openapi: 3.0.3
        info: { title: Accounts, version: "1" }
        paths:
          /accounts:
            get:
              operationId: list_accounts
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Account" } } } } }
        components:
          schemas:
            Account: { type: object, properties: { name: { type: string } } }
        """;

    [Fact]
    public void Two_specs_without_a_namespace_compile_side_by_side()
    {
        var result = GeneratorHarness.Run(new SpecFile("/p/weather.openapi.yaml", Weather), new SpecFile("/p/accounts.openapi.yaml", Accounts));

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(result.CompileProblems());
        Assert.NotNull(result.Output.GetTypeByMetadataName("Consumer.WeatherClient"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Consumer.AccountsClient"));
    }

    [Fact]
    public void A_type_both_specs_generate_is_one_DG0020_naming_it_and_no_compiler_errors()
    {
        var result = GeneratorHarness.Run(new SpecFile("/p/weather.openapi.yaml", Weather), new SpecFile("/p/billing.openapi.yaml", Billing));

        var clash = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "DG0020");
        Assert.Equal(DiagnosticSeverity.Error, clash.Severity);
        var message = clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Problem'", message);
        Assert.Contains("'Consumer'", message);
        // billing sorts first by path, so it is generated; weather is left out and the message names billing.
        Assert.StartsWith("weather.openapi.yaml:", message);
        Assert.Contains("billing.openapi.yaml", message);
        Assert.Empty(result.CompileProblems());
        Assert.NotNull(result.Output.GetTypeByMetadataName("Consumer.BillingClient"));
        Assert.Null(result.Output.GetTypeByMetadataName("Consumer.WeatherClient"));
    }

    [Fact]
    public void The_same_specs_in_their_own_namespaces_both_generate()
    {
        var result = GeneratorHarness.Run(new SpecFile("/p/weather.openapi.yaml", Weather, "Contoso.Weather"), new SpecFile("/p/billing.openapi.yaml", Billing, "Contoso.Billing"));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "DG0020");
        Assert.Empty(result.CompileProblems());
        Assert.NotNull(result.Output.GetTypeByMetadataName("Contoso.Weather.Problem"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Contoso.Billing.Problem"));
    }
}
