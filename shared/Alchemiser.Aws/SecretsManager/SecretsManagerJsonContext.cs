using System.Text.Json.Serialization;

namespace Alchemiser.Aws.SecretsManager;

/// <summary>Source-generated JSON for the Secrets Manager wire contracts.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetSecretValueInput))]
[JsonSerializable(typeof(GetSecretValueOutput))]
[JsonSerializable(typeof(CreateSecretInput))]
[JsonSerializable(typeof(CreateSecretOutput))]
[JsonSerializable(typeof(AlpacaSecretJson))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext;
