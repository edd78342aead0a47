using System.Text.Json;
using Alchemiser.Aws.DynamoDb;
using Alchemiser.Aws.EventBridge;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.S3;
using Alchemiser.Aws.Sns;
using Alchemiser.Aws.Sqs;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.Hosting;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace Alchemiser.Lambda.IntegrationTests.Support;

/// <summary>
/// One stack's resources in moto, named uniquely: the bus with template.yaml's rules, the tables and buckets the
/// adapters define, the e-mail topic (subscribed by a queue so the test can read the e-mails), and — because moto cannot
/// run Lambda code — one SQS queue per consumer as each rule's target (the execution queue with the template's
/// redrive to a DLQ after 3 receives). <see cref="Environment"/> is what template.yaml would set on the functions.
/// </summary>
public sealed class MotoStack
{
    private MotoStack(MotoServer moto, string name, IReadOnlyDictionary<string, string> queues, string emailQueue, IReadOnlyDictionary<string, string> environment)
    {
        Moto = moto;
        Name = name;
        ConsumerQueues = queues;
        EmailQueue = emailQueue;
        Environment = environment;
    }

    public MotoServer Moto { get; }

    public string Name { get; }

    /// <summary>Consumer (template logical id) → the URL of the queue its rule delivers to.</summary>
    public IReadOnlyDictionary<string, string> ConsumerQueues { get; }

    /// <summary>The queue subscribed to the e-mail topic.</summary>
    public string EmailQueue { get; }

    /// <summary>The functions' environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The environment as the functions read it.</summary>
    public LambdaEnvironment LambdaEnvironment => new(name => Environment.TryGetValue(name, out var value) ? value : null);

    public static async Task<MotoStack> CreateAsync(MotoServer moto, string stage, IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> bars)
    {
        var name = MotoAws.UniqueName("alc");
        var aws = MotoAws.Client(moto);
        var events = new EventBridgeClient(aws);
        var sqs = new SqsClient(aws);
        var sns = new SnsClient(aws);
        using var dynamo = DynamoDb(moto);
        using var s3 = S3(moto);

        var bus = name + "-bus";
        await events.CreateEventBusAsync(bus);
        var queues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var route in TemplateRoutes.Load(RepositoryPaths.Template).Routes)
        {
            if (!queues.TryGetValue(route.Consumer, out var queueUrl))
            {
                queueUrl = route.Queue is { } templateQueue
                    ? await QueueWithDeadLettersAsync(sqs, $"{name}-{templateQueue}")
                    : await sqs.CreateQueueAsync($"{name}-{route.Consumer}");
                queues[route.Consumer] = queueUrl;
            }

            var rule = $"{name}-{route.RuleName}";
            await events.PutRuleAsync(rule, bus, Pattern(route));
            await events.PutTargetAsync(rule, bus, route.Consumer, await ArnAsync(sqs, queueUrl));
        }

        var topic = await sns.CreateTopicAsync(name + "-notifications");
        var emailQueue = await sqs.CreateQueueAsync(name + "-email");
        await sns.SubscribeAsync(topic, "sqs", await ArnAsync(sqs, emailQueue));

        var sessionsTable = name + "-sessions";
        var ledgerTable = name + "-ledger";
        var idempotencyTable = name + "-idempotency";
        await new DynamoDbAggregationSessionStore(dynamo, sessionsTable).EnsureTableAsync();
        await new DynamoDbTradeLedger(dynamo, ledgerTable).EnsureTableAsync();
        await new DynamoDbIdempotencyStore(dynamo, idempotencyTable, Core.Time.SystemClock.Instance).EnsureTableAsync();

        var datalake = new S3BarStore(s3, name + "-datalake");
        await datalake.EnsureBucketAsync();
        foreach (var (symbol, series) in bars)
        {
            await datalake.PutBarsAsync(symbol, series);
        }

        var reports = new S3ReportStore(s3, name + "-reports");
        await reports.EnsureBucketAsync();

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            [LambdaVariables.Stage] = stage,
            [LambdaVariables.TradingMode] = "paper",
            [LambdaVariables.EventBus] = bus,
            [LambdaVariables.AggregationSessionsTable] = sessionsTable,
            [LambdaVariables.TradeLedgerTable] = ledgerTable,
            [LambdaVariables.IdempotencyTable] = idempotencyTable,
            [LambdaVariables.DatalakeBucket] = datalake.BucketName,
            [LambdaVariables.ReportsBucket] = reports.BucketName,
            [LambdaVariables.NotificationsTopicArn] = topic,
            [LambdaVariables.MaxReceiveCount] = "3",
            [LambdaVariables.StrategiesDirectory] = RepositoryPaths.Strategies,
        };
        return new MotoStack(moto, name, queues, emailQueue, environment);
    }

    /// <summary>An SDK client for the stack's tables (what the test reads back).</summary>
    public static AmazonDynamoDBClient DynamoDb(MotoServer moto) =>
        new(new BasicAWSCredentials("testing", "testing"), new AmazonDynamoDBConfig { ServiceURL = moto.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

    /// <summary>An SDK client for the stack's buckets.</summary>
    public static AmazonS3Client S3(MotoServer moto) =>
        new(new BasicAWSCredentials("testing", "testing"), new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), AuthenticationRegion = "us-east-1", ForcePathStyle = true });

    /// <summary>The rule's event pattern as EventBridge reads it.</summary>
    private static string Pattern(EventRoute route)
    {
        var pattern = new Dictionary<string, object>(StringComparer.Ordinal);
        if (route.Sources.Count > 0)
        {
            pattern["source"] = route.Sources.Select(Value).ToList();
        }

        if (route.DetailTypes.Count > 0)
        {
            pattern["detail-type"] = route.DetailTypes.Select(Value).ToList();
        }

        return JsonSerializer.Serialize(pattern);

        static object Value(EventPatternValue v) =>
            v.Match == EventPatternMatch.Prefix ? new Dictionary<string, string>(StringComparer.Ordinal) { ["prefix"] = v.Value } : v.Value;
    }

    private static async Task<string> QueueWithDeadLettersAsync(SqsClient sqs, string name)
    {
        var dlq = await sqs.CreateQueueAsync(name + "-dlq");
        return await sqs.CreateQueueAsync(name, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RedrivePolicy"] = SqsClient.RedrivePolicy(await ArnAsync(sqs, dlq), 3),
        });
    }

    private static async Task<string> ArnAsync(SqsClient sqs, string queueUrl) =>
        (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"]))["QueueArn"];
}
