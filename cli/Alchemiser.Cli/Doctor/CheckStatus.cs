namespace Alchemiser.Cli.Doctor;

/// <summary>How a <c>doctor</c> check came out.</summary>
public enum CheckStatus
{
    /// <summary>✓ — configured and working.</summary>
    Passed,

    /// <summary>✗ — wrong or not working; the line says how to fix it.</summary>
    Failed,

    /// <summary>· — not configured, or not checked because an earlier check failed; neither passes nor fails.</summary>
    Skipped,
}
