using Alchemiser.Alpaca.ContractTests.OpenApi;

namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>Assertions over contract problems whose failure messages list the problems found.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts there is a problem whose message contains <paramref name="fragment"/> (at <paramref name="location"/> when given).</summary>
    public static void Has(IReadOnlyList<ContractProblem> problems, string fragment, string? location = null)
    {
        Assert.True(
            problems.Any(p => p.Message.Contains(fragment, StringComparison.Ordinal) && (location is null || p.Location == location)),
            $"expected a problem containing '{fragment}'{(location is null ? string.Empty : $" at '{location}'")}, got: [{string.Join(" | ", problems)}]");
    }

    /// <summary>Asserts there are no problems.</summary>
    public static void None(IReadOnlyList<ContractProblem> problems)
    {
        Assert.True(problems.Count == 0, "expected no problems, got: " + string.Join(" | ", problems));
    }
}
