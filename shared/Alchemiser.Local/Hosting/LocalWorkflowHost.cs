using System.Diagnostics;
using System.Text;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Execution;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Idempotency;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Notifications;
using Alchemiser.Local.Reports;
using Alchemiser.Local.Sessions;
using Alchemiser.Local.Time;
using Alchemiser.Notifications;
using Alchemiser.Portfolio;
using Alchemiser.SignalAggregator;
using Alchemiser.StrategyOrchestrator;
using Alchemiser.StrategyWorker;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The embedded default: the whole workflow in one process with no cloud account — an in-process bus routed by the
/// rules of template.yaml, an in-process execution queue with the template's redrive semantics, SQLite for sessions,
/// the trade ledger, idempotency records and the paper broker, CSV prices, report files in a folder — invoking every
/// handler through the same <c>Function</c> class, with the same JSON on the way in, that Lambda invokes.
/// </summary>
/// <remarks>
/// Time is a <see cref="SimulatedClock"/>: a run sets it to 15:30 New York on its trading date and the executor's
/// waits advance it, so a trading day takes seconds. With <see cref="LocalHostOptions.ExternalBroker"/> (a real broker)
/// the run trades that broker instead, on its clock and calendar, and waits in real time. Messages the execution queue
/// gives up on are kept as JSON files in <c>dead-letters/</c> beside the database.
/// </remarks>
public sealed class LocalWorkflowHost
{
    private readonly InProcessEventBus _bus;
    private readonly StrategyOrchestrator.Function _orchestrator;
    private readonly SqliteAggregationSessionStore _sessions;
    private readonly SimulatedClock? _clock;
    private readonly IClock _today;
    private readonly InProcessQueue _executionQueue;
    private readonly SqsQueuePoller _executionPoller;

    public LocalWorkflowHost(LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var external = options.ExternalBroker;
        IClock clock;
        IDelay delay;
        if (external is null)
        {
            var simulated = _clock = options.Clock ?? new SimulatedClock(DateTimeOffset.UnixEpoch);
            (clock, delay, _today) = (simulated, simulated, SystemClock.Instance);
        }
        else
        {
            (clock, delay, _today) = (external.Clock, external.Delay, external.Clock);
        }

        var sessions = _sessions = new SqliteAggregationSessionStore(options.DatabasePath);
        var bars = new CsvBarStore(options.PricesDirectory);
        var publisher = new DeferredPublisher(options.OnEvent);
        var log = options.Log ?? new JsonLinesLog(new TextWriterLogSink(TextWriter.Null));
        Broker = external?.Broker ?? new PaperBroker(options.DatabasePath, new BarMarketModel(bars), clock, options.Broker);
        Ledger = new SqliteTradeLedger(options.DatabasePath);
        ReportsDirectory = Path.GetFullPath(options.ReportsDirectory);
        var reports = new FolderReportStore(ReportsDirectory);

        var worker = new StrategyWorker.Function(new StrategyEvaluationService(
            bars, external?.Broker ?? (IQuoteSource)new BarStoreQuoteSource(bars), publisher, clock, new StrategyLibrary(options.StrategiesDirectory)), log);
        var aggregator = new SignalAggregator.Function(new SignalAggregationService(sessions, publisher, clock), log);
        var portfolio = new Portfolio.Function(
            new PortfolioService(Broker, Ledger, new SqliteIdempotencyStore(options.DatabasePath, clock), publisher, clock, options.Planner), log);
        var execution = new Execution.Function(new ExecutionService(Broker, Ledger, publisher, clock, delay, options.Execution), log);
        var notifications = new Alchemiser.Notifications.Function(
            new NotificationService(reports, new FileNotifier(options.Console ?? TextWriter.Null, ReportsDirectory)), log);
        _orchestrator = new StrategyOrchestrator.Function(new RunOrchestrationService(
            sessions,
            publisher,
            external?.Calendar ?? new NyseMarketCalendar(),
            clock,
            new OrchestratorSettings(options.StrategiesDirectory, options.EarlyClosePolicy, options.FailurePolicy, options.LiveBarPolicy)), log);

        var routes = TemplateRoutes.Load(options.TemplatePath).Routes;
        var queueName = routes.FirstOrDefault(r => r.Consumer == Execution.Function.Name)?.Queue
            ?? throw new ArgumentException($"{options.TemplatePath} routes nothing to {Execution.Function.Name} through a queue", nameof(options));
        _executionQueue = new InProcessQueue(queueName, clock, options.ExecutionVisibilityTimeout, options.Execution.MaxReceiveCount);
        var deadLetters = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!, "dead-letters");
        _executionQueue.DeadLettered += letter => KeepDeadLetter(deadLetters, queueName, letter);
        _executionPoller = new SqsQueuePoller(_executionQueue, execution.HandleAsync, clock, delay);

