namespace Alchemiser.Notifications.Reporting;

/// <summary>How a run ended, as the report shows it: <c>completed</c>, <c>skipped</c> or <c>failed</c>.</summary>
public enum RunOutcome
{
    /// <summary>The run went through (a <c>WorkflowCompleted</c> with outcome <c>completed</c>).</summary>
    Completed,

    /// <summary>The run did not trade on purpose (holiday, early close, already run); the report carries the reason.</summary>
    Skipped,

    /// <summary>The run stopped (a <c>WorkflowFailed</c>); the report carries the category, reason and hint.</summary>
    Failed,
}
