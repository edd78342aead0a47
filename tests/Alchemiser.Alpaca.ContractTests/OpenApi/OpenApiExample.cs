using System.Text.Json;

namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// An example value the document gives for a response: the media type's <c>example</c> (named <c>example</c>), each
/// entry of its <c>examples</c> map (by its key, <c>$ref</c>s to <c>components/examples</c> followed), and the
/// response schema's own top-level <c>example</c> (named <c>schema example</c>).
/// </summary>
public sealed record OpenApiExample(string Name, JsonElement Value);
