using System.Globalization;
using System.Text;
using System.Text.Json;
using Alchemiser.Core.Errors;

namespace Alchemiser.Core.Configuration;

/// <summary>
/// A stage manifest (<c>strategies/strategies.&lt;stage&gt;.json</c>): which strategy files run in a stage and how
/// much of the portfolio each one allocates. Shape:
/// <code>{"strategies": [{"file": "nuclear.clj", "weight": 0.3}, {"file": "klm.clj", "weight": 0.7}]}</code>
/// A loaded manifest is always valid: at least one entry; every file a plain <c>.clj</c> file name that exists
/// next to the manifest and is listed once (names compared ignoring case); every weight a decimal with
/// 0 &lt; w ≤ 1; the weights summing to exactly 1 in decimal arithmetic (no tolerance). Violations are
/// <see cref="ConfigurationException"/>s naming the manifest and the offending entry, with a remediation hint.
/// </summary>
public sealed record StrategyManifest
{
    /// <summary>The extension every strategy file must have.</summary>
    public const string StrategyFileExtension = ".clj";

    private const string ShapeHint =
        "The manifest must look like {\"strategies\": [{\"file\": \"nuclear.clj\", \"weight\": 0.5}, {\"file\": \"klm.clj\", \"weight\": 0.5}]}.";

    private StrategyManifest(string sourceName, string baseDirectory, IReadOnlyList<StrategyAllocation> strategies)
    {
        SourceName = sourceName;
        BaseDirectory = baseDirectory;
        Strategies = strategies;
    }

    /// <summary>The manifest's name as errors print it (the path given to <see cref="Load"/> or the name given to <see cref="Parse"/>).</summary>
    public string SourceName { get; }

    /// <summary>The directory the strategy files were resolved against (the manifest's own directory for <see cref="Load"/>).</summary>
    public string BaseDirectory { get; }

    /// <summary>The entries in manifest order; weights sum to exactly 1.</summary>
    public IReadOnlyList<StrategyAllocation> Strategies { get; }

    /// <summary>The manifest file name of a stage: <c>strategies.dev.json</c> for <c>dev</c>.</summary>
    /// <exception cref="ConfigurationException">The stage name is not lower-case letters, digits and dashes.</exception>
    public static string FileNameForStage(string stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Length == 0 || !stage.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || stage[0] == '-')
        {
            throw new ConfigurationException(
                string.Create(CultureInfo.InvariantCulture, $"invalid stage name '{stage}'"),
                "Use a lower-case stage name such as 'dev' or 'prod'.");
        }

