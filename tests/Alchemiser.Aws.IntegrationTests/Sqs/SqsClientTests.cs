using Alchemiser.Aws.IntegrationTests.Support;
using Alchemiser.Aws.Sqs;

namespace Alchemiser.Aws.IntegrationTests.Sqs;

[Trait("Category", "Integration")]
[Collection(MotoCollection.Name)]
public sealed class SqsClientTests(MotoServer moto)
{
    private readonly SqsClient _sqs = new(MotoAws.Client(moto));

    [Fact]
    public async Task A_sent_message_is_received_with_its_receive_count_and_is_gone_once_deleted()
    {
        var queue = await _sqs.CreateQueueAsync(MotoAws.UniqueName("send"));

        var id = await _sqs.SendMessageAsync(queue, "{\"hello\":1}");
        var received = Assert.Single(await _sqs.ReceiveMessagesAsync(queue, visibilityTimeout: TimeSpan.FromSeconds(30)));
        await _sqs.DeleteMessageAsync(queue, received.ReceiptHandle);

        Assert.Equal(id, received.MessageId);
        Assert.Equal("{\"hello\":1}", received.Body);
        Assert.Equal(1, received.ApproximateReceiveCount);
        Assert.Empty(await _sqs.ReceiveMessagesAsync(queue));
        Assert.Equal("0", (await _sqs.GetQueueAttributesAsync(queue))["ApproximateNumberOfMessages"]);
    }

    [Fact]
    public async Task A_received_message_stays_hidden_until_its_visibility_is_set_back_to_zero()
    {
        var queue = await _sqs.CreateQueueAsync(MotoAws.UniqueName("vis"));
        await _sqs.SendMessageAsync(queue, "retry me");

        var first = Assert.Single(await _sqs.ReceiveMessagesAsync(queue, visibilityTimeout: TimeSpan.FromMinutes(5)));
        var whileHidden = await _sqs.ReceiveMessagesAsync(queue);
        await _sqs.ChangeMessageVisibilityAsync(queue, first.ReceiptHandle, TimeSpan.Zero);
        var again = Assert.Single(await _sqs.ReceiveMessagesAsync(queue));

        Assert.Empty(whileHidden);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ApproximateReceiveCount);
    }

    [Fact]
    public async Task A_message_received_three_times_without_being_deleted_moves_to_the_dead_letter_queue()
    {
        var deadLetters = await _sqs.CreateQueueAsync(MotoAws.UniqueName("dlq"));
        var deadLetterArn = (await _sqs.GetQueueAttributesAsync(deadLetters, ["QueueArn"]))["QueueArn"];
        var queue = await _sqs.CreateQueueAsync(MotoAws.UniqueName("exec"));
        await _sqs.SetQueueAttributesAsync(queue, new Dictionary<string, string> { ["RedrivePolicy"] = SqsClient.RedrivePolicy(deadLetterArn, 3) });
        var id = await _sqs.SendMessageAsync(queue, "poison");

        for (var receive = 1; receive <= 3; receive++)
        {
            var message = Assert.Single(await _sqs.ReceiveMessagesAsync(queue, visibilityTimeout: TimeSpan.FromMinutes(5)));
            Assert.Equal(receive, message.ApproximateReceiveCount);
            await _sqs.ChangeMessageVisibilityAsync(queue, message.ReceiptHandle, TimeSpan.Zero);
        }

        var fourth = await _sqs.ReceiveMessagesAsync(queue);
        var dead = Assert.Single(await _sqs.ReceiveMessagesAsync(deadLetters));

        Assert.Empty(fourth);
        Assert.Equal(id, dead.MessageId);
        Assert.Equal("poison", dead.Body);
        var redrive = System.Text.Json.JsonDocument.Parse((await _sqs.GetQueueAttributesAsync(queue, ["RedrivePolicy"]))["RedrivePolicy"]).RootElement;
        Assert.Equal("3", redrive.GetProperty("maxReceiveCount").ToString());
    }

    [Fact]
    public async Task A_queue_is_found_by_name_and_a_missing_one_is_a_typed_error()
    {
        var name = MotoAws.UniqueName("named");
        var created = await _sqs.CreateQueueAsync(name);

        var found = await _sqs.GetQueueUrlAsync(name);
        var error = await Assert.ThrowsAsync<Alchemiser.Aws.Http.AwsServiceException>(() => _sqs.GetQueueUrlAsync(MotoAws.UniqueName("missing")));

        Assert.Equal(created, found);
        Assert.Equal("sqs", error.Service);
        Assert.Equal("GetQueueUrl", error.Operation);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains(error.ErrorCode, new[] { "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue" });
    }
}
