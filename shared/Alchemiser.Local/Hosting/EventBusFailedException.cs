namespace Alchemiser.Local.Hosting;

/// <summary>
/// Raised by <see cref="InProcessEventBus.WhenIdleAsync"/> once the bus is idle when any dispatch failed: the
/// <see cref="AggregateException.InnerExceptions"/> are the handlers' exceptions (and an
/// <see cref="UnroutedEventException"/> per unrouted event), <see cref="Failures"/> says which event and consumer each belongs to.
/// </summary>
public sealed class EventBusFailedException : AggregateException
{
    /// <summary>Wraps <paramref name="failures"/> (at least one).</summary>
    public EventBusFailedException(IReadOnlyList<EventDispatchFailure> failures)
        : base(Describe(failures), failures.Select(f => f.Error))
    {
        Failures = failures;
    }

    /// <summary>Every failure, in the order they happened.</summary>
    public IReadOnlyList<EventDispatchFailure> Failures { get; }

    private static string Describe(IReadOnlyList<EventDispatchFailure> failures) =>
        $"{failures.Count} event dispatch(es) failed:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures);
}
