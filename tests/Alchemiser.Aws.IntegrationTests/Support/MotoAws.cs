using Alchemiser.Aws.Http;
using Alchemiser.Aws.Signing;

namespace Alchemiser.Aws.IntegrationTests.Support;

/// <summary>Signed clients pointed at a moto server, and unique resource names so tests never share a resource.</summary>
public static class MotoAws
{
    /// <summary>moto's default credentials (any key works while moto's auth is off).</summary>
    public static AwsCredentials TestCredentials { get; } = new("testing", "testing");

    public static AwsHttpClient Client(MotoServer moto, AwsCredentials? credentials = null) =>
        new(
            new HttpClient(),
            new StaticCredentialSource(credentials ?? TestCredentials),
            new AwsClientOptions { EndpointOverride = moto.Endpoint, AttemptTimeout = TimeSpan.FromSeconds(30), MaxRetryAttempts = 1 });

    /// <summary>A name no other test uses: <c>{prefix}-{8 hex}</c>.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
