namespace Alchemiser.Core.Errors;

/// <summary>Price data is missing or malformed. The message names the symbol, and the file and line where there is one.</summary>
public sealed class MarketDataException(string message, string? remediationHint = null, Exception? inner = null)
    : AlchemiserException(ErrorCategory.Data, message, remediationHint, inner);
