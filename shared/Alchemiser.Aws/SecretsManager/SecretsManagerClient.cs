using Alchemiser.Aws.Http;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.SecretsManager;

/// <summary>AWS Secrets Manager over JSON 1.1 (<c>X-Amz-Target: secretsmanager.*</c>): read a secret; create one (tests, tools).</summary>
public sealed class SecretsManagerClient(AwsHttpClient client)
{
    private const string Service = "secretsmanager";
    private const string TargetPrefix = "secretsmanager";
    private readonly AwsHttpClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The current string value of <paramref name="secretId"/> (a name or an ARN).</summary>
    public async Task<SecretValue> GetSecretValueAsync(string secretId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        var output = await AwsJsonProtocol.CallAsync(
            _client, Service, AwsJsonProtocol.Json11, TargetPrefix, "GetSecretValue", new GetSecretValueInput(secretId),
            SecretsManagerJsonContext.Default.GetSecretValueInput, SecretsManagerJsonContext.Default.GetSecretValueOutput, ErrorCategory.Configuration, cancellationToken).ConfigureAwait(false);
        return new SecretValue(
            output.Name ?? secretId,
            output.VersionId ?? string.Empty,
            output.SecretString ?? throw new AwsServiceException(Service, "GetSecretValue", 200, "NoSecretString", $"secret {secretId} has no string value (binary secrets are not supported)"));
    }

    /// <summary>Creates a secret holding <paramref name="secretString"/>; returns its ARN.</summary>
    public async Task<string> CreateSecretAsync(string name, string secretString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secretString);
        var output = await AwsJsonProtocol.CallAsync(
            _client, Service, AwsJsonProtocol.Json11, TargetPrefix, "CreateSecret", new CreateSecretInput(name, secretString),
            SecretsManagerJsonContext.Default.CreateSecretInput, SecretsManagerJsonContext.Default.CreateSecretOutput, ErrorCategory.Configuration, cancellationToken).ConfigureAwait(false);
        return output.ARN ?? string.Empty;
    }
}
