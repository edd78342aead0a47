using System.Globalization;
using Alchemiser.Alpaca;
using Alchemiser.Aws.Signing;
using Alchemiser.Cli.Brokerage;
using Alchemiser.Cli.Cloud;
using Alchemiser.Cli.Commands;
using Alchemiser.Cli.DataFetch;
using Alchemiser.Core.Configuration;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Time;
using Alchemiser.Dsl.Syntax;
using Alchemiser.Local.MarketData;
using Amazon.S3;
using Amazon.S3.Model;

namespace Alchemiser.Cli.Doctor;

/// <summary>
/// The checks of <c>alchemiser doctor</c>, in order: the Alpaca keys (never shown: at most the key id's last four
/// characters), paper or live and whether live is permitted, Alpaca reachable with the keys accepted
/// (<c>GET /v2/account</c>), the market clock, the stage's strategy manifest, the local price folder and the S3
/// datalake when configured, and with <c>--aws</c> the AWS settings. Every network call is bounded by
/// <see cref="DoctorSettings.Timeout"/> and not retried, so the doctor never hangs. Each check is reported as soon as
/// it is done.
/// </summary>
public sealed class ConfigurationDoctor(CliContext context, DoctorSettings settings)
{
    private readonly List<DoctorCheck> _checks = [];
    private Action<DoctorCheck> _report = _ => { };

    /// <summary>Runs every check; <paramref name="report"/> hears each as it finishes.</summary>
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(Action<DoctorCheck> report)
    {
        _report = report ?? throw new ArgumentNullException(nameof(report));
        var keys = await CheckKeysAsync().ConfigureAwait(false);
        var options = CheckTradingMode();
        await CheckAlpacaAsync(keys, options).ConfigureAwait(false);
        var (manifest, manifestPath) = CheckStrategies();
        CheckPrices(manifest, manifestPath);
        await CheckDatalakeAsync().ConfigureAwait(false);
        if (settings.Aws)
        {
            await CheckAwsAsync(keys.Source).ConfigureAwait(false);
        }

        return _checks;
    }

    private void Add(DoctorCheck check)
    {
        _checks.Add(check);
        _report(check);
    }

    private async Task<(AlpacaKeySource? Source, AlpacaCredentials? Credentials)> CheckKeysAsync()
    {
        const string name = "Alpaca keys";
        AlpacaKeySource source;
        try
        {
            source = AlpacaSetup.Keys(context, settings.AlpacaSecret, settings.Timeout);
        }
        catch (ConfigurationException e)
        {
            Add(DoctorCheck.Fail(name, e.Message, e.RemediationHint));
            return (null, null);
        }

        try
        {
            var credentials = await BoundedAsync(source.Load).ConfigureAwait(false);
            Add(DoctorCheck.Pass(name, $"from {source.Description} (key id {AlpacaSetup.KeyHint(credentials.KeyId)})"));
            return (source, credentials);
        }
        catch (AlchemiserException e)
        {
            Add(DoctorCheck.Fail(name, e.Message, e.RemediationHint));
        }
        catch (TimeoutException)
        {
            Add(DoctorCheck.Fail(name, $"reading {source.Description} got no answer within {Seconds}", "check the AWS endpoint and network (alchemiser doctor --aws)"));
        }

        return (source, null);
    }

    private AlpacaOptions? CheckTradingMode()
    {
        const string name = "trading mode";
        AlpacaOptions options;
        try
        {
            options = AlpacaSetup.Options(context) with { AttemptTimeout = settings.Timeout, MaxReadRetries = 0 };
        }
        catch (ConfigurationException e)
        {
            Add(DoctorCheck.Fail(name, e.Message, e.RemediationHint));
            return null;
        }

        var stageSet = string.Equals(context.Setting(AlpacaOptions.StageVariable), "prod", StringComparison.Ordinal);
        var confirmed = string.Equals(context.Setting(AlpacaOptions.LiveTradingVariable), "confirmed", StringComparison.Ordinal);
        var permission = stageSet && confirmed
            ? $"live permitted here ({AlpacaOptions.StageVariable}=prod, {AlpacaOptions.LiveTradingVariable}=confirmed)"
            : $"live not permitted here (needs {AlpacaOptions.TradingModeVariable}=live with "
              + string.Join(" and ", new[] { stageSet ? null : $"{AlpacaOptions.StageVariable}=prod", confirmed ? null : $"{AlpacaOptions.LiveTradingVariable}=confirmed" }.OfType<string>())
              + ")";
        Add(DoctorCheck.Pass(name, options.IsLive
            ? $"LIVE — real money ({options.TradingBaseUrl}); {permission}"
            : $"paper ({options.TradingBaseUrl}) · {permission}"));
        return options;
    }

