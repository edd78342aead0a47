namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// One thing that went wrong in a run: where (<see cref="Source"/>: the failed step, or <c>strategy &lt;id&gt;</c>), the
/// error category, a one-line reason and, when known, what to do about it.
/// </summary>
public sealed record RunFailure(string Source, string Category, string Reason, string? RemediationHint);
