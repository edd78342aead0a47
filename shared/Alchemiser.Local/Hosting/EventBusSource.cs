using Alchemiser.Core.Events;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The EventBridge <c>source</c> of a workflow event: <c>alchemiser.</c> followed by the emitting module
/// (<see cref="EventEnvelope.SourceModule"/>, e.g. <c>strategy_worker</c>). The <c>detail-type</c> is the event type.
/// </summary>
public static class EventBusSource
{
    /// <summary>What every Alchemiser source starts with.</summary>
    public const string Prefix = "alchemiser.";

    /// <summary>The source for events emitted by <paramref name="sourceModule"/>.</summary>
    public static string Of(string sourceModule) => Prefix + sourceModule;

    /// <summary>The source <paramref name="envelope"/> is published with.</summary>
    public static string Of(EventEnvelope envelope) => Of(envelope.SourceModule);
}
