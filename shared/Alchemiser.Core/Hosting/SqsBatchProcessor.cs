using Alchemiser.Core.Events;

namespace Alchemiser.Core.Hosting;

/// <summary>One SQS record being handled: the message, the EventBridge event in its body, and the envelope in that.</summary>
public sealed record SqsDelivery(SqsMessage Message, EventBridgeEvent Event)
{
    /// <summary>The workflow event; idempotency keys on its <c>event_id</c>, never on the message id.</summary>
    public EventEnvelope Envelope => Event.Detail;
}

/// <summary>
/// Runs an SQS batch record by record (in batch order, one at a time) and builds the partial batch response: a record
/// whose body does not parse, or whose handler throws, is reported as a batch item failure and the next record is
/// handled; one bad record never fails the batch. Once <c>cancellationToken</c> is cancelled (the function is about to
/// time out) the remaining records are reported as failures without being handled, so they are redelivered.
/// </summary>
public static class SqsBatchProcessor
{
    /// <summary>Handles every record's envelope with <paramref name="handle"/>.</summary>
    public static Task<SqsBatchResponse> ProcessAsync(
        SqsBatch batch, Func<EventEnvelope, CancellationToken, Task> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return ProcessAsync(batch, (delivery, token) => handle(delivery.Envelope, token), onFailure: null, cancellationToken);
    }

    /// <summary>
    /// Handles every record with <paramref name="handle"/>, which also sees the message (e.g. its receive count);
    /// <paramref name="onFailure"/>, when given, is told about each failed record (to log it) and must not throw.
    /// </summary>
    public static Task<SqsBatchResponse> ProcessAsync(
        SqsBatch batch,
        Func<SqsDelivery, CancellationToken, Task> handle,
        Action<SqsMessage, Exception>? onFailure,
        CancellationToken cancellationToken = default) =>
        ProcessCoreAsync(
            batch,
            handle,
            onFailure is null ? null : (message, error, _) =>
            {
                onFailure(message, error);
                return Task.CompletedTask;
            },
            cancellationToken);

    /// <summary>
    /// Like the overload with a synchronous observer, but <paramref name="onFailureAsync"/> is awaited for each failed
    /// record (before the next record is handled), so it can act on the failure — e.g. publish an event for a message
    /// about to reach its dead-letter queue. It must not throw; the record is reported as failed either way.
    /// </summary>
    public static Task<SqsBatchResponse> ProcessAsync(
        SqsBatch batch,
        Func<SqsDelivery, CancellationToken, Task> handle,
        Func<SqsMessage, Exception, CancellationToken, Task> onFailureAsync,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onFailureAsync);
        return ProcessCoreAsync(batch, handle, onFailureAsync, cancellationToken);
    }

    private static async Task<SqsBatchResponse> ProcessCoreAsync(
        SqsBatch batch,
        Func<SqsDelivery, CancellationToken, Task> handle,
        Func<SqsMessage, Exception, CancellationToken, Task>? onFailure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(handle);
        var failures = new List<SqsBatchItemFailure>();
        foreach (var message in batch.Records)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                failures.Add(new SqsBatchItemFailure(message.MessageId));
                if (onFailure is not null)
                {
                    await onFailure(message, new OperationCanceledException("the batch was cancelled before this message was handled", cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            try
            {
                var delivery = new SqsDelivery(message, message.ReadEventBridgeEvent());
                await handle(delivery, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A record's failure of any kind is reported for that record; the batch goes on.
            catch (Exception error)
#pragma warning restore CA1031
            {
                failures.Add(new SqsBatchItemFailure(message.MessageId));
                if (onFailure is not null)
                {
                    await onFailure(message, error, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return failures.Count == 0 ? SqsBatchResponse.AllSucceeded : new SqsBatchResponse(failures);
    }
}
