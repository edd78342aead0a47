using Alchemiser.Core.Hosting;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Hosting;

/// <summary>
/// The local stand-in for Lambda's SQS event source mapping with <c>ReportBatchItemFailures</c>: receives batches from an
/// <see cref="InProcessQueue"/>, invokes the function with the SQS event's JSON, deletes the records the partial batch
/// response does not list (none when the invocation throws), and waits (through <see cref="IDelay"/>) for in-flight
/// messages to become visible again, until the queue is empty. One drain at a time, like a function with reserved
/// concurrency 1.
/// </summary>
public sealed class SqsQueuePoller(InProcessQueue queue, Func<Stream, Task<Stream>> function, IClock clock, IDelay delay, int batchSize = 1)
{
    private readonly SemaphoreSlim _single = new(1, 1);
    private readonly List<Exception> _invocationFailures = [];

    /// <summary>Invocations that threw instead of answering (their whole batch went back to the queue), in order.</summary>
    public IReadOnlyList<Exception> InvocationFailures
    {
        get
        {
            lock (_invocationFailures)
            {
                return _invocationFailures.ToArray();
            }
        }
    }

    /// <summary>Feeds the function until no message is left (deleted or dead-lettered).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        await _single.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var records = queue.Receive(batchSize);
                if (records.Count == 0)
                {
                    if (queue.NextVisibleAt is not { } visibleAt)
                    {
                        return;
                    }

                    var wait = visibleAt - clock.UtcNow;
                    await delay.DelayAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var failed = await InvokeAsync(new SqsBatch(records), cancellationToken).ConfigureAwait(false);
                foreach (var record in records)
                {
                    if (!failed.Contains(record.MessageId))
                    {
                        queue.Delete(record.ReceiptHandle);
                    }
                }
            }
        }
        finally
        {
            _single.Release();
        }
    }

    /// <summary>The message ids to keep: the response's failures, or every record when the invocation itself failed.</summary>
    private async Task<HashSet<string>> InvokeAsync(SqsBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(batch.ToJson()));
            await using var output = await function(input).ConfigureAwait(false);
            using var reader = new StreamReader(output);
            var response = SqsBatchResponse.FromJson(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            return new HashSet<string>(response.FailedMessageIds, StringComparer.Ordinal);
        }
#pragma warning disable CA1031 // A failed invocation returns the whole batch to the queue, as Lambda does; the function logged why.
        catch (Exception error)
#pragma warning restore CA1031
        {
            lock (_invocationFailures)
            {
                _invocationFailures.Add(error);
            }

            return new HashSet<string>(batch.Records.Select(r => r.MessageId), StringComparer.Ordinal);
        }
    }
}
