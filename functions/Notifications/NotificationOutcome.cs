namespace Alchemiser.Notifications;

/// <summary>What <see cref="NotificationService.HandleAsync"/> did with an event (besides archiving it, which it always does).</summary>
public enum NotificationOutcome
{
    /// <summary>The event was archived only (it is not one that reports the run).</summary>
    Archived,

    /// <summary>The report files were rendered again; no e-mail is due for this event (<c>WorkflowCompleted</c>, completed).</summary>
    Rendered,

    /// <summary>The report files were rendered and the e-mail sent.</summary>
    Sent,

    /// <summary>The report files were rendered; the e-mail of this event had been sent before (a redelivery).</summary>
    AlreadySent,
}
