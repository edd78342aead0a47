namespace Alchemiser.Aws.SecretsManager;

// The Secrets Manager JSON 1.1 shapes this client sends and reads (AWS's member names). Unknown response members are ignored.
internal sealed record GetSecretValueInput(string SecretId);

internal sealed record GetSecretValueOutput(string? ARN, string? Name, string? VersionId, string? SecretString);

internal sealed record CreateSecretInput(string Name, string SecretString);

internal sealed record CreateSecretOutput(string? ARN, string? Name, string? VersionId);
