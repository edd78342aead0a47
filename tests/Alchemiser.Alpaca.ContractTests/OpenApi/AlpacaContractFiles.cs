namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// Finds the folder holding Alpaca's OpenAPI files (<c>trading-api.json</c>, <c>market-data-api.json</c>). They live
/// outside the repository, at <c>&lt;repo&gt;/../shared/contracts/alpaca</c>; <c>ALPACA_CONTRACTS_DIR</c> names
/// the folder explicitly (a CI clone elsewhere), otherwise every folder above the test's output folder is tried for a
/// <c>shared/contracts/alpaca</c> below it.
/// </summary>
public static class AlpacaContractFiles
{
    /// <summary>The environment variable that names the folder explicitly.</summary>
    public const string DirectoryVariable = "ALPACA_CONTRACTS_DIR";

    /// <summary>The trading API file name.</summary>
    public const string Trading = "trading-api.json";

    /// <summary>The market data API file name.</summary>
    public const string MarketData = "market-data-api.json";

    private static readonly Lazy<string> Located = new(() => Locate(Environment.GetEnvironmentVariable(DirectoryVariable), AppContext.BaseDirectory));

    /// <summary>The folder, found once per test run; throws with what was searched and how to fix it when it is missing.</summary>
    public static string Directory => Located.Value;

    /// <summary>
    /// The folder named by <paramref name="explicitDirectory"/> (when set it must hold both files), else the first
    /// <c>shared/contracts/alpaca</c> holding them below <paramref name="start"/> or one of its parents.
    /// </summary>
    public static string Locate(string? explicitDirectory, string start)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            var full = Path.GetFullPath(explicitDirectory);
            return HoldsBoth(full)
                ? full
                : throw new DirectoryNotFoundException(
                    $"{DirectoryVariable} is set to '{explicitDirectory}', but that folder does not hold both {Trading} and {MarketData}.");
        }

        var searched = new List<string>();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "contracts", "alpaca");
            searched.Add(candidate);
            if (HoldsBoth(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Alpaca's OpenAPI files ({Trading}, {MarketData}) were not found. They belong in <repo>/shared/contracts/alpaca (restore them with git); "
            + $"or set {DirectoryVariable} to the folder holding them. Searched: {string.Join(", ", searched)}");
    }

    private static bool HoldsBoth(string folder) =>
        File.Exists(Path.Combine(folder, Trading)) && File.Exists(Path.Combine(folder, MarketData));
}
