using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.Sns;
using Alchemiser.Aws.Sqs;
using Alchemiser.Core.Notifications;

namespace Alchemiser.Aws.IntegrationTests.Sns;

[Trait("Category", "Integration")]
[Collection(MotoCollection.Name)]
public sealed class SnsTests(MotoServer moto)
{
    private readonly SnsClient _sns = new(MotoAws.Client(moto));
    private readonly SqsClient _sqs = new(MotoAws.Client(moto));

    [Fact]
    public async Task A_notification_published_to_a_topic_reaches_a_subscribed_queue()
    {
        var topic = await _sns.CreateTopicAsync(MotoAws.UniqueName("alerts"));
        var queue = await _sqs.CreateQueueAsync(MotoAws.UniqueName("inbox"));
        var queueArn = (await _sqs.GetQueueAttributesAsync(queue, ["QueueArn"]))["QueueArn"];
        await _sns.SubscribeAsync(topic, "sqs", queueArn, rawMessageDelivery: true);
        var notification = new Notification(new DateOnly(2025, 3, 3), NotificationKind.Alert, "Alchemiser alert: WorkflowFailed", "Run run-9 failed.\nHint: check the broker keys.", "run-9");

        await new SnsNotifier(_sns, topic).SendAsync(notification);

        var delivered = Assert.Single(await _sqs.ReceiveMessagesAsync(queue, waitSeconds: 1));
        Assert.Equal("Run run-9 failed.\nHint: check the broker keys.", delivered.Body);
    }
}
