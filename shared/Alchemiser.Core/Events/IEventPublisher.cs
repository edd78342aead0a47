namespace Alchemiser.Core.Events;

/// <summary>Port: puts events on the workflow bus (EventBridge in AWS, the in-process bus locally).</summary>
public interface IEventPublisher
{
    /// <summary>Publishes every event or throws; a retry re-publishes the same event ids.</summary>
    Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default);
}
