using Alchemiser.Core.Events;
using Alchemiser.Core.Logging;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// The body every EventBridge-triggered Function shares: read the event, scope the log to the function and the
/// run's correlation id, hand the envelope to the service, log a failure before rethrowing it (so the trigger
/// retries), answer with an empty object.
/// </summary>
public static class EventBridgeInvocation
{
    public static async Task<Stream> HandleAsync(
        Stream input, IAlchemiserLog log, string function, Func<EventEnvelope, IAlchemiserLog, Task> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(handle);
        var trigger = await LambdaStreams.ReadEventBridgeEventAsync(input, cancellationToken).ConfigureAwait(false);
        var envelope = trigger.Detail;
        var runLog = log.WithFunction(function).WithCorrelation(envelope.CorrelationId);
        try
        {
            await handle(envelope, runLog).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            runLog.Error(e, $"{envelope.EventType} not handled; the trigger will retry it", ("event_id", envelope.EventId));
            throw;
        }

        return new MemoryStream("{}"u8.ToArray());
    }
}
