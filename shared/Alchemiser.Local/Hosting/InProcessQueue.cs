using System.Globalization;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The local stand-in for an SQS queue with a redrive policy: messages are received in the order they were sent, a
/// received message is invisible for the visibility timeout and comes back unless it is deleted with its latest receipt
/// handle, and a message already received <see cref="MaxReceiveCount"/> times moves to the dead-letter list the next
/// time it would be received (SQS's rule). Time is the injected clock's, so a simulated clock makes redelivery instant.
/// </summary>
/// <remarks>Thread-safe. Message ids are <c>{queue}-000001</c>, … so a local run is reproducible.</remarks>
public sealed class InProcessQueue
{
    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly List<Entry> _messages = [];
    private readonly List<DeadLetter> _deadLetters = [];
    private int _sequence;

    /// <param name="name">The queue's name (e.g. the logical id <c>ExecutionQueue</c>); it names its messages and ARN.</param>
    /// <param name="visibilityTimeout">How long a received message stays invisible; &gt; 0.</param>
    /// <param name="maxReceiveCount">Receives before the message moves to the dead letters (the redrive policy's <c>maxReceiveCount</c>); ≥ 1.</param>
    public InProcessQueue(string name, IClock clock, TimeSpan visibilityTimeout, int maxReceiveCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(visibilityTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReceiveCount, 1);
        Name = name;
        _clock = clock;
        VisibilityTimeout = visibilityTimeout;
        MaxReceiveCount = maxReceiveCount;
    }

    /// <summary>The queue's name.</summary>
    public string Name { get; }

    /// <summary>A local ARN for the queue (the region and account are placeholders; SQS records carry them).</summary>
    public string Arn => $"arn:aws:sqs:us-east-1:000000000000:{Name}";

    /// <summary>How long a received message stays invisible.</summary>
    public TimeSpan VisibilityTimeout { get; }

    /// <summary>Receives before a message moves to the dead letters.</summary>
    public int MaxReceiveCount { get; }

    /// <summary>Messages in the queue, visible or in flight.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Messages that were received <see cref="MaxReceiveCount"/> times without being deleted, in the order they died.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return _deadLetters.ToArray();
            }
        }
    }

    /// <summary>When the earliest in-flight message becomes visible again; null when nothing is in flight.</summary>
    public DateTimeOffset? NextVisibleAt
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count == 0 ? null : _messages.Min(m => m.VisibleAt);
            }
        }
    }

    /// <summary>Is told about each message as it moves to the dead letters (e.g. to keep it on disk).</summary>
    public event Action<DeadLetter>? DeadLettered;

    /// <summary>Queues <paramref name="body"/>; returns its message id.</summary>
    public string Send(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{Name}-{++_sequence:D6}");
            _messages.Add(new Entry(id, body, _clock.UtcNow));
            return id;
        }
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> visible messages as SQS hands them to Lambda, first sent first;
    /// each becomes invisible for the visibility timeout. A visible message that has used up its receives moves to the
    /// dead letters instead.
    /// </summary>
    public IReadOnlyList<SqsMessage> Receive(int maxMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var received = new List<SqsMessage>();
        var died = new List<DeadLetter>();
        lock (_gate)
        {
            var now = _clock.UtcNow;
            foreach (var entry in _messages.ToList())
            {
                if (received.Count == maxMessages)
                {
                    break;
                }

                if (entry.VisibleAt > now)
                {
                    continue;
                }

                if (entry.ReceiveCount >= MaxReceiveCount)
                {
                    _messages.Remove(entry);
                    var dead = new DeadLetter(entry.MessageId, entry.Body, entry.ReceiveCount, entry.SentAt, now);
                    _deadLetters.Add(dead);
                    died.Add(dead);
                    continue;
                }

                entry.ReceiveCount++;
                entry.FirstReceivedAt ??= now;
                entry.VisibleAt = now + VisibilityTimeout;
                entry.ReceiptHandle = string.Create(CultureInfo.InvariantCulture, $"{entry.MessageId}#{entry.ReceiveCount}");
                received.Add(SqsMessage.Create(
                    entry.MessageId, entry.Body, Arn, entry.ReceiveCount, entry.SentAt, entry.FirstReceivedAt.Value, "events.amazonaws.com", entry.ReceiptHandle));
            }
        }

        foreach (var dead in died)
        {
            DeadLettered?.Invoke(dead);
        }

        return received;
    }

    /// <summary>Deletes the message received with <paramref name="receiptHandle"/>; false when the handle is not its latest (it was received again) or it is gone.</summary>
    public bool Delete(string receiptHandle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHandle);
        lock (_gate)
        {
            return _messages.RemoveAll(m => string.Equals(m.ReceiptHandle, receiptHandle, StringComparison.Ordinal)) == 1;
        }
    }

    private sealed class Entry(string messageId, string body, DateTimeOffset sentAt)
    {
        public string MessageId { get; } = messageId;

        public string Body { get; } = body;

        public DateTimeOffset SentAt { get; } = sentAt;

        public DateTimeOffset VisibleAt { get; set; } = sentAt;

        public DateTimeOffset? FirstReceivedAt { get; set; }

        public int ReceiveCount { get; set; }

        public string? ReceiptHandle { get; set; }
    }
}
