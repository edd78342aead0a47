namespace Alchemiser.Aws.EventBridge;

/// <summary>
/// One event to put on a bus. <see cref="Id"/> is ours (the envelope's <c>event_id</c>): it is not sent, it names the
/// entry when EventBridge refuses it.
/// </summary>
public sealed record EventBridgeEntry(string Id, string EventBusName, string Source, string DetailType, string Detail);