        return "strategies." + stage + ".json";
    }

    /// <summary>Loads the manifest of <paramref name="stage"/> from <paramref name="strategiesDirectory"/> (see <see cref="FileNameForStage"/>).</summary>
    public static StrategyManifest LoadStage(string strategiesDirectory, string stage)
    {
        ArgumentNullException.ThrowIfNull(strategiesDirectory);
        return Load(Path.Combine(strategiesDirectory, FileNameForStage(stage)));
    }

    /// <summary>Reads and validates the manifest at <paramref name="path"/>; strategy files are resolved next to it.</summary>
    /// <exception cref="ConfigurationException">The file is missing, unreadable, not valid JSON or breaks a rule.</exception>
    public static StrategyManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new ConfigurationException("strategy manifest path is empty", "Pass the path of a strategies.<stage>.json file.");
        }

        if (!File.Exists(path))
        {
            throw new ConfigurationException(
                string.Create(CultureInfo.InvariantCulture, $"strategy manifest '{path}' not found"),
                "Check the stage name and the strategies directory; each stage needs a strategies.<stage>.json file. " + ShapeHint);
        }

        string json;
        try
        {
            json = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new ConfigurationException(
                string.Create(CultureInfo.InvariantCulture, $"strategy manifest '{path}' cannot be read: {ex.Message}"),
                "Make sure the file is readable UTF-8 text.",
                ex);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Path.GetFullPath(".");
        return Parse(json, path, directory);
    }

    /// <summary>
    /// Validates manifest text. <paramref name="sourceName"/> names the manifest in errors;
    /// <paramref name="directory"/> is where the strategy files must exist.
    /// </summary>
    /// <exception cref="ConfigurationException">The text is not valid JSON of the manifest shape or breaks a rule.</exception>
    public static StrategyManifest Parse(string json, string sourceName, string directory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(directory);

        StrategyManifestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, StrategyManifestJsonContext.Default.StrategyManifestDocument);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}")
                : string.Empty;
            throw Error(sourceName, $"is not a valid strategy manifest{where}: {ex.Message}", ShapeHint, ex);
        }

        if (document is null)
        {
            throw Error(sourceName, "is not a valid strategy manifest: the document is null", ShapeHint);
        }

        if (document.Strategies is null)
        {
            throw Error(sourceName, "has no \"strategies\" list", ShapeHint);
        }

        if (document.Strategies.Count == 0)
        {
            throw Error(sourceName, "lists no strategies; at least one is required", "Add at least one {\"file\": …, \"weight\": …} entry. " + ShapeHint);
        }

        var fullDirectory = Path.GetFullPath(directory);
        var allocations = new List<StrategyAllocation>(document.Strategies.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Strategies.Count; i++)
        {
            var number = i + 1;
            var entry = document.Strategies[i];
            if (entry is null)
            {
                throw Error(sourceName, Invariant($"entry #{number} is null"), "Each entry must be an object {\"file\": …, \"weight\": …}.");
            }

            if (string.IsNullOrWhiteSpace(entry.File))
            {
                throw Error(sourceName, Invariant($"entry #{number} has no \"file\""), "Give every entry the file name of a strategy next to the manifest, e.g. \"nuclear.clj\".");
            }

            var file = entry.File;
            var label = Invariant($"strategy '{file}' (entry #{number})");
            if (!IsPlainFileName(file))
            {
                throw Error(sourceName, label + " is not a plain file name",
                    "Strategy files live next to the manifest; write just the file name, without directories or surrounding spaces.");
            }

            if (!file.EndsWith(StrategyFileExtension, StringComparison.Ordinal) || file.Length == StrategyFileExtension.Length)
            {
                throw Error(sourceName, label + " is not a .clj file", "Strategy files are Composer-style symphonies named <name>.clj.");
            }

            if (entry.Weight is not { } weight)
            {
                throw Error(sourceName, label + " has no \"weight\"", "Give every entry a weight between 0 (exclusive) and 1; the weights must sum to 1.");
            }

            if (weight <= 0m)
            {
                throw Error(sourceName, label + " has weight " + Format(weight) + "; every weight must be greater than 0",
                    "Remove the entry to switch the strategy off, or give it a positive weight (and rebalance the others so the sum stays 1).");
            }

            if (weight > 1m)
            {
                throw Error(sourceName, label + " has weight " + Format(weight) + "; no weight can exceed 1",
                    "Weights are shares of the whole portfolio and must sum to 1.");
            }

            if (seen.TryGetValue(file, out var first))
            {
                throw Error(sourceName, Invariant($"strategy '{file}' is listed twice (entries #{first} and #{number})"),
                    "List each strategy file once (names are compared ignoring case) and merge the weights.");
            }

            seen.Add(file, number);
            var fullPath = Path.Combine(fullDirectory, file);
            if (!File.Exists(fullPath))
            {
                throw Error(sourceName, label + Invariant($" does not exist in {fullDirectory}"),
                    "Fix the file name (it is case-sensitive) or add the strategy file next to the manifest.");
            }

            allocations.Add(new StrategyAllocation(file, weight, fullPath));
        }

        var total = 0m;
        foreach (var allocation in allocations)
        {
            total += allocation.Weight;
        }

        if (total != 1m)
        {
            throw Error(sourceName, "weights sum to " + Format(total) + ", not 1",
                "Adjust the weights so they add up to exactly 1 (e.g. 0.3 + 0.3 + 0.4); no rounding tolerance is applied.");
        }

        return new StrategyManifest(sourceName, fullDirectory, allocations.AsReadOnly());
    }

    private static bool IsPlainFileName(string file)
    {
        if (file is "." or ".." || file.Trim().Length != file.Length)
        {
            return false;
        }

        if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        return file.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !file.Any(char.IsControl);
    }

    private static string Format(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static ConfigurationException Error(string sourceName, string problem, string hint, Exception? inner = null) =>
        new(sourceName + ": " + problem, hint, inner);
}
