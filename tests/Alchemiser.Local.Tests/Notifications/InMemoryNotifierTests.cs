using Alchemiser.Core.Notifications;
using Alchemiser.Local.Notifications;
using Alchemiser.Local.Tests.Sessions;

namespace Alchemiser.Local.Tests.Notifications;

/// <summary>The test notifier keeps what it was given, in order, even from many threads.</summary>
public sealed class InMemoryNotifierTests
{
    [Fact]
    public async Task Notifications_are_kept_in_the_order_sent()
    {
        var notifier = new InMemoryNotifier();
        var first = new Notification(new DateOnly(2025, 6, 30), NotificationKind.Report, "s1", "b1", "run-1");
        var second = first with { Kind = NotificationKind.Alert, Subject = "s2" };

        await notifier.SendAsync(first);
        await notifier.SendAsync(second);

        Assert.Equal([first, second], notifier.Sent);
    }

    [Fact]
    public async Task Concurrent_sends_are_all_kept()
    {
        var notifier = new InMemoryNotifier();

        await Concurrently.Run(64, async i =>
        {
            await notifier.SendAsync(new Notification(new DateOnly(2025, 6, 30), NotificationKind.Report, $"s{i}", "b", "run-1"));
            return i;
        });

        Assert.Equal(64, notifier.Sent.Select(n => n.Subject).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(NotificationKind.Report, "report")]
    [InlineData(NotificationKind.Alert, "alert")]
    [InlineData(NotificationKind.Skipped, "skipped")]
    public void Each_kind_has_a_lower_case_name(NotificationKind kind, string name)
    {
        Assert.Equal(name, Notification.NameOf(kind));
        Assert.Equal(name, new Notification(new DateOnly(2025, 6, 30), kind, "s", "b", "run-1").KindName);
    }
}
