namespace Alchemiser.Core.Errors;

/// <summary>The architecture's error taxonomy; carried into WorkflowFailed events and alert e-mails.</summary>
public enum ErrorCategory
{
    Configuration,
    Data,
    Strategy,
    Trading,
    Notification,
}
