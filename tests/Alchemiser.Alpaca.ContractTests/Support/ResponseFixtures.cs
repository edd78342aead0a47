using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>
/// Response fixtures: JSON files named <c>&lt;operationId&gt;.json</c> or <c>&lt;operationId&gt;.&lt;variant&gt;.json</c>
/// in the Alpaca client's test fixtures (<c>tests/Alchemiser.Alpaca.Tests/Fixtures</c>) and in this project's own
/// (<c>tests/Alchemiser.Alpaca.ContractTests/Fixtures</c>), at any depth; a folder that does not exist yet holds none.
/// </summary>
internal static class ResponseFixtures
{
    /// <summary>The folders searched, relative to the repository root.</summary>
    public static IReadOnlyList<string> Folders { get; } =
    [
        Path.Combine("tests", "Alchemiser.Alpaca.Tests", "Fixtures"),
        Path.Combine("tests", "Alchemiser.Alpaca.ContractTests", "Fixtures"),
    ];

    /// <summary>Every fixture, as a path relative to the repository root, in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Folders
            .Select(folder => RepositoryLayout.PathOf(folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(RepositoryLayout.Root, file))
            .Order(StringComparer.Ordinal)];

    /// <summary>The operationId a fixture file is named for: its name up to the first dot.</summary>
    public static string OperationIdOf(string file)
    {
        var name = Path.GetFileName(file);
        return name[..name.IndexOf('.', StringComparison.Ordinal)];
    }

    /// <summary>
    /// Every problem of one fixture: a name that is no operationId of either document, an operation without a 2xx
    /// response, or a body that does not fit the operation's success response (its lowest 2xx status).
    /// </summary>
    public static IReadOnlyList<ContractProblem> Check(string file)
    {
        var operationId = OperationIdOf(file);
        if (AlpacaSpecs.Declaring(operationId) is not { } contract)
        {
            return [new ContractProblem(Path.GetFileName(file),
                $"'{operationId}' is not an operationId of {AlpacaContractFiles.Trading} or {AlpacaContractFiles.MarketData}; name fixtures <operationId>.json or <operationId>.<variant>.json")];
        }

        if (contract.SuccessStatus(operationId) is not { } status)
        {
            return [new ContractProblem(Path.GetFileName(file), $"{operationId} declares no 2xx response to check a fixture against")];
        }

        return contract.ValidateResponse(operationId, status, File.ReadAllText(file));
    }
}
