using System.Globalization;
using System.Text.Json;
using Alchemiser.Alpaca.TestServer;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.SecretsManager;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Lambda;
using Alchemiser.Lambda.ColdStart;
using Alchemiser.Lambda.IntegrationTests.Support;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Hosting;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Synthetic;
using Alchemiser.Local.Time;

// Usage: Alchemiser.Lambda.ColdStart <artifacts folder> <FunctionHost.dll> [--target-ms 300] [--json file]
// Runs the dev stage's day on moto and the local Alpaca-compatible server (kill switch on: the plan is made, no order is
// placed), each function invocation in a fresh process over its packaged artifact, and reports per function the time from
// process start to the first handled event.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Alchemiser.Lambda.ColdStart <artifacts folder> <FunctionHost.dll> [--target-ms 300] [--json file]");
    return 2;
}

var artifacts = Path.GetFullPath(args[0]);
var hostDll = Path.GetFullPath(args[1]);
var targetMs = Option("--target-ms") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 300;
var jsonPath = Option("--json");
var tradingDate = new DateOnly(2025, 6, 30);
var work = Directory.CreateTempSubdirectory("alchemiser-cold-start-").FullName;
try
{
    Console.WriteLine("cold start: starting moto_server and the Alpaca-compatible test server on 127.0.0.1 ...");
    MotoServer moto;
    try
    {
        moto = new MotoServer();
    }
    catch (InvalidOperationException e)
    {
        Console.WriteLine("cold start: skipped — " + e.Message);
        return 0;
    }

    using var motoProcess = moto;
    var strategies = Path.Combine(artifacts, "StrategyWorker", "strategies");
    var bars = SyntheticBars(strategies, tradingDate);
    var stack = await MotoStack.CreateAsync(moto, "dev", bars);

    const string keyId = "PKCOLDSTARTBENCH";
    var secretKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
    var secretArn = await new SecretsManagerClient(MotoAws.Client(moto)).CreateSecretAsync(
        stack.Name + "-alpaca", JsonSerializer.Serialize(new Dictionary<string, string> { ["api_key"] = keyId, ["secret_key"] = secretKey }));
    var clock = new SimulatedClock(FifteenThirty(tradingDate));
    var barStore = new InMemoryBarStore(bars);
    await using var alpaca = await AlpacaTestServer.StartAsync(new AlpacaTestServerOptions
    {
        Broker = new PaperBroker(Path.Combine(work, "broker.db"), new BarMarketModel(barStore), clock),
        Bars = barStore,
        KeyId = keyId,
        SecretKey = secretKey,
        Clock = clock,
    });

    var services = new UpstreamIntervals();
    await using var motoProxy = await TimingProxy.StartAsync(moto.Endpoint, services);
    await using var alpacaProxy = await TimingProxy.StartAsync(alpaca.BaseUrl, services);
    var environment = stack.Environment
        .Where(v => v.Key != LambdaVariables.StrategiesDirectory) // the functions read the strategies packaged with them
        .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    environment["AWS_ENDPOINT_URL"] = motoProxy.BaseUrl.ToString();
    environment["AWS_ACCESS_KEY_ID"] = "testing";
    environment["AWS_SECRET_ACCESS_KEY"] = "testing";
    environment[LambdaVariables.AlpacaSecretArn] = secretArn;
    environment["ALCHEMISER_ALPACA_TRADING_URL"] = alpacaProxy.BaseUrl.ToString();
    environment["ALCHEMISER_ALPACA_DATA_URL"] = alpacaProxy.BaseUrl.ToString();
    environment[LambdaVariables.KillSwitch] = "true";
    environment["AWS_EC2_METADATA_DISABLED"] = "true";

    var handlers = TemplateRoutes.Load(RepositoryPaths.Template).Functions.ToDictionary(f => f.LogicalId, f => f.Handler!, StringComparer.Ordinal);
    var invoker = new ProcessInvoker(hostDll, artifacts, environment, work, services);
    var schedule = LambdaStreams.Write(new ScheduleInput("dev", tradingDate), ScheduleJsonContext.Default.ScheduleInput);
    Console.WriteLine("cold start: StrategyOrchestrator ...");
    await using (await invoker.For("StrategyOrchestrator", handlers["StrategyOrchestrator"])(schedule))
    {
    }

    var consumers = stack.ConsumerQueues.Keys.ToDictionary(c => c, c => invoker.For(c, handlers[c]), StringComparer.Ordinal);
    var driver = new LambdaDriver(stack, consumers, sqsConsumer: "Execution");
    await driver.PumpAsync();

    var firsts = invoker.Invocations.GroupBy(i => i.Function).Select(g => g.First()).ToList();
    Console.WriteLine();
    Console.WriteLine("Cold start of each packaged function: a fresh process handling its first event (milliseconds since the process started).");
    Console.WriteLine("'services' is the time the emulators it called were busy answering (moto's PutEvents alone takes ~0.7 s here; AWS answers");
    Console.WriteLine("in tens of milliseconds); 'own' = handled - services is the function's cold start, which the target applies to.");
    Console.WriteLine($"{"function",-22}{"first event",-30}{"init",7}{"handled",9}{"services",10}{"own",7}  target ≤ {targetMs}");
    foreach (var i in args.Contains("--all") ? invoker.Invocations : firsts)
    {
        var verdict = i.OwnMilliseconds <= targetMs ? "ok" : "OVER";
        Console.WriteLine($"{i.Function,-22}{i.DetailType,-30}{i.InitMilliseconds,7}{i.HandledMilliseconds,9}{i.ServiceMilliseconds,10}{i.OwnMilliseconds,7}  {verdict}");
    }

    Console.WriteLine($"({invoker.Invocations.Count} invocations in all, each in its own process)");
    if (jsonPath is not null)
    {
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(firsts.Select(f => new Dictionary<string, object>
        {
            ["function"] = f.Function,
            ["event"] = f.DetailType,
            ["init_ms"] = f.InitMilliseconds,
            ["handled_ms"] = f.HandledMilliseconds,
            ["services_ms"] = f.ServiceMilliseconds,
            ["own_ms"] = f.OwnMilliseconds,
            ["wall_ms"] = f.WallMilliseconds,
            ["target_ms"] = targetMs,
        })));
    }

    var expected = new[] { "StrategyOrchestrator", "StrategyWorker", "SignalAggregator", "Portfolio", "Execution", "Notifications" };
    var missing = expected.Except(firsts.Select(f => f.Function), StringComparer.Ordinal).ToList();
    if (missing.Count > 0)
    {
        foreach (var (function, lines) in invoker.Logs)
        {
            Console.Error.WriteLine($"--- {function} logged:{Environment.NewLine}{lines}");
        }

        Console.Error.WriteLine("the workflow did not reach: " + string.Join(", ", missing));
        return 1;
    }

    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> SyntheticBars(string strategiesFolder, DateOnly tradingDate)
{
    var tickers = Directory.GetFiles(strategiesFolder, "*.clj")
        .SelectMany(f => Alchemiser.Dsl.DslCompiler.Parse(File.ReadAllText(f), Path.GetFileName(f)).Stats.Tickers.Select(t => t.Ticker))
        .Distinct(StringComparer.Ordinal)
        .ToList();
    return new SyntheticMarket(5).Generate(tickers, tradingDate.AddYears(-2), tradingDate);
}

static DateTimeOffset FifteenThirty(DateOnly date)
{
    var local = date.ToDateTime(new TimeOnly(15, 30));
    return new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local));
}
