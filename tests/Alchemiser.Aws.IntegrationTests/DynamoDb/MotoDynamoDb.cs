using System.Globalization;
using Alchemiser.Aws.IntegrationTests.Support;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Alchemiser.Aws.IntegrationTests.DynamoDb;

/// <summary>DynamoDB clients pointed at the shared moto server, and table names no other test uses.</summary>
internal static class MotoDynamoDb
{
    private static int _tables;

    /// <summary>
    /// A client for moto. moto_server is a development server: a few hundred simultaneous connections make it drop
    /// some, and concurrent writes of one item can fail inside it with a 500 (it is not thread-safe per item, as
    /// DynamoDB is). Tests that race writes to one item pass <paramref name="connections"/> 1, so moto sees the writes
    /// one at a time, in the order the racing callers reach it, as DynamoDB serialises writes to one item.
    /// </summary>
    public static AmazonDynamoDBClient Client(MotoServer moto, int connections = 16) =>
        new(new BasicAWSCredentials("testing", "testing"), new AmazonDynamoDBConfig
        {
            ServiceURL = moto.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            MaxConnectionsPerServer = connections,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>A table name unique to this test run and call, e.g. <c>ledger-3-1a2b3c</c>.</summary>
    public static string UniqueTableName(string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"{purpose}-{Interlocked.Increment(ref _tables)}-{Guid.NewGuid():N}");
}
