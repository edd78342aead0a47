using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Lambda;

namespace Alchemiser.Notifications;

/// <summary>
/// Lambda entry point (<c>Alchemiser.Notifications::Alchemiser.Notifications.Function::HandleAsync</c>): an EventBridge
/// event carrying any workflow event in; it is archived, and the events that report the run render the report files
/// and send the e-mail (<see cref="NotificationService"/>); an empty response.
/// </summary>
public sealed class Function(NotificationService service, IAlchemiserLog log)
{
    /// <summary>Lambda's constructor: the S3 report store and the SNS notifier from the environment.</summary>
    public Function()
        : this(LambdaServices.FromEnvironment())
    {
    }

    /// <summary>Composes the function the way Lambda does, from <paramref name="services"/>.</summary>
    public Function(LambdaServices services)
        : this(Compose(services), services.Log)
    {
    }

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

    private static NotificationService Compose(LambdaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new NotificationService(services.Reports(), services.Notifier());
    }
}
