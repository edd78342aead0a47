using System.Diagnostics;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Sessions;
using Alchemiser.SignalAggregator;
using Alchemiser.StrategyOrchestrator;
using Alchemiser.StrategyWorker;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The embedded default: the workflow in one process with no cloud account — an in-process bus routed by the rules
/// of template.yaml, SQLite sessions, CSV prices — invoking every handler through the same <c>Function</c> class,
/// with the same JSON on the way in, that Lambda invokes. Functions past the signal (portfolio, execution,
/// notifications) are not hosted yet: events routed to them are recorded and go no further.
/// </summary>
public sealed class LocalWorkflowHost
{
    private readonly InProcessEventBus _bus;
    private readonly StrategyOrchestrator.Function _orchestrator;
    private readonly SqliteAggregationSessionStore _sessions;

    public LocalWorkflowHost(LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = options.Clock ?? SystemClock.Instance;
        var sessions = _sessions = new SqliteAggregationSessionStore(options.DatabasePath);
        var bars = new CsvBarStore(options.PricesDirectory);
        var publisher = new DeferredPublisher();
        var log = options.Log ?? new JsonLinesLog(new TextWriterLogSink(TextWriter.Null));

        var worker = new StrategyWorker.Function(new StrategyEvaluationService(
            bars, new BarStoreQuoteSource(bars), publisher, clock, new StrategyLibrary(options.StrategiesDirectory)), log);
        var aggregator = new SignalAggregator.Function(new SignalAggregationService(sessions, publisher, clock), log);
        _orchestrator = new StrategyOrchestrator.Function(new RunOrchestrationService(
            sessions,
            publisher,
            new NyseMarketCalendar(),
            clock,
            new OrchestratorSettings(options.StrategiesDirectory, options.EarlyClosePolicy, options.FailurePolicy, options.LiveBarPolicy)), log);

        _bus = InProcessEventBus.FromTemplate(options.TemplatePath, new Dictionary<string, Func<EventEnvelope, CancellationToken, Task>>(StringComparer.Ordinal)
        {
            ["StrategyWorker"] = (e, _) => InvokeAsync(worker.HandleAsync, e),
            ["SignalAggregator"] = (e, _) => InvokeAsync(aggregator.HandleAsync, e),
            ["Portfolio"] = NotHostedYet,
            ["Execution"] = NotHostedYet,
            ["Notifications"] = NotHostedYet,
        });
        publisher.Target = _bus;
    }

    /// <summary>Runs the schedule's invocation and waits until every event of it has been handled.</summary>
    public async Task<LocalRunResult> RunAsync(ScheduleInput input, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var request = LambdaStreams.Write(input, ScheduleJsonContext.Default.ScheduleInput);
        await using var response = await _orchestrator.HandleAsync(request).ConfigureAwait(false);
        var start = await LambdaStreams.ReadAsync(response, OrchestratorJsonContext.Default.RunStart, "the orchestrator's answer", cancellationToken).ConfigureAwait(false);
        await _bus.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        var events = _bus.Published.Where(e => e.CorrelationId == start.CorrelationId).ToList();
        return new LocalRunResult(start, events, watch.Elapsed);
    }

    /// <summary>A stored session (for reporting a run that already exists).</summary>
    public Task<Core.Sessions.AggregationSession?> SessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        _sessions.GetAsync(sessionId, cancellationToken);

    /// <summary>Hands the event to a Function exactly as EventBridge would: as the JSON of an EventBridge event.</summary>
    private static async Task InvokeAsync(Func<Stream, Task<Stream>> handler, EventEnvelope envelope)
    {
        var trigger = EventBridgeEvent.Create(envelope, EventSources.For(envelope.SourceModule));
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(trigger.ToJson()));
        await using var output = await handler(input).ConfigureAwait(false);
    }

    private static Task NotHostedYet(EventEnvelope envelope, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets the services be built before the bus that routes their events exists.</summary>
    private sealed class DeferredPublisher : IEventPublisher
    {
        public IEventPublisher? Target { get; set; }

        public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default) =>
            (Target ?? throw new InvalidOperationException("the bus is not wired yet")).PublishAsync(events, cancellationToken);
    }
}
