namespace Alchemiser.Local.Hosting;

/// <summary>Optional behaviour of an <see cref="InProcessEventBus"/>.</summary>
public sealed class InProcessEventBusOptions
{
    /// <summary>
    /// How many deliveries may run at once; null (the default) leaves it to the thread pool, like Lambda's concurrency.
    /// A delivery holds its slot until its handler (or the <see cref="Interceptor"/>) completes, so an interceptor that
    /// waits for other deliveries needs at least as many slots as it waits for.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// When set, every delivery goes through it instead of straight to the handler: it may call
    /// <see cref="EventDelivery.DeliverAsync"/> once (the normal case), twice (duplicate delivery), later, or not at all.
    /// The bus counts the delivery as running until the returned task completes; what it throws is a failure.
    /// </summary>
    public Func<EventDelivery, CancellationToken, Task>? Interceptor { get; init; }

    /// <summary>Handed to every handler; once cancelled, deliveries that have not started fail with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }
}
