using System.Collections.Concurrent;
using Alchemiser.Core.Events;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>An event publisher that keeps what was published, in order, for assertions and manual delivery.</summary>
public sealed class RecordingPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<EventEnvelope> _published = new();
    private readonly ConcurrentQueue<IReadOnlyList<EventEnvelope>> _batches = new();

    public IReadOnlyList<EventEnvelope> Published => [.. _published];

    /// <summary>What each <see cref="PublishAsync"/> call published, call by call.</summary>
    public IReadOnlyList<IReadOnlyList<EventEnvelope>> Batches => [.. _batches];

    public IReadOnlyList<EventEnvelope> OfType(string eventType) => Published.Where(e => e.EventType == eventType).ToList();

    public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        var batch = new List<EventEnvelope>(events.Count);
        foreach (var e in events)
        {
            // Round-trip through JSON as the bus would: what is published must survive the wire.
            var wired = EventEnvelope.FromJson(e.ToJson());
            batch.Add(wired);
            _published.Enqueue(wired);
        }

        _batches.Enqueue(batch);

        return Task.CompletedTask;
    }
}
