using Alchemiser.Core.Notifications;

namespace Alchemiser.Local.Notifications;

/// <summary>The notifier for unit tests: keeps every notification sent, in order, behind one lock.</summary>
public sealed class InMemoryNotifier : INotifier
{
    private readonly Lock _gate = new();
    private readonly List<Notification> _sent = [];

    /// <summary>The notifications sent so far, in order.</summary>
    public IReadOnlyList<Notification> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <inheritdoc />
    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _sent.Add(notification);
        }

        return Task.CompletedTask;
    }
}
