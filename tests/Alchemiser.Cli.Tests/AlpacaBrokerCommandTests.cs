namespace Alchemiser.Cli.Tests;

/// <summary><c>status --broker alpaca</c> and <c>run --broker alpaca</c> against the local Alpaca-compatible server.</summary>
public sealed class AlpacaBrokerCommandTests : IAsyncDisposable
{
    private readonly TempFolder _temp = new();

    private static string Strategies => Path.Combine(CliHarness.RepositoryRoot, "strategies");

    private static string Template => Path.Combine(CliHarness.RepositoryRoot, "template.yaml");

    private string Database => Path.Combine(_temp.Path, "state", "alchemiser.db");

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    private string SynthPrices()
    {
        var prices = Path.Combine(_temp.Path, "prices");
        var synth = CliHarness.Run("data", "synth", "--out", prices, "--strategies", Path.Combine(Strategies, "strategies.dev.json"), "--to", "2025-06-30", "--years", "3");
        Assert.True(synth.ExitCode == 0, synth.All);
        return prices;
    }

    private static void AssertNoSecrets(AlpacaServer server)
    {
        foreach (var run in server.Runs)
        {
            Secrets.AssertAbsent(run.All, AlpacaServer.KeyId, AlpacaServer.Secret);
        }
    }

    [Fact]
    public async Task Status_shows_the_alpaca_account_its_positions_and_the_market_clock()
    {
        await using var server = await AlpacaServer.StartAsync(["SPY", "TLT"]);
        await server.BuyAsync("SPY", 10m);

        var run = server.Run("status", "--broker", "alpaca", "--db", Database);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches(@"Alpaca paper account [0-9a-f-]{36} now · equity [0-9,]+\.[0-9]{2} · cash [0-9,]+\.[0-9]{2}", run.Stdout);
        Assert.Contains("market open, closes Mon 2025-06-30 16:00 New York", run.Stdout, StringComparison.Ordinal);
        var spyRow = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("SPY", StringComparison.Ordinal));
        Assert.Contains(" 10 ", spyRow, StringComparison.Ordinal);
        Assert.Contains("no local trade ledger at", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, server.Server.Journal.Count("GET", "/v2/account"));
        Assert.Equal(1, server.Server.Journal.Count("GET", "/v2/positions"));
        AssertNoSecrets(server);
    }

    [Fact]
    public async Task Status_with_refused_keys_is_one_clear_error()
    {
        await using var server = await AlpacaServer.StartAsync(["SPY"]);

        var run = server.Run(server.Environment(secret: "not-the-secret-5d2a"), "status", "--broker", "alpaca");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: Alpaca GET /v2/account failed: HTTP 401", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: check the Alpaca key id and secret key", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Secrets.AssertAbsent(run.All, "not-the-secret-5d2a", AlpacaServer.KeyId);
    }

    [Fact]
    public async Task Run_until_signal_takes_the_date_and_the_calendar_from_alpaca_and_places_no_order()
    {
        var prices = SynthPrices();
        await using var server = await AlpacaServer.StartAsync(["SPY"]);

        var run = server.Run(
            "run", "--broker", "alpaca", "--until", "signal", "--stage", "dev", "--strategies", Strategies, "--prices", prices,
            "--db", Database, "--template", Template);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("broker: Alpaca paper (http://127.0.0.1:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025-06-30 · started", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("consolidated target portfolio", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 of 3 strategies", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, server.Server.Journal.Count("GET", "/v2/clock"));
        Assert.True(server.Server.Journal.Count("GET", "/v2/calendar") >= 1);
        Assert.Equal(0, server.Server.Journal.Count("POST", "/v2/orders"));
        Assert.Equal(0, server.Server.Journal.Count("GET", "/v2/account"));
        var log = File.ReadAllText(Path.Combine(_temp.Path, "state", "logs", "alchemiser.jsonl"));
        Assert.NotEmpty(log);
        Secrets.AssertAbsent(log, AlpacaServer.KeyId, AlpacaServer.Secret);
        AssertNoSecrets(server);
    }

    [Fact]
    public async Task Run_until_signal_is_skipped_on_a_day_alpacas_calendar_has_closed()
    {
        var prices = SynthPrices();
        await using var server = await AlpacaServer.StartAsync(["SPY"]);

        var run = server.Run(
            "run", "--broker", "alpaca", "--until", "signal", "--date", "2025-07-04", "--strategies", Strategies, "--prices", prices,
            "--db", Database, "--template", Template);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("skipped: market closed on 2025-07-04: Independence Day", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("start=2025-07-01", Assert.Single(server.Server.Journal.Matching("GET", "/v2/calendar")).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trading_run_refuses_while_the_market_is_closed_and_names_the_next_open()
    {
        var prices = SynthPrices();
        await using var server = await AlpacaServer.StartAsync(["SPY"], new DateOnly(2025, 6, 28), new TimeOnly(12, 0));

        var run = server.Run(
            "run", "--broker", "alpaca", "--strategies", Strategies, "--prices", prices, "--db", Database, "--template", Template);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: the market is closed (Alpaca's clock: Sat 2025-06-28 12:00 New York); the next open is Mon 2025-06-30 09:30 New York", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--until signal", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, server.Server.Journal.Count("POST", "/v2/orders"));
        Assert.False(File.Exists(Database));
        AssertNoSecrets(server);
    }

    [Fact]
    public async Task A_trading_run_is_for_today_on_alpacas_clock()
    {
        var prices = SynthPrices();
        await using var server = await AlpacaServer.StartAsync(["SPY"]);

        var run = server.Run(
            "run", "--broker", "alpaca", "--date", "2025-06-27", "--strategies", Strategies, "--prices", prices, "--db", Database, "--template", Template);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--date 2025-06-27: a run that trades on Alpaca is for today (2025-06-30 on Alpaca's clock)", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--broker", "ibkr", "--broker 'ibkr' is not one of paper, alpaca")]
    [InlineData("run", "--alpaca-secret", "alpaca/keys", "--alpaca-secret needs --broker alpaca")]
    [InlineData("status", "--alpaca-secret", "alpaca/keys", "--alpaca-secret needs --broker alpaca")]
    public void Broker_options_that_do_not_fit_are_clear_errors(string command, string option, string value, string message)
    {
        var run = CliHarness.Run(new Dictionary<string, string>(), command, option, value, "--db", Database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cash_has_no_meaning_for_an_alpaca_account()
    {
        var run = CliHarness.Run(new Dictionary<string, string>(), "run", "--broker", "alpaca", "--cash", "5000", "--template", Template);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--cash opens a new paper-simulator account", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_credentials_a_run_against_alpaca_says_how_to_configure_them()
    {
        var prices = SynthPrices();

        var run = CliHarness.Run(
            new Dictionary<string, string>(), "run", "--broker", "alpaca", "--until", "signal", "--strategies", Strategies, "--prices", prices,
            "--db", Database, "--template", Template);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: no Alpaca credentials", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--alpaca-secret", run.Stderr, StringComparison.Ordinal);
    }
}