        _bus = new InProcessEventBus(routes, new Dictionary<string, Func<EventEnvelope, CancellationToken, Task>>(StringComparer.Ordinal)
        {
            ["StrategyWorker"] = (e, _) => InvokeAsync(worker.HandleAsync, e),
            ["SignalAggregator"] = (e, _) => InvokeAsync(aggregator.HandleAsync, e),
            ["Portfolio"] = options.StopAfterSignal ? (_, _) => Task.CompletedTask : (e, _) => InvokeAsync(portfolio.HandleAsync, e),
            [Execution.Function.Name] = EnqueueAsync,
            ["Notifications"] = (e, _) => InvokeAsync(notifications.HandleAsync, e),
        });
        publisher.Target = _bus;
    }

    /// <summary>
    /// The broker the run trades: the paper broker (its account lives in the database file), or
    /// <see cref="LocalHostOptions.ExternalBroker"/>'s.
    /// </summary>
    public IBroker Broker { get; }

    /// <summary>The trade ledger the run writes.</summary>
    public SqliteTradeLedger Ledger { get; }

    /// <summary>The folder the report files and e-mails are written to.</summary>
    public string ReportsDirectory { get; }

    /// <summary>Messages the execution queue gave up on, in the order they died.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters => _executionQueue.DeadLetters;

    /// <summary>
    /// Runs the schedule's invocation at 15:30 New York on its trading date (today's when it names none) and waits until
    /// every event of it has been handled: signal, plan, execution (through the queue), notifications.
    /// </summary>
    public async Task<LocalRunResult> RunAsync(ScheduleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tradingDate = input.TradingDate ?? MarketTime.TradingDateOf(_today.UtcNow);
        var start = NewYorkTime.Instant(tradingDate, LocalHostOptions.RunTime);
        if (_clock is not null && _clock.UtcNow < start)
        {
            _clock.Set(start);
        }

        var watch = Stopwatch.StartNew();
        var published = _bus.Published.Count;
        using var request = LambdaStreams.Write(input with { TradingDate = tradingDate }, ScheduleJsonContext.Default.ScheduleInput);
        await using var response = await _orchestrator.HandleAsync(request).ConfigureAwait(false);
        var started = await LambdaStreams.ReadAsync(response, OrchestratorJsonContext.Default.RunStart, "the orchestrator's answer", cancellationToken).ConfigureAwait(false);
        await _bus.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        var events = _bus.Published.Skip(published).Where(e => e.CorrelationId == started.CorrelationId).ToList();
        return new LocalRunResult(started, events, watch.Elapsed);
    }

    /// <summary>
    /// Puts events on the bus as if a function had published them (the local <c>aws events put-events</c>, e.g. to
    /// re-drive a dead letter) and waits until everything they cause has been handled.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        await _bus.PublishAsync(events, cancellationToken).ConfigureAwait(false);
        await _bus.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A stored session (for reporting a run that already exists).</summary>
    public Task<Core.Sessions.AggregationSession?> SessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        _sessions.GetAsync(sessionId, cancellationToken);

    /// <summary>Hands the event to a Function exactly as EventBridge would: as the JSON of an EventBridge event.</summary>
    private static async Task InvokeAsync(Func<Stream, Task<Stream>> handler, EventEnvelope envelope)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(ToEventBridge(envelope)));
        await using var output = await handler(input).ConfigureAwait(false);
    }

    /// <summary>The rule's queue target: the EventBridge event becomes the message body; the poller feeds Execution.</summary>
    private async Task EnqueueAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        _executionQueue.Send(ToEventBridge(envelope));
        await _executionPoller.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ToEventBridge(EventEnvelope envelope) => EventBridgeEvent.Create(envelope, EventSources.For(envelope.SourceModule)).ToJson();

    private static void KeepDeadLetter(string folder, string queue, DeadLetter letter)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{queue}-{letter.MessageId}.json"), letter.Body, new UTF8Encoding(false));
    }

    /// <summary>Lets the services be built before the bus that routes their events exists; tells the observer first.</summary>
    private sealed class DeferredPublisher(Action<EventEnvelope>? observer) : IEventPublisher
    {
        public IEventPublisher? Target { get; set; }

        public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
        {
            var target = Target ?? throw new InvalidOperationException("the bus is not wired yet");
            foreach (var e in events)
            {
                observer?.Invoke(e);
            }

            return target.PublishAsync(events, cancellationToken);
        }
    }
}
