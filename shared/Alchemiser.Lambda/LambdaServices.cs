using Alchemiser.Alpaca;
using Alchemiser.Aws.DynamoDb;
using Alchemiser.Aws.EventBridge;
using Alchemiser.Aws.Http;
using Alchemiser.Aws.S3;
using Alchemiser.Aws.SecretsManager;
using Alchemiser.Aws.Signing;
using Alchemiser.Aws.Sns;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Idempotency;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Notifications;
using Alchemiser.Core.Reports;
using Alchemiser.Core.Sessions;
using Alchemiser.Core.Time;
using Alchemiser.Core.Trading;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace Alchemiser.Lambda;

/// <summary>
/// The adapters a deployed function is made of, built from its environment (<see cref="LambdaVariables"/>): the
/// EventBridge publisher, the DynamoDB stores, the S3 stores, the SNS notifier. Each function's parameterless
/// constructor asks for the few it needs; nothing touches the network until a handler runs, so a cold start only
/// reads variables. The HTTP and SDK clients are shared by everything one function builds.
/// </summary>
public sealed class LambdaServices
{
    private readonly LambdaOverrides _overrides;
    private readonly Lazy<AwsHttpClient> _aws;
    private readonly Lazy<AmazonDynamoDBClient> _dynamo;
    private readonly Lazy<AmazonS3Client> _s3;
    private readonly Lazy<AlpacaClient> _alpaca;

    private LambdaServices(LambdaEnvironment environment, LambdaOverrides overrides)
    {
        Environment = environment;
        _overrides = overrides;
        AwsOptions = AwsClientOptions.FromEnvironment(environment.Read);
        Clock = overrides.Clock ?? SystemClock.Instance;
        Delay = overrides.Delay ?? SystemDelay.Instance;
        Log = overrides.Log ?? JsonLinesLog.ToStandardOutput();
        Stage = environment.Choice(LambdaVariables.Stage, "dev", "dev", "prod", "ephemeral");
        _aws = new Lazy<AwsHttpClient>(() => new AwsHttpClient(new HttpClient(), CredentialSource(), AwsOptions));
        _dynamo = new Lazy<AmazonDynamoDBClient>(() =>
        {
            var config = Configure(new AmazonDynamoDBConfig());
            return SdkCredentials() is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
        });
        _alpaca = new Lazy<AlpacaClient>(() =>
        {
            var secret = new AlpacaSecretReader(new SecretsManagerClient(_aws.Value), environment.Required(LambdaVariables.AlpacaSecretArn));
            return new AlpacaClient(AlpacaOptions.FromEnvironment(environment.Read), ReadKeysAsync, clock: Clock, delay: Delay, log: Log);

            async Task<AlpacaCredentials> ReadKeysAsync(CancellationToken cancellationToken)
            {
                var keys = await secret.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new AlpacaCredentials(keys.ApiKey, keys.SecretKey);
            }
        });
        _s3 = new Lazy<AmazonS3Client>(() =>
        {
            var config = Configure(new AmazonS3Config { ForcePathStyle = AwsOptions.EndpointOverride is not null });
            return SdkCredentials() is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
        });
    }

    /// <summary>Composes from the process environment (what Lambda's constructor calls).</summary>
    public static LambdaServices FromEnvironment() => new(LambdaEnvironment.Process, new LambdaOverrides());

    /// <summary>Composes from <paramref name="environment"/>, with a test's substitutions.</summary>
    public static LambdaServices FromEnvironment(LambdaEnvironment environment, LambdaOverrides? overrides = null) =>
        new(environment ?? throw new ArgumentNullException(nameof(environment)), overrides ?? new LambdaOverrides());

    /// <summary>Where the settings come from.</summary>
    public LambdaEnvironment Environment { get; }

    /// <summary>Region, endpoint override (moto), timeouts and retries of every AWS call.</summary>
    public AwsClientOptions AwsOptions { get; }

    /// <summary>The deployment stage.</summary>
    public string Stage { get; }

    /// <summary>Time.</summary>
    public IClock Clock { get; }

