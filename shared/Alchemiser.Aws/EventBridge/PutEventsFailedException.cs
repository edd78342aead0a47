using Alchemiser.Aws.Http;

namespace Alchemiser.Aws.EventBridge;

/// <summary>Some entries were still refused by <c>PutEvents</c> after the bounded retries; names them by our event ids.</summary>
public sealed class PutEventsFailedException(IReadOnlyList<string> failedIds, string errorCode, string awsMessage)
    : AwsServiceException("events", "PutEvents", 200, errorCode, $"{failedIds.Count} event(s) not accepted: {string.Join(", ", failedIds)} ({awsMessage})")
{
    /// <summary>The <see cref="EventBridgeEntry.Id"/> of every entry EventBridge did not accept.</summary>
    public IReadOnlyList<string> FailedIds { get; } = failedIds;
}
