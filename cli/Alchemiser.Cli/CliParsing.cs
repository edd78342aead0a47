using System.Globalization;
using Alchemiser.Core.Errors;

namespace Alchemiser.Cli;

/// <summary>Argument values that need more care than System.CommandLine's defaults give.</summary>
public static class CliParsing
{
    /// <summary>A trading date, <c>yyyy-mm-dd</c>, with a clear error otherwise.</summary>
    public static DateOnly Date(string text, string option)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new ConfigurationException($"{option} '{text}' is not a date", "write dates as yyyy-mm-dd, e.g. 2024-01-16");
    }

    /// <summary>An existing folder, or a clear error.</summary>
    public static string ExistingFolder(string path, string option, string? hint = null)
    {
        if (!Directory.Exists(path))
        {
            throw new ConfigurationException($"{option} folder '{path}' does not exist", hint);
        }

        return path;
    }
}
