using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.Sqs;
using Alchemiser.Core.Hosting;
using CoreSqsMessage = Alchemiser.Core.Hosting.SqsMessage;

namespace Alchemiser.Lambda.IntegrationTests.Support;

/// <summary>
/// Plays the Lambda service for a <see cref="MotoStack"/>: takes each message the stack's rules delivered to a
/// consumer's queue and invokes that consumer's <c>Function.HandleAsync</c> with what Lambda would pass — the
/// EventBridge event for the functions a rule targets directly, an SQS batch for Execution (whose rule targets the
/// execution queue) — deleting the message when the invocation succeeds, leaving it for redelivery when it fails.
/// It pumps until every queue stays empty.
/// </summary>
public sealed class LambdaDriver(MotoStack stack, IReadOnlyDictionary<string, Func<Stream, Task<Stream>>> functions, string sqsConsumer)
{
    private readonly SqsClient _sqs = new(MotoAws.Client(stack.Moto));
    private readonly Dictionary<string, string> _queueArns = new(StringComparer.Ordinal);

    /// <summary>Every invocation, in order: consumer and the event's detail-type.</summary>
    public List<(string Consumer, string DetailType)> Invocations { get; } = [];

    /// <summary>Delivers until a full pass over the queues finds nothing; returns the number of invocations.</summary>
    public async Task<int> PumpAsync(int maxInvocations = 500)
    {
        var before = Invocations.Count;
        bool delivered;
        do
        {
            delivered = false;
            foreach (var (consumer, queueUrl) in stack.ConsumerQueues)
            {
                foreach (var message in await _sqs.ReceiveMessagesAsync(queueUrl, maxMessages: 10, waitSeconds: 0))
                {
                    delivered = true;
                    if (await InvokeAsync(consumer, queueUrl, message))
                    {
                        await _sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
                    }

                    if (Invocations.Count - before > maxInvocations)
                    {
                        throw new InvalidOperationException($"more than {maxInvocations} invocations: the workflow does not settle");
                    }
                }
            }
        }
        while (delivered);

        return Invocations.Count - before;
    }

    private async Task<bool> InvokeAsync(string consumer, string queueUrl, Aws.Sqs.SqsMessage message)
    {
        if (!functions.TryGetValue(consumer, out var handler))
        {
            throw new InvalidOperationException($"no function for consumer {consumer}");
        }

        var body = WithAccount(message.Body);
        Invocations.Add((consumer, JsonNode.Parse(body)!["detail-type"]!.GetValue<string>()));
        if (string.Equals(consumer, sqsConsumer, StringComparison.Ordinal))
        {
            if (!_queueArns.TryGetValue(queueUrl, out var queueArn))
            {
                _queueArns[queueUrl] = queueArn = (await _sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"]))["QueueArn"];
            }

            var record = CoreSqsMessage.Create(
                message.MessageId, body, queueArn, Math.Max(1, message.ApproximateReceiveCount), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "AROAEXAMPLE", message.ReceiptHandle);
            await using var output = await handler(new MemoryStream(Encoding.UTF8.GetBytes(new SqsBatch([record]).ToJson())));
            using var response = await JsonDocument.ParseAsync(output);
            return response.RootElement.GetProperty("batchItemFailures").GetArrayLength() == 0;
        }

        await using var result = await handler(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        return true;
    }

    /// <summary>
    /// moto leaves <c>account</c> out of the events it delivers (AWS always writes it, and the functions read events
    /// strictly), so the driver adds the stack's account as AWS would.
    /// </summary>
    private static string WithAccount(string body)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        if (!node.ContainsKey("account"))
        {
            node["account"] = EventBridgeEvent.LocalAccount;
        }

        return node.ToJsonString();
    }
}
