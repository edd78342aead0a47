using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary>Locating Alpaca's OpenAPI files: the explicit folder, the walk up from the test's output folder, and the message when neither finds them.</summary>
public sealed class AlpacaContractFilesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("alpaca-contracts-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_files_are_found_beside_the_repository_by_walking_up()
    {
        var contracts = Contracts(Path.Combine(_root.FullName, "shared", "contracts", "alpaca"));
        var output = Directory.CreateDirectory(Path.Combine(_root.FullName, "main", "tests", "Some.Tests", "bin", "Release", "net10.0"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "main", "shared", "Alchemiser.Core"));

        Assert.Equal(contracts, AlpacaContractFiles.Locate(null, output.FullName));
    }

    [Fact]
    public void The_environment_variable_wins_over_the_walk()
    {
        var named = Contracts(Path.Combine(_root.FullName, "elsewhere"));
        Contracts(Path.Combine(_root.FullName, "shared", "contracts", "alpaca"));

        Assert.Equal(named, AlpacaContractFiles.Locate(named, _root.FullName));
    }

    [Fact]
    public void A_variable_naming_a_folder_without_both_files_fails_clearly()
    {
        var half = Directory.CreateDirectory(Path.Combine(_root.FullName, "half"));
        File.WriteAllText(Path.Combine(half.FullName, AlpacaContractFiles.Trading), "{}");

        var error = Assert.Throws<DirectoryNotFoundException>(() => AlpacaContractFiles.Locate(half.FullName, _root.FullName));

        Assert.Contains(AlpacaContractFiles.DirectoryVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(AlpacaContractFiles.MarketData, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nowhere_to_be_found_fails_with_how_to_fix_it()
    {
        var start = Directory.CreateDirectory(Path.Combine(_root.FullName, "a", "b"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => AlpacaContractFiles.Locate(" ", start.FullName));

        Assert.Contains("set ALPACA_CONTRACTS_DIR", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(start.FullName, "shared", "contracts", "alpaca"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_folder_this_run_uses_holds_the_two_documents()
    {
        Assert.True(File.Exists(Path.Combine(AlpacaContractFiles.Directory, AlpacaContractFiles.Trading)));
        Assert.True(File.Exists(Path.Combine(AlpacaContractFiles.Directory, AlpacaContractFiles.MarketData)));
    }

    private static string Contracts(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, AlpacaContractFiles.Trading), "{}");
        File.WriteAllText(Path.Combine(folder, AlpacaContractFiles.MarketData), "{}");
        return folder;
    }
}
