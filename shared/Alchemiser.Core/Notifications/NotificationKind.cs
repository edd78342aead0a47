namespace Alchemiser.Core.Notifications;

/// <summary>What an e-mail is about: the run's report, an alert that the run failed, or the notice that it was skipped.</summary>
public enum NotificationKind
{
    /// <summary>The daily report of a run that traded (sent on <c>TradeExecuted</c>).</summary>
    Report,

    /// <summary>The run failed (sent on <c>WorkflowFailed</c>): category, reason, failed step and what to do.</summary>
    Alert,

    /// <summary>The run did not trade on purpose (sent on a <c>WorkflowCompleted</c> with outcome <c>skipped</c>).</summary>
    Skipped,
}
