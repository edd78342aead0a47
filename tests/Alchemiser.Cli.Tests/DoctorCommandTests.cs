using System.Net;
using System.Net.Sockets;

namespace Alchemiser.Cli.Tests;

/// <summary><c>alchemiser doctor</c>: the checklist, its exit code, and that it never shows a key.</summary>
public sealed class DoctorCommandTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private AlpacaServer _server = null!;

    private static string Strategies => Path.Combine(CliHarness.RepositoryRoot, "strategies");

    public async Task InitializeAsync() => _server = await AlpacaServer.StartAsync(["SPY"]);

    public async Task DisposeAsync()
    {
        foreach (var run in _server.Runs)
        {
            Secrets.AssertAbsent(run.All, AlpacaServer.KeyId, AlpacaServer.Secret, "wrong-secret-71c4e0d9");
        }

        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private string SynthPrices()
    {
        var prices = Path.Combine(_temp.Path, "prices");
        var synth = CliHarness.Run("data", "synth", "--out", prices, "--strategies", Path.Combine(Strategies, "strategies.dev.json"), "--to", "2025-06-27", "--years", "1");
        Assert.True(synth.ExitCode == 0, synth.All);
        return prices;
    }

    [Fact]
    public void Without_credentials_it_exits_non_zero_with_a_clear_message_and_no_stack_trace()
    {
        var run = CliHarness.Run(new Dictionary<string, string>(), "doctor", "--strategies", Strategies);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ Alpaca keys", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no Alpaca credentials: ALPACA_API_KEY and ALPACA_SECRET_KEY are not set", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: export ALPACA_API_KEY=<key id> and ALPACA_SECRET_KEY=<secret key>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("· Alpaca account  not checked: no usable Alpaca keys", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ strategies", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("error: 1 of 3 checks failed: Alpaca keys", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_credentials_the_real_process_exits_non_zero_with_no_stack_trace()
    {
        var blank = new Dictionary<string, string>
        {
            ["ALPACA_API_KEY"] = "", ["ALPACA_SECRET_KEY"] = "", ["ALCHEMISER_ALPACA_SECRET_ARN"] = "", ["ALCHEMISER_TRADING_MODE"] = "",
            ["ALCHEMISER_ALPACA_TRADING_URL"] = "", ["ALCHEMISER_ALPACA_DATA_URL"] = "", ["ALCHEMISER_DATALAKE_BUCKET"] = "", ["ALCHEMISER_STAGE"] = "",
        };

        var run = CliHarness.RunProcess(blank, "doctor", "--strategies", Strategies, "--timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no Alpaca credentials", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("checks failed: Alpaca keys", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Against_a_working_alpaca_every_check_passes_and_the_key_is_shown_by_its_last_four_characters_only()
    {
        var prices = SynthPrices();

        var run = _server.Run("doctor", "--strategies", Strategies, "--prices", prices);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.DoesNotContain("✗", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ Alpaca keys     from ALPACA_API_KEY / ALPACA_SECRET_KEY (key id …4W2Q)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ trading mode    paper (" + _server.Server.BaseUrl.ToString().TrimEnd('/') + ") · live not permitted here", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ Alpaca account  keys accepted by", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("equity 100,000.00", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ market clock    market open, closes Mon 2025-06-30 16:00 New York", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ strategies", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ local prices", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("all 6 checks passed", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, _server.Server.Journal.Count("GET", "/v2/account"));
        Assert.Equal(1, _server.Server.Journal.Count("GET", "/v2/clock"));
    }

    [Fact]
    public void Refused_keys_fail_the_account_check_with_a_hint_and_the_exit_code()
    {
        var run = _server.Run(_server.Environment(secret: "wrong-secret-71c4e0d9"), "doctor", "--strategies", Strategies);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✓ Alpaca keys", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✗ Alpaca account  Alpaca refused the keys: Alpaca GET /v2/account failed: HTTP 401", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: check ALPACA_API_KEY / ALPACA_SECRET_KEY: paper keys work only against", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("· market clock    not checked: the keys were refused", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("checks failed: Alpaca account", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_alpaca_fails_fast_with_a_hint()
    {
        var environment = _server.Environment();
        environment["ALCHEMISER_ALPACA_TRADING_URL"] = "http://127.0.0.1:" + ClosedPort();

        var run = _server.Run(environment, "doctor", "--strategies", Strategies, "--timeout", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ Alpaca account  Alpaca is not reachable", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: check the network path to http://127.0.0.1:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_trading_without_the_stage_and_the_confirmation_fails_the_trading_mode_check()
    {
        var environment = _server.Environment();
        environment["ALCHEMISER_TRADING_MODE"] = "live";

        var run = _server.Run(environment, "doctor", "--strategies", Strategies);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ trading mode    live trading refused: ALCHEMISER_TRADING_MODE=live also needs ALCHEMISER_STAGE=prod (it is unset)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("· Alpaca account  not checked: the trading mode is not valid", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_server.Server.Journal.Entries);
    }

    [Fact]
    public void A_manifest_that_does_not_parse_and_missing_price_files_fail_with_what_to_run()
    {
        var strategies = Path.Combine(_temp.Path, "strategies");
        _temp.File("strategies/strategies.dev.json", """{"strategies": [{"file": "broken.clj", "weight": 1}]}""");
        _temp.File("strategies/broken.clj", "(defsymphony \"Broken\" {} (asset \"SPY\")");
        Directory.CreateDirectory(Path.Combine(_temp.Path, "empty-prices"));

        var run = _server.Run("doctor", "--strategies", strategies, "--prices", Path.Combine(_temp.Path, "missing-prices"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ strategies      strategies.dev.json: broken.clj does not validate", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✗ local prices    price folder '" + Path.Combine(_temp.Path, "missing-prices") + "' does not exist", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: fill it from Alpaca: alchemiser data fetch --strategies", run.Stdout, StringComparison.Ordinal);

        var prices = _server.Run("doctor", "--strategies", Strategies, "--prices", Path.Combine(_temp.Path, "empty-prices"));

        Assert.Equal(1, prices.ExitCode);
        Assert.Contains("✗ local prices", prices.Stdout, StringComparison.Ordinal);
        Assert.Contains("no price file for", prices.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: alchemiser data fetch --symbols", prices.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_aws_it_checks_region_and_credentials_without_showing_the_secret_access_key()
    {
        var environment = _server.Environment();
        environment["AWS_ACCESS_KEY_ID"] = "AKIATESTCLI12345WXYZ";
        environment["AWS_SECRET_ACCESS_KEY"] = "aws-secret-never-shown-0f9e8d";

        var run = _server.Run(environment, "doctor", "--strategies", Strategies, "--aws");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ AWS region      neither AWS_REGION nor AWS_DEFAULT_REGION is set", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("✓ AWS credentials from AWS_ACCESS_KEY_ID (access key …WXYZ)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("· Alpaca secret   not configured", run.Stdout, StringComparison.Ordinal);
        Secrets.AssertAbsent(run.All, "aws-secret-never-shown-0f9e8d", "AKIATESTCLI12345WXYZ");
    }

    /// <summary>A loopback port nothing listens on.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
