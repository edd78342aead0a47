using System.Text.Json;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.SecretsManager;

/// <summary>
/// Reads the Alpaca keys from a Secrets Manager JSON secret <c>{"api_key": ..., "secret_key": ...}</c>. Errors name
/// the secret and what is wrong with it, never a value.
/// </summary>
public sealed class AlpacaSecretReader(SecretsManagerClient client, string secretId)
{
    private readonly SecretsManagerClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly string _secretId = string.IsNullOrWhiteSpace(secretId) ? throw new ArgumentException("the secret id is required", nameof(secretId)) : secretId;

    /// <summary>The keys held by the secret.</summary>
    /// <exception cref="ConfigurationException">The secret is not that JSON or lacks a key.</exception>
    public async Task<AlpacaKeys> ReadAsync(CancellationToken cancellationToken = default)
    {
        var value = await _client.GetSecretValueAsync(_secretId, cancellationToken).ConfigureAwait(false);
        AlpacaSecretJson? json;
        try
        {
            json = JsonSerializer.Deserialize(value.SecretString, SecretsManagerJsonContext.Default.AlpacaSecretJson);
        }
        catch (JsonException)
        {
            // The parser's message may quote the value: say only where the problem is.
            throw new ConfigurationException($"secret {_secretId} is not a JSON object with api_key and secret_key", Hint);
        }

        if (string.IsNullOrWhiteSpace(json?.ApiKey) || string.IsNullOrWhiteSpace(json.SecretKey))
        {
            var missing = string.IsNullOrWhiteSpace(json?.ApiKey) ? "api_key" : "secret_key";
            throw new ConfigurationException($"secret {_secretId} has no {missing}", Hint);
        }

        return new AlpacaKeys(json.ApiKey, json.SecretKey);
    }

    private const string Hint = "store the Alpaca keys as {\"api_key\": \"...\", \"secret_key\": \"...\"} in the secret";
}
