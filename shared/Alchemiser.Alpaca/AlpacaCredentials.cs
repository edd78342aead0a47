namespace Alchemiser.Alpaca;

/// <summary>
/// Alpaca's API key id and secret key, sent as the <c>APCA-API-KEY-ID</c> and <c>APCA-API-SECRET-KEY</c> headers.
/// <see cref="ToString"/> shows neither.
/// </summary>
public sealed class AlpacaCredentials
{
    /// <summary>Credentials for the key id <paramref name="keyId"/> and its secret <paramref name="secretKey"/>.</summary>
    /// <exception cref="ArgumentException">Either is missing or blank (the message names which, never a value).</exception>
    public AlpacaCredentials(string keyId, string secretKey)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw new ArgumentException("the Alpaca key id is missing", nameof(keyId));
        }

        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new ArgumentException("the Alpaca secret key is missing", nameof(secretKey));
        }

        KeyId = keyId;
        SecretKey = secretKey;
    }

    /// <summary>The key id (<c>APCA-API-KEY-ID</c>).</summary>
    public string KeyId { get; }

    /// <summary>The secret key (<c>APCA-API-SECRET-KEY</c>); never log it.</summary>
    public string SecretKey { get; }

    /// <summary>No key material.</summary>
    public override string ToString() => "AlpacaCredentials(values hidden)";
}
