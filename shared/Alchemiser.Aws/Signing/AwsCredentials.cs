namespace Alchemiser.Aws.Signing;

/// <summary>
/// One set of AWS credentials: an access key id, its secret and, for temporary (role) credentials, a session token.
/// <see cref="ToString"/> names only the access key id, so a credential never reaches a log line by accident.
/// </summary>
public sealed class AwsCredentials
{
    /// <summary>Credentials from their parts; <paramref name="sessionToken"/> is null or empty for long-term keys.</summary>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    /// <summary>The access key id (not secret; it appears in the Authorization header).</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key; only the signer reads it.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials (Lambda's role), or null.</summary>
    public string? SessionToken { get; }

    /// <summary>The access key id and whether a session token is present; never the secret or the token.</summary>
    public override string ToString() => $"AwsCredentials({AccessKeyId}, secret hidden{(SessionToken is null ? string.Empty : ", session token hidden")})";
}
