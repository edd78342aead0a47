using System.Globalization;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Time;

namespace Alchemiser.Execution;

/// <summary>
/// The WorkflowFailed for a message the execution queue is about to move to its dead-letter queue (it failed on its
/// last receive), so the run does not end silently. Pure. The run is the message's event when the body holds one,
/// else the message id stands in for the correlation id and the trading date is today's in New York.
/// </summary>
public static class DeadLetterFailure
{
    /// <summary>What to do about a message in the dead-letter queue.</summary>
    public const string RemediationHint = "inspect the ExecutionDLQ message and re-drive it after fixing the cause";

    /// <summary>How many characters of the error message the reason quotes.</summary>
    public const int MaxErrorLength = 300;

    /// <summary>Whether this was the message's last receive: the queue moves it to the dead-letter queue if it fails now.</summary>
    public static bool IsLastReceive(SqsMessage message, int maxReceiveCount)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.ApproximateReceiveCount is { } count && count >= maxReceiveCount;
    }

    /// <summary>The run the message belongs to: its event's correlation id, or the message id when the body holds no event.</summary>
    public static string CorrelationIdOf(SqsMessage message) => EnvelopeOf(message)?.CorrelationId ?? message.MessageId;

    /// <summary>The WorkflowFailed (deterministic id) for <paramref name="message"/>, which failed with <paramref name="error"/>.</summary>
    public static EventEnvelope Event(SqsMessage message, Exception error, int maxReceiveCount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        var envelope = EnvelopeOf(message);
        var plan = PlanOf(envelope);
        var correlationId = envelope?.CorrelationId ?? message.MessageId;
        var category = error is AlchemiserException known ? known.Category.ToString().ToLowerInvariant() : ExecutionReport.TradingCategory;
        var text = ExecutionReport.OneLine(error.Message);
        if (text.Length > MaxErrorLength)
        {
            text = text[..MaxErrorLength] + "…";
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"message {message.MessageId} failed on receive {message.ApproximateReceiveCount} of {maxReceiveCount} and goes to the ExecutionDLQ: {text}");
        var failed = new WorkflowFailed(
            plan?.TradingDate ?? MarketTime.TradingDateOf(now),
            plan?.SessionId,
            category,
            reason,
            EventSources.Execution,
            [],
            RemediationHint);
        return EventEnvelope.Create(
            failed,
            EventEnvelope.DeterministicId(correlationId, EventTypes.WorkflowFailed),
            correlationId,
            envelope?.EventId,
            now,
            EventSources.Execution,
            nameof(DeadLetterFailure));
    }

    private static EventEnvelope? EnvelopeOf(SqsMessage message)
    {
        try
        {
            return message.ReadEventBridgeEvent().Detail;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static RebalancePlanned? PlanOf(EventEnvelope? envelope)
    {
        if (envelope is null || !string.Equals(envelope.EventType, EventTypes.RebalancePlanned, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return envelope.PayloadAs<RebalancePlanned>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
