using System.Globalization;
using Alchemiser.Aws.IntegrationTests.Support;
using Amazon.Runtime;
using Amazon.S3;

namespace Alchemiser.Aws.IntegrationTests.S3;

/// <summary>S3 clients pointed at the shared moto server (path-style addressing), and bucket names no other test uses.</summary>
internal static class MotoS3
{
    private static int _buckets;

    /// <summary>
    /// A client for moto. moto_server is a development server: concurrent puts of one object can fail inside it with a
    /// 500 (S3 itself takes them atomically, last writer wins). Tests that race writes to one object pass
    /// <paramref name="connections"/> 1, so moto sees the puts one at a time, in the order the racing callers reach it.
    /// </summary>
    public static AmazonS3Client Client(MotoServer moto, int connections = 16) =>
        new(new BasicAWSCredentials("testing", "testing"), new AmazonS3Config
        {
            ServiceURL = moto.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            MaxConnectionsPerServer = connections,
            Timeout = TimeSpan.FromSeconds(60),
        });

    /// <summary>A valid bucket name unique to this run and call, e.g. <c>reports-3-1a2b3c4d</c>.</summary>
    public static string UniqueBucketName(string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"{purpose}-{Interlocked.Increment(ref _buckets)}-{Guid.NewGuid():N}")[..Math.Min(63, purpose.Length + 30)];
}
