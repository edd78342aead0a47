using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Alpaca;

/// <summary>
/// The OpenAPI files the contract tests read are Alpaca's, unmodified: the repository keeps a copy (so a clean clone's
/// CI has them) whose bytes must match the sha256 its README records for the upstream commit.
/// </summary>
public sealed class SpecFileIntegrityTests
{
    [Theory]
    [InlineData("trading-api.json")]
    [InlineData("market-data-api.json")]
    public void The_spec_file_is_byte_for_byte_the_upstream_one_its_readme_names(string file)
    {
        var folder = AlpacaContractFiles.Directory;
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        var recorded = RecordedHash(Regex.Escape(file)).Match(readme);
        Assert.True(recorded.Success, $"README.md in {folder} records no sha256 for {file}");

        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));

        Assert.Equal(recorded.Groups[1].Value, actual);
    }

    private static Regex RecordedHash(string escapedFile) =>
        new(escapedFile + @"[^`]*sha256 `([0-9a-f]{64})`", RegexOptions.CultureInvariant);
}
