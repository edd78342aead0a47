namespace Alchemiser.Aws.Signing;

/// <summary>Always the same credentials: for tests and for moto, never for a deployed function.</summary>
public sealed class StaticCredentialSource(AwsCredentials credentials) : IAwsCredentialSource
{
    private readonly AwsCredentials _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_credentials);
}
