namespace Alchemiser.Aws.SecretsManager;

/// <summary>Alpaca's API key id and secret key. <see cref="ToString"/> shows neither.</summary>
public sealed class AlpacaKeys(string apiKey, string secretKey)
{
    /// <summary>The key id (<c>APCA-API-KEY-ID</c>).</summary>
    public string ApiKey { get; } = apiKey;

    /// <summary>The secret key (<c>APCA-API-SECRET-KEY</c>); never log it.</summary>
    public string SecretKey { get; } = secretKey;

    /// <summary>No key material.</summary>
    public override string ToString() => "AlpacaKeys(values hidden)";
}
