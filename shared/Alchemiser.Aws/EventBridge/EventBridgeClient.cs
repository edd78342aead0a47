using System.Text.Json.Serialization.Metadata;
using Alchemiser.Aws.Http;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.EventBridge;

/// <summary>
/// Amazon EventBridge over JSON 1.1 (<c>X-Amz-Target: AWSEvents.*</c>): <c>PutEvents</c> in calls of at most ten
/// entries, re-sending only the entries EventBridge refused (a bounded number of times), plus the bus, rule and target
/// set-up calls the integration tests and tools use.
/// </summary>
public sealed class EventBridgeClient
{
    /// <summary>The most entries one <c>PutEvents</c> call takes.</summary>
    public const int MaxEntriesPerCall = 10;

    private const string Service = "events";
    private const string TargetPrefix = "AWSEvents";
    private readonly AwsHttpClient _client;
    private readonly int _failedEntryRetries;

    /// <summary>A client; refused entries are re-sent up to <paramref name="failedEntryRetries"/> times.</summary>
    public EventBridgeClient(AwsHttpClient client, int failedEntryRetries = 3)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfNegative(failedEntryRetries);
        _failedEntryRetries = failedEntryRetries;
    }

    /// <summary>Puts every entry on its bus or throws <see cref="PutEventsFailedException"/> naming the ones that never got on.</summary>
    public async Task PutEventsAsync(IReadOnlyList<EventBridgeEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var chunk in entries.Chunk(MaxEntriesPerCall))
        {
            await PutChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates a custom event bus and returns its ARN.</summary>
    public async Task<string> CreateEventBusAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var output = await CallAsync("CreateEventBus", new CreateEventBusInput(name), EventBridgeJsonContext.Default.CreateEventBusInput, EventBridgeJsonContext.Default.CreateEventBusOutput, cancellationToken).ConfigureAwait(false);
        return output.EventBusArn ?? string.Empty;
    }

    /// <summary>Creates or updates an enabled rule on <paramref name="eventBusName"/> with <paramref name="eventPattern"/> (JSON); returns its ARN.</summary>
    public async Task<string> PutRuleAsync(string name, string eventBusName, string eventPattern, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventBusName);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventPattern);
        var output = await CallAsync("PutRule", new PutRuleInput(name, eventPattern, eventBusName, "ENABLED"), EventBridgeJsonContext.Default.PutRuleInput, EventBridgeJsonContext.Default.PutRuleOutput, cancellationToken).ConfigureAwait(false);
        return output.RuleArn ?? string.Empty;
    }

    /// <summary>Points <paramref name="rule"/> at the target <paramref name="targetArn"/> (e.g. an SQS queue ARN).</summary>
    public async Task PutTargetAsync(string rule, string eventBusName, string targetId, string targetArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetArn);
        var output = await CallAsync(
            "PutTargets", new PutTargetsInput(rule, eventBusName, [new RuleTarget(targetId, targetArn)]), EventBridgeJsonContext.Default.PutTargetsInput, EventBridgeJsonContext.Default.PutTargetsOutput, cancellationToken).ConfigureAwait(false);
        if (output.FailedEntryCount > 0)
        {
            throw new AwsServiceException(Service, "PutTargets", 200, "FailedEntry", $"target {targetId} was not added to rule {rule}");
        }
    }

    private async Task PutChunkAsync(IReadOnlyList<EventBridgeEntry> chunk, CancellationToken cancellationToken)
    {
        var pending = chunk;
        for (var attempt = 0; ; attempt++)
        {
            var input = new PutEventsInput(pending.Select(e => new PutEventsRequestEntry(e.Source, e.DetailType, e.Detail, e.EventBusName)).ToList());
            var output = await CallAsync("PutEvents", input, EventBridgeJsonContext.Default.PutEventsInput, EventBridgeJsonContext.Default.PutEventsOutput, cancellationToken).ConfigureAwait(false);
            if (output.FailedEntryCount == 0)
            {
                return;
            }

            // Result entries line up with request entries; a refused one carries an ErrorCode.
            var results = output.Entries ?? [];
            var failed = new List<(EventBridgeEntry Entry, PutEventsResultEntry? Result)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var result = i < results.Count ? results[i] : null;
                if (result is null || result.ErrorCode is not null || result.EventId is null)
                {
                    failed.Add((pending[i], result));
                }
            }

            if (attempt >= _failedEntryRetries || failed.Count == 0)
            {
                var first = failed.Select(f => f.Result).FirstOrDefault(r => r?.ErrorCode is not null);
                throw new PutEventsFailedException(
                    failed.Count == 0 ? pending.Select(p => p.Id).ToList() : failed.Select(f => f.Entry.Id).ToList(),
                    first?.ErrorCode ?? "FailedEntry",
                    first?.ErrorMessage ?? $"FailedEntryCount {output.FailedEntryCount}");
            }

            pending = failed.Select(f => f.Entry).ToList();
        }
    }

    private Task<TOutput> CallAsync<TInput, TOutput>(
        string operation, TInput input, JsonTypeInfo<TInput> inputType, JsonTypeInfo<TOutput> outputType, CancellationToken cancellationToken) =>
        AwsJsonProtocol.CallAsync(_client, Service, AwsJsonProtocol.Json11, TargetPrefix, operation, input, inputType, outputType, ErrorCategory.Configuration, cancellationToken);
}
