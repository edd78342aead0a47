using System.Text.Json;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// A Parameter Object after <c>$ref</c> resolution: name, location (<c>path</c>, <c>query</c>, <c>header</c>,
/// <c>cookie</c>), whether it is required (path parameters always are), its schema, and the component it was taken
/// from (<c>#/components/parameters/start</c>) when it was declared by reference.
/// </summary>
internal sealed record OpenApiParameter(string Name, string In, bool Required, JsonElement? Schema, string? Component);
