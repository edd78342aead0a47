using System.Globalization;
using Alchemiser.Aws.IntegrationTests.Support;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Alchemiser.Aws.IntegrationTests.DynamoDb;

/// <summary>DynamoDB clients pointed at the shared moto server, and table names no other test uses.</summary>
internal static class MotoDynamoDb
{
    private static int _tables;

    public static AmazonDynamoDBClient Client(MotoServer moto) =>
        new(new BasicAWSCredentials("testing", "testing"), new AmazonDynamoDBConfig
        {
            ServiceURL = moto.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            // moto_server is a development server: a few hundred simultaneous connections make it drop some.
            MaxConnectionsPerServer = 16,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>A table name unique to this test run and call, e.g. <c>ledger-3-1a2b3c</c>.</summary>
    public static string UniqueTableName(string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"{purpose}-{Interlocked.Increment(ref _tables)}-{Guid.NewGuid():N}");
}
