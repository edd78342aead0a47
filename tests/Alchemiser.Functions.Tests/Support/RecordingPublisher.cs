using System.Collections.Concurrent;
using Alchemiser.Core.Events;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>An event publisher that keeps what was published, in order, for assertions and manual delivery.</summary>
public sealed class RecordingPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<EventEnvelope> _published = new();

    public IReadOnlyList<EventEnvelope> Published => [.. _published];

    public IReadOnlyList<EventEnvelope> OfType(string eventType) => Published.Where(e => e.EventType == eventType).ToList();

    public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            // Round-trip through JSON as the bus would: what is published must survive the wire.
            _published.Enqueue(EventEnvelope.FromJson(e.ToJson()));
        }

        return Task.CompletedTask;
    }
}
