using Alchemiser.Alpaca;
using Alchemiser.Aws.Http;
using Alchemiser.Aws.SecretsManager;
using Alchemiser.Cli.Cloud;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Logging;
using Alchemiser.Core.Time;

namespace Alchemiser.Cli.Brokerage;

/// <summary>
/// How the CLI reaches Alpaca: the keys from <c>ALPACA_API_KEY</c> / <c>ALPACA_SECRET_KEY</c>, or from the Secrets
/// Manager secret named by <c>--alpaca-secret</c> or <c>ALCHEMISER_ALPACA_SECRET_ARN</c> (JSON
/// <c>{"api_key","secret_key"}</c>, as deployed); the URLs, paper or live, from <see cref="AlpacaOptions.FromEnvironment"/>
/// (paper unless <c>ALCHEMISER_TRADING_MODE=live</c>, <c>ALCHEMISER_STAGE=prod</c> and
/// <c>ALCHEMISER_LIVE_TRADING=confirmed</c>). An explicit <c>--alpaca-secret</c> wins over the key variables, which
/// win over <c>ALCHEMISER_ALPACA_SECRET_ARN</c>. No key ever reaches a message.
/// </summary>
public static class AlpacaSetup
{
    public const string KeyIdVariable = "ALPACA_API_KEY";
    public const string SecretKeyVariable = "ALPACA_SECRET_KEY";
    public const string SecretIdVariable = "ALCHEMISER_ALPACA_SECRET_ARN";

    /// <summary>What to do when no key is configured.</summary>
    public const string MissingKeysHint =
        "export " + KeyIdVariable + "=<key id> and " + SecretKeyVariable + "=<secret key> (paper keys: https://app.alpaca.markets, Paper account → API keys), "
        + "or read them from AWS Secrets Manager with --alpaca-secret <arn|name> or " + SecretIdVariable;

    /// <summary>Where the keys come from; throws when none is configured or only half of a pair is.</summary>
    /// <param name="secretOption">The <c>--alpaca-secret</c> value, if given.</param>
    /// <param name="awsAttemptTimeout">How long one Secrets Manager attempt may take (short for <c>doctor</c>).</param>
    /// <exception cref="ConfigurationException">No credentials, or one of the two key variables without the other.</exception>
    public static AlpacaKeySource Keys(CliContext context, string? secretOption, TimeSpan? awsAttemptTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secretId = string.IsNullOrWhiteSpace(secretOption) ? null : secretOption.Trim();
        if (secretId is null)
        {
            var keyId = context.Setting(KeyIdVariable);
            var secretKey = context.Setting(SecretKeyVariable);
            if (keyId is not null && secretKey is not null)
            {
                var credentials = new AlpacaCredentials(keyId, secretKey);
                return new AlpacaKeySource($"{KeyIdVariable} / {SecretKeyVariable}", null, _ => Task.FromResult(credentials));
            }

            if (keyId is not null || secretKey is not null)
            {
                var (set, unset) = keyId is not null ? (KeyIdVariable, SecretKeyVariable) : (SecretKeyVariable, KeyIdVariable);
                throw new ConfigurationException($"{set} is set but {unset} is not", $"set both {KeyIdVariable} and {SecretKeyVariable}, or neither and use --alpaca-secret");
            }

            secretId = context.Setting(SecretIdVariable);
        }

        if (secretId is null)
        {
            throw new ConfigurationException(
                $"no Alpaca credentials: {KeyIdVariable} and {SecretKeyVariable} are not set and no secret is configured", MissingKeysHint);
        }

        var aws = CliAws.Options(context, awsAttemptTimeout, awsAttemptTimeout is null ? null : 0);
        var reader = new AlpacaSecretReader(CliAws.SecretsManager(context, aws), secretId);
        return new AlpacaKeySource($"secret {secretId}", secretId, async cancellationToken =>
        {
            var keys = await ReadSecretAsync(reader, secretId, cancellationToken).ConfigureAwait(false);
            return new AlpacaCredentials(keys.ApiKey, keys.SecretKey);
        });
    }

    /// <summary>Paper or live, and the URLs, from the environment.</summary>
    /// <exception cref="ConfigurationException">Live trading is asked for without the stage and the confirmation, or a URL is wrong.</exception>
    public static AlpacaOptions Options(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AlpacaOptions.FromEnvironment(context.Environment);
    }

    /// <summary>A client over <paramref name="keys"/> on the system clock; nothing is sent until the first call.</summary>
    public static AlpacaClient Client(AlpacaOptions options, AlpacaKeySource keys, IAlchemiserLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new AlpacaClient(options, keys.Load, clock: SystemClock.Instance, delay: SystemDelay.Instance, log: log);
    }

    /// <summary>The client of <c>run</c>, <c>status</c> and <c>data fetch</c>: keys and options from the environment.</summary>
    public static AlpacaClient Client(CliContext context, string? secretOption, IAlchemiserLog? log = null) =>
        Client(Options(context), Keys(context, secretOption), log);

    /// <summary>The most of a key id ever shown: its last four characters (<c>…7Q3M</c>), nothing for a short one.</summary>
    public static string KeyHint(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return keyId.Length >= 12 ? "…" + keyId[^4..] : "(hidden)";
    }

    /// <summary><c>paper (https://paper-api.alpaca.markets)</c> or <c>LIVE (https://api.alpaca.markets)</c>.</summary>
    public static string Mode(AlpacaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.IsLive ? "LIVE" : "paper") + " (" + options.TradingBaseUrl + ")";
    }

    private static async Task<AlpacaKeys> ReadSecretAsync(AlpacaSecretReader reader, string secretId, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            throw new ConfigurationException(
                $"the Alpaca keys could not be read from secret {secretId}: {e.Message}",
                "check the secret's name or ARN, the AWS credentials and region (alchemiser doctor --aws), or use ALPACA_API_KEY / ALPACA_SECRET_KEY",
                e);
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            throw new ConfigurationException(
                $"the Alpaca keys could not be read from secret {secretId}: {CliAws.Describe(e)}",
                "configure AWS credentials (AWS_PROFILE, or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), or use ALPACA_API_KEY / ALPACA_SECRET_KEY",
                e);
        }
    }
}
