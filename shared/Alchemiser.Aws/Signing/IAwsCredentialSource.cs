namespace Alchemiser.Aws.Signing;

/// <summary>Where the signer gets credentials for each request (temporary credentials may change between calls).</summary>
public interface IAwsCredentialSource
{
    /// <summary>The credentials to sign the next request with.</summary>
    ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken = default);
}
