namespace Alchemiser.Core.Notifications;

/// <summary>
/// Port: delivers an e-mail (SNS when deployed; a file and a console line locally; in memory in tests). Delivery is
/// not deduplicated here: the caller decides whether a notification has been sent already.
/// </summary>
public interface INotifier
{
    /// <summary>Sends <paramref name="notification"/> or throws.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken = default);
}