    /// <summary>Waiting between order checks.</summary>
    public IDelay Delay { get; }

    /// <summary>JSON lines on standard output (CloudWatch Logs).</summary>
    public IAlchemiserLog Log { get; }

    /// <summary>What the test substituted (the trading composition reads the broker and calendar from here).</summary>
    public LambdaOverrides Overrides => _overrides;

    /// <summary>The signed HTTP client for EventBridge, SQS, SNS and Secrets Manager.</summary>
    public AwsHttpClient AwsHttp => _aws.Value;

    /// <summary>Publishes to the stack's bus.</summary>
    public IEventPublisher Publisher() =>
        new EventBridgePublisher(new EventBridgeClient(_aws.Value), Environment.Required(LambdaVariables.EventBus));

    /// <summary>The aggregation sessions table.</summary>
    public IAggregationSessionStore Sessions() =>
        new DynamoDbAggregationSessionStore(_dynamo.Value, Environment.Required(LambdaVariables.AggregationSessionsTable));

    /// <summary>The trade ledger table.</summary>
    public ITradeLedger Ledger() =>
        new DynamoDbTradeLedger(_dynamo.Value, Environment.Required(LambdaVariables.TradeLedgerTable));

    /// <summary>The idempotency table.</summary>
    public IIdempotencyStore Idempotency() =>
        new DynamoDbIdempotencyStore(_dynamo.Value, Environment.Required(LambdaVariables.IdempotencyTable), Clock);

    /// <summary>The reports bucket.</summary>
    public IReportStore Reports() => new S3ReportStore(_s3.Value, Environment.Required(LambdaVariables.ReportsBucket));

    /// <summary>The price datalake bucket.</summary>
    public IBarStore Bars() => new S3BarStore(_s3.Value, Environment.Required(LambdaVariables.DatalakeBucket));

    /// <summary>The e-mail topic.</summary>
    public INotifier Notifier() =>
        new SnsNotifier(new SnsClient(_aws.Value), Environment.Required(LambdaVariables.NotificationsTopicArn));

    /// <summary>
    /// The broker (also the quote source): Alpaca — paper unless the stage is set up for live trading
    /// (<see cref="AlpacaOptions.FromEnvironment"/>) — with the keys read from Secrets Manager on the first request.
    /// One client per function, so its request budget covers everything the function sends.
    /// </summary>
    public IBroker Broker() => _overrides.Broker ?? _alpaca.Value;

    /// <summary>The market calendar: Alpaca's calendar (holidays and early closes).</summary>
    public IMarketCalendar Calendar() => _overrides.Calendar ?? new AlpacaMarketCalendar(Broker());

    /// <summary>The strategy files packaged with the function (or <see cref="LambdaVariables.StrategiesDirectory"/>).</summary>
    public string StrategiesDirectory() =>
        Environment.Optional(LambdaVariables.StrategiesDirectory) ?? Path.Combine(TaskRoot(), "strategies");

    /// <summary>
    /// Where the function's files are: Lambda's <c>LAMBDA_TASK_ROOT</c>, else the folder of the function's assemblies
    /// (the process's own base directory is the runtime's, not the function's, when a runtime host loads the function).
    /// </summary>
    private string TaskRoot() =>
        Environment.Optional("LAMBDA_TASK_ROOT") ?? Path.GetDirectoryName(typeof(LambdaServices).Assembly.Location) ?? AppContext.BaseDirectory;

    private IAwsCredentialSource CredentialSource() =>
        _overrides.AwsCredentials is { } fixedCredentials ? new StaticCredentialSource(fixedCredentials) : new SdkCredentialSource();

    private AWSCredentials? SdkCredentials() =>
        _overrides.AwsCredentials is { } c
            ? c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken)
            : null;

    private T Configure<T>(T config)
        where T : ClientConfig
    {
        if (AwsOptions.EndpointOverride is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = AwsOptions.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(AwsOptions.Region);
        }

        config.Timeout = AwsOptions.AttemptTimeout;
        config.MaxErrorRetry = AwsOptions.MaxRetryAttempts;
        return config;
    }
}
