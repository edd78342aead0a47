namespace Alchemiser.Cli.Tests;

/// <summary>
/// The configured Alpaca key id and secret never reach what a user or a log sees: every alpaca-path command, with the
/// right keys and with refused ones, succeeding and failing, is run and its standard output, standard error, the run's
/// JSON log and the files it wrote are scanned.
/// </summary>
public sealed class AlpacaSecretsTests
{
    private const string RefusedSecret = "refused-secret-9c2e7a51b3";

    [Fact]
    public async Task No_output_log_or_file_of_the_alpaca_commands_contains_the_key_or_the_secret()
    {
        using var temp = new TempFolder();
        var strategies = Path.Combine(CliHarness.RepositoryRoot, "strategies");
        var template = Path.Combine(CliHarness.RepositoryRoot, "template.yaml");
        var prices = Path.Combine(temp.Path, "prices");
        var state = Path.Combine(temp.Path, "state", "alchemiser.db");
        Assert.Equal(0, CliHarness.Run("data", "synth", "--out", prices, "--strategies", Path.Combine(strategies, "strategies.dev.json"), "--to", "2025-06-30", "--years", "2").ExitCode);
        await using var server = await AlpacaServer.StartAsync(["SPY", "QQQ"]);
        await server.BuyAsync("SPY", 3m);
        var refused = server.Environment(secret: RefusedSecret);
        var lake = Path.Combine(temp.Path, "lake");

        var runs = new List<CliRun>
        {
            server.Run("doctor", "--strategies", strategies, "--prices", prices),
            server.Run(refused, "doctor", "--strategies", strategies),
            server.Run("status", "--broker", "alpaca", "--db", state),
            server.Run(refused, "status", "--broker", "alpaca"),
            server.Run("data", "fetch", "--symbols", "SPY,QQQ,NOPEX", "--years", "1", "--end", "2025-06-27", "--to", lake),
            server.Run(refused, "data", "fetch", "--symbols", "SPY", "--years", "1", "--end", "2025-06-27", "--to", lake + "-refused"),
            server.Run("run", "--broker", "alpaca", "--until", "signal", "--strategies", strategies, "--prices", prices, "--db", state, "--template", template),
            server.Run(refused, "run", "--broker", "alpaca", "--until", "signal", "--strategies", strategies, "--prices", prices, "--db", state, "--template", template),
        };

        Assert.Equal([0, 1, 0, 1, 1, 1, 0, 1], runs.Select(r => r.ExitCode));
        Assert.Contains("HTTP 401", runs[3].Stderr, StringComparison.Ordinal);
        foreach (var run in server.Runs)
        {
            Secrets.AssertAbsent(run.All, AlpacaServer.KeyId, AlpacaServer.Secret, RefusedSecret);
        }

        var written = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(prices, StringComparison.Ordinal) && !f.EndsWith(".db", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(written, f => f.EndsWith("alchemiser.jsonl", StringComparison.Ordinal));
        Assert.Contains(written, f => f.EndsWith(".alchemiser-fetch.json", StringComparison.Ordinal));
        foreach (var file in written)
        {
            Secrets.AssertAbsent(File.ReadAllText(file), AlpacaServer.KeyId, AlpacaServer.Secret, RefusedSecret);
        }
    }
}
