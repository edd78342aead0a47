using System.Globalization;

namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// Limits of the parser (DSL.md §2): the deepest bracket nesting accepted (DSL107 beyond it; never below
/// <see cref="MinimumMaxDepth"/>) and the longest input in chars (DSL108 beyond it).
/// </summary>
public sealed record ParserOptions(int MaxDepth = 4096, int MaxInputChars = 64 * 1024 * 1024)
{
    /// <summary>The smallest <see cref="MaxDepth"/> allowed: real files reach about 200 levels.</summary>
    public const int MinimumMaxDepth = 1000;

    private readonly int maxDepth = ValidateMaxDepth(MaxDepth);
    private readonly int maxInputChars = ValidateMaxInputChars(MaxInputChars);

    /// <summary>The specification's limits: depth 4,096 and 64 Mi chars.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>Deepest bracket nesting accepted; an opening bracket beyond it is DSL107.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below <see cref="MinimumMaxDepth"/>.</exception>
    public int MaxDepth
    {
        get => maxDepth;
        init => maxDepth = ValidateMaxDepth(value);
    }

    /// <summary>Longest input in chars; a longer one is DSL108.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public int MaxInputChars
    {
        get => maxInputChars;
        init => maxInputChars = ValidateMaxInputChars(value);
    }

    private static int ValidateMaxDepth(int value) =>
        value >= MinimumMaxDepth
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(MaxDepth),
                value,
                string.Create(CultureInfo.InvariantCulture, $"MaxDepth must be at least {MinimumMaxDepth}."));

    private static int ValidateMaxInputChars(int value) =>
        value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxInputChars), value, "MaxInputChars must be positive.");
}
