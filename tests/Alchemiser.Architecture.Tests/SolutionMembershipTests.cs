namespace Alchemiser.Architecture.Tests;

/// <summary>
/// Every project in the repository is in Alchemiser.sln: `make test` and CI run `dotnet test Alchemiser.sln`, so a
/// test project left out of the solution (a new contract or integration test suite, say) would never run.
/// </summary>
public class SolutionMembershipTests
{
    [Fact]
    public void Every_project_is_in_the_solution_so_the_test_command_builds_and_runs_it()
    {
        var inSolution = File.ReadLines(RepositoryLayout.PathOf("Alchemiser.sln"))
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal))
            .Select(line => line.Split('"')[5].Replace('\\', '/'))
            .Where(path => path.EndsWith(".csproj", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var project in Directory.GetFiles(RepositoryLayout.Root, "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryLayout.Root, project).Replace('\\', '/');
            Assert.True(inSolution.Contains(relative), $"{relative} is not in Alchemiser.sln: add it with 'dotnet sln add {relative}'");
        }
    }
}
