namespace Alchemiser.Lambda;

/// <summary>
/// The names of the environment variables a deployed function reads (template.yaml sets them; a developer shell or a
/// test may set them too). Nothing secret is ever passed this way: the Alpaca keys come from Secrets Manager.
/// </summary>
public static class LambdaVariables
{
    /// <summary>The deployment stage (<c>dev</c>, <c>prod</c>, <c>ephemeral</c>); selects the strategy manifest.</summary>
    public const string Stage = "ALCHEMISER_STAGE";

    /// <summary><c>paper</c> (default) or <c>live</c>.</summary>
    public const string TradingMode = "ALCHEMISER_TRADING_MODE";

    /// <summary>The name of the custom EventBridge bus every workflow event is published to.</summary>
    public const string EventBus = "ALCHEMISER_EVENT_BUS";

    /// <summary>The DynamoDB table of aggregation sessions.</summary>
    public const string AggregationSessionsTable = "ALCHEMISER_AGGREGATION_SESSIONS_TABLE";

    /// <summary>The DynamoDB table of idempotency records.</summary>
    public const string IdempotencyTable = "ALCHEMISER_IDEMPOTENCY_TABLE";

    /// <summary>The DynamoDB trade ledger.</summary>
    public const string TradeLedgerTable = "ALCHEMISER_TRADE_LEDGER_TABLE";

    /// <summary>The S3 bucket of the price datalake (<c>bars/daily/&lt;SYMBOL&gt;.csv</c>).</summary>
    public const string DatalakeBucket = "ALCHEMISER_DATALAKE_BUCKET";

    /// <summary>The S3 bucket of run reports and archived events.</summary>
    public const string ReportsBucket = "ALCHEMISER_REPORTS_BUCKET";

    /// <summary>The SNS topic the run e-mails are published to.</summary>
    public const string NotificationsTopicArn = "ALCHEMISER_NOTIFICATIONS_TOPIC_ARN";

    /// <summary>The Secrets Manager secret holding <c>{"api_key","secret_key"}</c> for Alpaca.</summary>
    public const string AlpacaSecretArn = "ALCHEMISER_ALPACA_SECRET_ARN";

    /// <summary>The execution queue's maxReceiveCount (the last receive reports the run failed).</summary>
    public const string MaxReceiveCount = "ALCHEMISER_MAX_RECEIVE_COUNT";

    /// <summary>Folder of <c>strategies.&lt;stage&gt;.json</c> and the strategy files; default: <c>strategies/</c> beside the function's assembly.</summary>
    public const string StrategiesDirectory = "ALCHEMISER_STRATEGIES_DIR";

    /// <summary><c>run</c> (default) or <c>skip</c> on early-close days.</summary>
    public const string EarlyClosePolicy = "ALCHEMISER_EARLY_CLOSE_POLICY";

    /// <summary><c>abort</c> (default) or <c>proceed</c> when a strategy fails.</summary>
    public const string FailurePolicy = "ALCHEMISER_FAILURE_POLICY";

    /// <summary><c>live-bar</c> (default) or <c>previous-close</c>.</summary>
    public const string LiveBarPolicy = "ALCHEMISER_LIVE_BAR_POLICY";

    /// <summary><c>true</c> blocks every order (the kill switch).</summary>
    public const string KillSwitch = "ALCHEMISER_KILL_SWITCH";

    /// <summary>Share of equity to deploy, e.g. <c>0.95</c> (default 1).</summary>
    public const string DeploymentFraction = "ALCHEMISER_DEPLOYMENT_FRACTION";

    /// <summary>The largest estimated notional of one order in dollars (default: no limit).</summary>
    public const string MaxOrderNotional = "ALCHEMISER_MAX_ORDER_NOTIONAL";

    /// <summary>The largest weight a buy may take a position to (default: no limit).</summary>
    public const string MaxPositionWeight = "ALCHEMISER_MAX_POSITION_WEIGHT";

    /// <summary>Trades smaller than this many dollars are skipped (default 5).</summary>
    public const string MinimumTradeValue = "ALCHEMISER_MIN_TRADE_VALUE";
}
