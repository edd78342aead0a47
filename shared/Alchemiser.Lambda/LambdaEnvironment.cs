using System.Globalization;
using Alchemiser.Core.Errors;

namespace Alchemiser.Lambda;

/// <summary>
/// Reads a deployed function's settings from its environment. A missing or malformed value is a
/// <see cref="ConfigurationException"/> that names the variable and what it should hold — never its value, in case
/// someone put a secret where a setting belongs.
/// </summary>
public sealed class LambdaEnvironment(Func<string, string?> read)
{
    private readonly Func<string, string?> _read = read ?? throw new ArgumentNullException(nameof(read));

    /// <summary>The process environment.</summary>
    public static LambdaEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The raw reader (for adapters that read their own variables, e.g. the AWS region).</summary>
    public Func<string, string?> Read => _read;

    /// <summary>The value; a configuration error naming <paramref name="name"/> when it is unset or blank.</summary>
    public string Required(string name) =>
        Optional(name) ?? throw new ConfigurationException(
            $"environment variable {name} is not set",
            "template.yaml sets it on the deployed function; set it in the shell when running a function by hand");

    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? Optional(string name) => _read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>One of <paramref name="allowed"/> (ordinal, lower case), or <paramref name="fallback"/> when unset.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Optional(name);
        if (value is null)
        {
            return fallback;
        }

        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Malformed(name, "one of " + string.Join(", ", allowed));
    }

    /// <summary><c>true</c>/<c>false</c> (also <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>), or <paramref name="fallback"/> when unset.</summary>
    public bool Flag(string name, bool fallback = false) =>
        Optional(name)?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw Malformed(name, "true or false"),
        };

    /// <summary>An invariant-culture decimal, or null when unset.</summary>
    public decimal? Decimal(string name) =>
        Optional(name) is not { } text
            ? null
            : decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Malformed(name, "a number such as 0.95");

    /// <summary>A whole number, or <paramref name="fallback"/> when unset.</summary>
    public int Integer(string name, int fallback) =>
        Optional(name) is not { } text
            ? fallback
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Malformed(name, "a whole number");

    private static ConfigurationException Malformed(string name, string expected) =>
        new($"environment variable {name} must be {expected}", $"fix {name} in template.yaml or the shell");
}
