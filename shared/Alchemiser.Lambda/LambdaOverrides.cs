using Alchemiser.Aws.Signing;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;

namespace Alchemiser.Lambda;

/// <summary>
/// What a test or benchmark substitutes when it composes a function the way Lambda does: a simulated clock that the
/// executor's waits advance, the paper broker instead of Alpaca, fixed AWS credentials, a captured log. A deployed
/// function uses none of them.
/// </summary>
public sealed record LambdaOverrides
{
    /// <summary>Time; default the system clock.</summary>
    public IClock? Clock { get; init; }

    /// <summary>Waiting; default real waits.</summary>
    public IDelay? Delay { get; init; }

    /// <summary>The broker (and quote source); default Alpaca with the keys from Secrets Manager.</summary>
    public IBroker? Broker { get; init; }

    /// <summary>The market calendar; default Alpaca's calendar.</summary>
    public IMarketCalendar? Calendar { get; init; }

    /// <summary>AWS credentials; default AWSSDK.Core's credential chain (the Lambda role's credentials).</summary>
    public AwsCredentials? AwsCredentials { get; init; }

    /// <summary>The log; default JSON lines on standard output.</summary>
    public IAlchemiserLog? Log { get; init; }
}
