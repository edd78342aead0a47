namespace Alchemiser.Core.Errors;

/// <summary>A setting, a configuration file or a command-line argument is wrong.</summary>
public sealed class ConfigurationException(string message, string? remediationHint = null, Exception? inner = null)
    : AlchemiserException(ErrorCategory.Configuration, message, remediationHint, inner);
