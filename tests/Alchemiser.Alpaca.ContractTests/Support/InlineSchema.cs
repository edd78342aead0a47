using System.Text.Json;
using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>
/// Runs the schema validator on a schema written inline in a test, inside a minimal OpenAPI document whose
/// <c>components.schemas</c> the schema may refer to.
/// </summary>
internal static class InlineSchema
{
    public static IReadOnlyList<ContractProblem> Check(string schema, string instance, SchemaDirection direction = SchemaDirection.Response, string components = "{}")
    {
        using var document = JsonDocument.Parse($$"""{"openapi":"3.0.3","components":{"schemas":{{components}}},"x-under-test":{{schema}}}""");
        using var value = JsonDocument.Parse(instance);
        return new SchemaValidator(document.RootElement).Validate(value.RootElement, document.RootElement.GetProperty("x-under-test"), direction);
    }
}
