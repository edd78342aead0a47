using Alchemiser.Core.Hosting;
using Alchemiser.Core.Events;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// An event the in-process bus could not hand over: either no rule matched it (<see cref="Route"/> is null; EventBridge
/// would have dropped it silently) or the consumer's handler failed.
/// </summary>
public sealed record EventDispatchFailure(EventEnvelope Envelope, EventRoute? Route, Exception Error)
{
    /// <summary>Whether no rule matched the event.</summary>
    public bool IsUnrouted => Route is null;

    /// <summary>The consumer whose handler failed; null for an unrouted event.</summary>
    public string? Consumer => Route?.Consumer;

    /// <summary>One line: the event, where it was going, and what went wrong.</summary>
    public override string ToString() =>
        $"{Envelope.EventType} {Envelope.EventId} from {EventSources.For(Envelope.SourceModule)} -> {Consumer ?? "(no route)"}: {Error.GetType().Name}: {Error.Message}";
}
