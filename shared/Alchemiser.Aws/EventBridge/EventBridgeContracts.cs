namespace Alchemiser.Aws.EventBridge;

// The EventBridge JSON 1.1 shapes this client sends and reads (AWS's member names). Unknown response members are ignored.
internal sealed record PutEventsInput(IReadOnlyList<PutEventsRequestEntry> Entries);

internal sealed record PutEventsRequestEntry(string Source, string DetailType, string Detail, string EventBusName);

internal sealed record PutEventsOutput(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry>? Entries);

internal sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);

internal sealed record CreateEventBusInput(string Name);

internal sealed record CreateEventBusOutput(string? EventBusArn);

internal sealed record PutRuleInput(string Name, string EventPattern, string EventBusName, string State);

internal sealed record PutRuleOutput(string? RuleArn);

internal sealed record PutTargetsInput(string Rule, string EventBusName, IReadOnlyList<RuleTarget> Targets);

internal sealed record RuleTarget(string Id, string Arn);

internal sealed record PutTargetsOutput(int FailedEntryCount);
