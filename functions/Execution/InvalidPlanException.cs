using Alchemiser.Core.Errors;

namespace Alchemiser.Execution;

/// <summary>A RebalancePlanned event that breaks the plan contract; no order of it is placed.</summary>
public sealed class InvalidPlanException(string message)
    : AlchemiserException(ErrorCategory.Data, message, "the Portfolio function published a malformed plan; fix it, then re-drive the ExecutionDLQ message");