    private async Task CheckAlpacaAsync((AlpacaKeySource? Source, AlpacaCredentials? Credentials) keys, AlpacaOptions? options)
    {
        const string account = "Alpaca account";
        const string clock = "market clock";
        if (keys.Credentials is null || options is null)
        {
            var why = keys.Credentials is null ? "no usable Alpaca keys" : "the trading mode is not valid";
            Add(DoctorCheck.Skip(account, "not checked: " + why));
            Add(DoctorCheck.Skip(clock, "not checked: " + why));
            return;
        }

        using var client = new AlpacaClient(options, keys.Credentials, clock: SystemClock.Instance, delay: SystemDelay.Instance);
        try
        {
            var found = await BoundedAsync(client.GetAccountAsync).ConfigureAwait(false);
            Add(DoctorCheck.Pass(account, string.Create(CultureInfo.InvariantCulture,
                $"keys accepted by {options.TradingBaseUrl}: account {found.AccountId} · equity {found.Equity:N2} · buying power {found.BuyingPower:N2}")));
        }
        catch (AlpacaApiException e) when (e.StatusCode is 401 or 403)
        {
            Add(DoctorCheck.Fail(account, "Alpaca refused the keys: " + e.Message,
                $"check {keys.Source!.Description}: {(options.IsLive ? "live" : "paper")} keys work only against {options.TradingBaseUrl}; "
                + "create or regenerate them on the Alpaca dashboard (the paper account has its own keys)"));
            Add(DoctorCheck.Skip(clock, "not checked: the keys were refused"));
            return;
        }
        catch (AlpacaApiException e) when (e.StatusCode == 0)
        {
            Add(DoctorCheck.Fail(account, "Alpaca is not reachable: " + e.Message,
                $"check the network path to {options.TradingBaseUrl} ({AlpacaOptions.TradingUrlVariable} overrides it) and https://status.alpaca.markets"));
            Add(DoctorCheck.Skip(clock, "not checked: Alpaca is not reachable"));
            return;
        }
        catch (AlchemiserException e)
        {
            Add(DoctorCheck.Fail(account, e.Message, e.RemediationHint));
            Add(DoctorCheck.Skip(clock, "not checked: the account check failed"));
            return;
        }
        catch (TimeoutException)
        {
            Add(DoctorCheck.Fail(account, $"GET /v2/account got no answer within {Seconds}", $"check the network path to {options.TradingBaseUrl}"));
            Add(DoctorCheck.Skip(clock, "not checked: Alpaca is not answering"));
            return;
        }

        try
        {
            var now = await BoundedAsync(client.GetClockAsync).ConfigureAwait(false);
            Add(DoctorCheck.Pass(clock, now.IsOpen
                ? $"market open, closes {AlpacaRunSetup.NewYork(now.NextClose)}"
                : $"market closed, next open {AlpacaRunSetup.NewYork(now.NextOpen)} (closes {AlpacaRunSetup.NewYork(now.NextClose)})"));
        }
        catch (AlchemiserException e)
        {
            Add(DoctorCheck.Fail(clock, e.Message, e.RemediationHint));
        }
        catch (TimeoutException)
        {
            Add(DoctorCheck.Fail(clock, $"GET /v2/clock got no answer within {Seconds}", $"check the network path to {options.TradingBaseUrl}"));
        }
    }

    private (StrategyManifest? Manifest, string? Path) CheckStrategies()
    {
        var name = "strategies";
        if (!Directory.Exists(settings.StrategiesDirectory))
        {
            Add(DoctorCheck.Fail(name, $"strategies folder '{settings.StrategiesDirectory}' does not exist", "run from the repository root, or give --strategies <folder>"));
            return (null, null);
        }

        string path;
        try
        {
            path = Path.Combine(settings.StrategiesDirectory, StrategyManifest.FileNameForStage(settings.Stage));
        }
        catch (ConfigurationException e)
        {
            Add(DoctorCheck.Fail(name, e.Message, e.RemediationHint));
            return (null, null);
        }

        var (manifest, problems) = ValidateCommand.CheckManifest(path);
        if (manifest is null || problems.Count > 0)
        {
            var (message, hint) = problems[0];
            var more = problems.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {problems.Count - 1} more: alchemiser validate {path})") : "";
            Add(DoctorCheck.Fail(name, message + more, hint));
            return (null, path);
        }

