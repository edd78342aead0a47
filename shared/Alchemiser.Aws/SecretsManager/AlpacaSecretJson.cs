using System.Text.Json.Serialization;

namespace Alchemiser.Aws.SecretsManager;

/// <summary>The Alpaca secret's JSON: <c>{"api_key": ..., "secret_key": ...}</c>.</summary>
internal sealed record AlpacaSecretJson(
    [property: JsonPropertyName("api_key")] string? ApiKey,
    [property: JsonPropertyName("secret_key")] string? SecretKey);
