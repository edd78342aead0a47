using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Alchemiser.Aws.Signing;

/// <summary>
/// AWSSDK.Core's default credential chain (environment variables — which is how Lambda hands a function its role's
/// key, secret and session token —, profiles, container and instance metadata). The chain is resolved once; the
/// SDK's credentials object refreshes temporary credentials before they expire.
/// </summary>
public sealed class SdkCredentialSource : IAwsCredentialSource
{
    private readonly Lazy<AWSCredentials> _chain = new(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = await _chain.Value.GetCredentialsAsync().ConfigureAwait(false);
        return new AwsCredentials(current.AccessKey, current.SecretKey, current.UseToken ? current.Token : null);
    }
}