        Add(DoctorCheck.Pass(name, string.Create(CultureInfo.InvariantCulture,
            $"{path}: the {manifest.Strategies.Count} strategies of stage {settings.Stage} parse ({ValidateCommand.Describe(manifest)})")));
        return (manifest, path);
    }

    private void CheckPrices(StrategyManifest? manifest, string? manifestPath)
    {
        const string name = "local prices";
        var folder = settings.PricesDirectory;
        if (folder is null)
        {
            Add(DoctorCheck.Skip(name, "not configured (--prices <folder> checks one)"));
            return;
        }

        var fill = $"alchemiser data fetch --strategies {manifestPath ?? "strategies/strategies.dev.json"} --to {folder}";
        if (!Directory.Exists(folder))
        {
            Add(settings.PricesExplicit
                ? DoctorCheck.Fail(name, $"price folder '{folder}' does not exist", "fill it from Alpaca: " + fill)
                : DoctorCheck.Skip(name, $"{folder} does not exist (not configured; --prices <folder> checks one)"));
            return;
        }

        var store = new CsvBarStore(folder);
        var count = store.Symbols().Count;
        if (manifest is null)
        {
            Add(DoctorCheck.Pass(name, string.Create(CultureInfo.InvariantCulture, $"{folder}: {count} price files (tickers not checked: the manifest does not parse)")));
            return;
        }

        List<string> tickers;
        try
        {
            tickers = manifest.Strategies
                .SelectMany(s => StrategyFiles.Compile(s.FullPath).Stats.Tickers.Select(t => t.Ticker))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (DslException)
        {
            Add(DoctorCheck.Pass(name, string.Create(CultureInfo.InvariantCulture, $"{folder}: {count} price files")));
            return;
        }

        var missing = tickers.Where(t => !store.Contains(t)).ToList();
        Add(missing.Count == 0
            ? DoctorCheck.Pass(name, string.Create(CultureInfo.InvariantCulture, $"{folder}: {count} price files, one for each of the {tickers.Count} tickers of stage {settings.Stage}"))
            : DoctorCheck.Fail(
                name,
                string.Create(CultureInfo.InvariantCulture, $"{folder}: no price file for {missing.Count} of the {tickers.Count} tickers of stage {settings.Stage}: {string.Join(", ", missing)}"),
                $"alchemiser data fetch --symbols {string.Join(',', missing)} --to {folder}"));
    }

    private async Task CheckDatalakeAsync()
    {
        const string name = "S3 datalake";
        if (settings.Datalake is null)
        {
            Add(DoctorCheck.Skip(name, "not configured (--datalake s3://bucket or ALCHEMISER_DATALAKE_BUCKET checks one)"));
            return;
        }

        S3Address location;
        try
        {
            location = S3Address.Parse(settings.Datalake, "--datalake");
            using var s3 = CliAws.S3(context, CliAws.Options(context, settings.Timeout, 0));
            var prefix = (location.Prefix.Length == 0 ? "" : location.Prefix + "/") + Aws.S3.S3BarStore.BarsFolder;
            var page = await BoundedAsync(token => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = location.Bucket, Prefix = prefix, MaxKeys = 1000 }, token))
                .ConfigureAwait(false);
            var files = (page.S3Objects ?? []).Count(o => o.Key.EndsWith(".csv", StringComparison.Ordinal));
            Add(DoctorCheck.Pass(name, string.Create(CultureInfo.InvariantCulture,
                $"s3://{location.Bucket}/{prefix}: reachable, {files}{(page.IsTruncated == true ? "+" : "")} price files")));
        }
        catch (ConfigurationException e)
        {
            Add(DoctorCheck.Fail(name, e.Message, e.RemediationHint));
        }
        catch (AmazonS3Exception e) when (string.Equals(e.ErrorCode, "NoSuchBucket", StringComparison.Ordinal))
        {
            Add(DoctorCheck.Fail(name, $"bucket of {settings.Datalake} does not exist", "check the name (the stack's DatalakeBucket output), or deploy the stack"));
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            Add(DoctorCheck.Fail(name, $"{settings.Datalake}: {CliAws.Describe(e)}", "check the AWS credentials, region and the bucket's permissions (alchemiser doctor --aws)"));
        }
        catch (TimeoutException)
        {
            Add(DoctorCheck.Fail(name, $"{settings.Datalake}: no answer within {Seconds}", "check AWS_ENDPOINT_URL, AWS_REGION and the network"));
        }
    }

    private async Task CheckAwsAsync(AlpacaKeySource? keysSource)
    {
        var region = context.Setting("AWS_REGION") is { } r ? (r, "AWS_REGION") : context.Setting("AWS_DEFAULT_REGION") is { } d ? (d, "AWS_DEFAULT_REGION") : (null, null);
        Add(region.Item1 is { } value
            ? DoctorCheck.Pass("AWS region", $"{value} ({region.Item2})")
            : DoctorCheck.Fail("AWS region", "neither AWS_REGION nor AWS_DEFAULT_REGION is set (the CLI would use us-east-1)", "export AWS_REGION=<the stack's region>, e.g. us-east-1"));

        if (context.Setting(CliAws.EndpointVariable) is { } endpoint)
        {
            Add(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? DoctorCheck.Pass("AWS endpoint", $"{CliAws.EndpointVariable}={endpoint}: every AWS call goes there (moto, LocalStack)")
                : DoctorCheck.Fail("AWS endpoint", $"{CliAws.EndpointVariable} '{endpoint}' is not an absolute http(s) URL", $"e.g. http://127.0.0.1:5000, or unset {CliAws.EndpointVariable} for AWS itself"));
        }

        const string credentials = "AWS credentials";
        if (CliAws.EnvironmentCredentials(context) is { } fixedKeys)
        {
            Add(DoctorCheck.Pass(credentials, $"from {CliAws.AccessKeyVariable} (access key {AlpacaSetup.KeyHint(fixedKeys.AccessKeyId)}){(fixedKeys.SessionToken is null ? "" : " with a session token")}"));
        }
        else
        {
            try
            {
                // The chain resolves synchronously (and may probe instance metadata): off this thread, so the bound holds.
                var found = await BoundedAsync(token => Task.Run(async () => await new SdkCredentialSource().GetAsync(token).ConfigureAwait(false), token)).ConfigureAwait(false);
                Add(DoctorCheck.Pass(credentials, $"from the SDK's default chain (profile, SSO or role): access key {AlpacaSetup.KeyHint(found.AccessKeyId)}"));
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or ArgumentException or TimeoutException)
            {
                Add(DoctorCheck.Fail(credentials, e is Amazon.Runtime.AmazonClientException sdk ? CliAws.Describe(sdk) : "no AWS credentials found" + (e is TimeoutException ? $" within {Seconds}" : ": " + e.Message),
                    "aws configure (or aws sso login), or export AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"));
            }
        }

        const string secret = "Alpaca secret";
        var secretId = settings.AlpacaSecret ?? context.Setting(AlpacaSetup.SecretIdVariable);
        if (keysSource?.SecretId is not null)
        {
            Add(DoctorCheck.Skip(secret, $"{keysSource.SecretId}: checked with the Alpaca keys above"));
        }
        else if (secretId is null)
        {
            Add(DoctorCheck.Skip(secret, $"not configured ({AlpacaSetup.SecretIdVariable}, what the deployed functions read)"));
        }
        else
        {
            try
            {
                var source = AlpacaSetup.Keys(new CliContext(TextWriter.Null, TextWriter.Null, n => n is AlpacaSetup.KeyIdVariable or AlpacaSetup.SecretKeyVariable ? null : context.Environment(n)), secretId, settings.Timeout);
                var keys = await BoundedAsync(source.Load).ConfigureAwait(false);
                Add(DoctorCheck.Pass(secret, $"{secretId} holds api_key and secret_key (key id {AlpacaSetup.KeyHint(keys.KeyId)})"));
            }
            catch (AlchemiserException e)
            {
                Add(DoctorCheck.Fail(secret, e.Message, e.RemediationHint));
            }
            catch (TimeoutException)
            {
                Add(DoctorCheck.Fail(secret, $"reading {secretId} got no answer within {Seconds}", "check AWS_ENDPOINT_URL, AWS_REGION and the network"));
            }
        }
    }

    private string Seconds => settings.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    /// <summary>A call given <see cref="DoctorSettings.Timeout"/> (and a second more for its own timeout to fire first); <see cref="TimeoutException"/> after that.</summary>
    private async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> call)
    {
        var limit = settings.Timeout + TimeSpan.FromSeconds(1);
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            return await call(cancel.Token).WaitAsync(limit).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }
}
