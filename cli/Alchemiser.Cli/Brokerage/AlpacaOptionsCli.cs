using System.CommandLine;
using Alchemiser.Core.Errors;

namespace Alchemiser.Cli.Brokerage;

/// <summary>The options the Alpaca-facing commands share: <c>--broker</c> and <c>--alpaca-secret</c>.</summary>
public static class AlpacaOptionsCli
{
    public const string Paper = "paper";
    public const string Alpaca = "alpaca";

    /// <summary><c>--broker paper|alpaca</c>, paper by default.</summary>
    public static Option<string> BrokerOption() => new("--broker")
    {
        Description = "paper (the embedded simulator, no network) or alpaca (your Alpaca account: paper unless live is configured)",
        DefaultValueFactory = _ => Paper,
    };

    /// <summary><c>--alpaca-secret &lt;arn|name&gt;</c>.</summary>
    public static Option<string> SecretOption() => new("--alpaca-secret")
    {
        Description = "Read the Alpaca keys from this AWS Secrets Manager secret ({\"api_key\",\"secret_key\"}) instead of ALPACA_API_KEY / ALPACA_SECRET_KEY (default: ALCHEMISER_ALPACA_SECRET_ARN)",
    };

    /// <summary>True for alpaca, false for paper; a clear error otherwise.</summary>
    public static bool IsAlpaca(string value) => value switch
    {
        Paper => false,
        Alpaca => true,
        _ => throw new ConfigurationException($"--broker '{value}' is not one of {Paper}, {Alpaca}"),
    };
}
