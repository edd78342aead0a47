using Alchemiser.Core.Hosting;
using Alchemiser.Local.Hosting;
using Alchemiser.Local.Time;

namespace Alchemiser.Local.Tests.Hosting;

/// <summary>The local SQS queue: order, visibility, receipt handles and the redrive to dead letters.</summary>
public sealed class InProcessQueueTests
{
    private readonly SimulatedClock _clock = new(new DateTimeOffset(2025, 6, 30, 19, 30, 0, TimeSpan.Zero));

    private InProcessQueue Queue(int maxReceiveCount = 3) => new("ExecutionQueue", _clock, TimeSpan.FromMinutes(30), maxReceiveCount);

    [Fact]
    public void Messages_are_received_first_sent_first_as_Lambda_sees_them()
    {
        var queue = Queue();
        var first = queue.Send("one");
        var second = queue.Send("two");

        var received = queue.Receive(10);

        Assert.Equal([first, second], received.Select(m => m.MessageId));
        Assert.Equal(["one", "two"], received.Select(m => m.Body));
        Assert.All(received, m => Assert.Equal(1, m.ApproximateReceiveCount));
        Assert.All(received, m => Assert.Equal(queue.Arn, m.EventSourceArn));
        Assert.All(received, m => Assert.Equal(SqsMessage.ComputeMd5OfBody(m.Body), m.Md5OfBody));
    }

    [Fact]
    public void A_received_message_is_invisible_until_its_visibility_timeout_passes()
    {
        var queue = Queue();
        queue.Send("plan");
        queue.Receive(1);

        Assert.Empty(queue.Receive(1));
        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromTicks(1));
        Assert.Empty(queue.Receive(1));
        _clock.Advance(TimeSpan.FromTicks(1));

        var again = Assert.Single(queue.Receive(1));
        Assert.Equal(2, again.ApproximateReceiveCount);
    }

    [Fact]
    public void A_deleted_message_never_comes_back_and_a_stale_receipt_handle_deletes_nothing()
    {
        var queue = Queue();
        queue.Send("plan");
        var first = Assert.Single(queue.Receive(1));
        _clock.Advance(TimeSpan.FromHours(1));
        var second = Assert.Single(queue.Receive(1));

        Assert.False(queue.Delete(first.ReceiptHandle));
        Assert.True(queue.Delete(second.ReceiptHandle));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(queue.Receive(1));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void After_three_receives_without_a_delete_the_message_moves_to_the_dead_letters()
    {
        var queue = Queue();
        var id = queue.Send("poison");
        var died = new List<DeadLetter>();
        queue.DeadLettered += died.Add;

        for (var receive = 1; receive <= 3; receive++)
        {
            Assert.Equal(receive, Assert.Single(queue.Receive(1)).ApproximateReceiveCount);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Empty(queue.Receive(1));
        var dead = Assert.Single(queue.DeadLetters);
        Assert.Equal((id, "poison", 3), (dead.MessageId, dead.Body, dead.ReceiveCount));
        Assert.Equal([dead], died);
        Assert.Equal(0, queue.Count);
        Assert.Null(queue.NextVisibleAt);
    }

    [Fact]
    public async Task The_poller_deletes_what_succeeded_redelivers_what_failed_and_dead_letters_a_poisoned_message()
    {
        var queue = Queue();
        queue.Send("good");
        queue.Send("poison");
        var seen = new List<(string Body, int? Receive)>();
        var poller = new SqsQueuePoller(
            queue,
            async input =>
            {
                var batch = await LambdaStreams.ReadSqsBatchAsync(input);
                var record = Assert.Single(batch.Records);
                seen.Add((record.Body, record.ApproximateReceiveCount));
                var failures = record.Body == "poison" ? [new SqsBatchItemFailure(record.MessageId)] : Array.Empty<SqsBatchItemFailure>();
                return LambdaStreams.WriteSqsBatchResponse(new SqsBatchResponse(failures));
            },
            _clock,
            _clock);
        var start = _clock.UtcNow;

        await poller.DrainAsync();

        Assert.Equal([("good", 1), ("poison", 1), ("poison", 2), ("poison", 3)], seen);
        Assert.Equal("poison", Assert.Single(queue.DeadLetters).Body);
        Assert.Equal(0, queue.Count);
        Assert.Equal(start + (3 * TimeSpan.FromMinutes(30)), _clock.UtcNow);
        Assert.Empty(poller.InvocationFailures);
    }

    [Fact]
    public async Task An_invocation_that_throws_returns_its_whole_batch_to_the_queue()
    {
        var queue = Queue(maxReceiveCount: 2);
        queue.Send("plan");
        var calls = 0;
        var poller = new SqsQueuePoller(
            queue,
            _ =>
            {
                calls++;
                return calls == 1 ? throw new InvalidOperationException("cold start failed") : Task.FromResult<Stream>(LambdaStreams.WriteSqsBatchResponse(SqsBatchResponse.AllSucceeded));
            },
            _clock,
            _clock);

        await poller.DrainAsync();

        Assert.Equal(2, calls);
        Assert.Empty(queue.DeadLetters);
        Assert.Equal("cold start failed", Assert.Single(poller.InvocationFailures).Message);
    }
}
