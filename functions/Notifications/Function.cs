using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;

namespace Alchemiser.Notifications;

/// <summary>
/// Lambda entry point (<c>Alchemiser.Notifications::Alchemiser.Notifications.Function::HandleAsync</c>): an EventBridge
/// event carrying any workflow event in; it is archived, and the events that report the run render the report files
/// and send the e-mail (<see cref="NotificationService"/>); an empty response.
/// </summary>
public sealed class Function(NotificationService service, IAlchemiserLog log)
{
    public Task<Stream> HandleAsync(Stream input) =>
        EventBridgeInvocation.HandleAsync(input, log, "Notifications", async (envelope, runLog) =>
        {
            var outcome = await service.HandleAsync(envelope).ConfigureAwait(false);
            var what = outcome switch
            {
                NotificationOutcome.Sent => "event archived, report written, e-mail sent",
                NotificationOutcome.AlreadySent => "event archived, report written, e-mail sent before",
                NotificationOutcome.Rendered => "event archived, report written",
                _ => "event archived",
            };
            runLog.Info(what, ("event_id", envelope.EventId), ("event_type", envelope.EventType), ("outcome", outcome));
        });
}
