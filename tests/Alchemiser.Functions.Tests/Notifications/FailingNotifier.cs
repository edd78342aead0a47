using Alchemiser.Core.Notifications;
using Alchemiser.Local.Notifications;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>A notifier that refuses the first <c>failures</c> e-mails (as SNS might) and then sends like <see cref="InMemoryNotifier"/>.</summary>
internal sealed class FailingNotifier(int failures) : INotifier
{
    private int _left = failures;

    public InMemoryNotifier Delivered { get; } = new();

    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _left) >= 0)
        {
            throw new HttpRequestException("SNS: 503 Service Unavailable");
        }

        return Delivered.SendAsync(notification, cancellationToken);
    }
}
