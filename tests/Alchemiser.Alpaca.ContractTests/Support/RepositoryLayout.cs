namespace Alchemiser.Alpaca.ContractTests.Support;

/// <summary>Finds the repository root (the folder holding Alchemiser.sln) from the test's output folder.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Alchemiser.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Alchemiser.sln not found above " + AppContext.BaseDirectory);
    }
}
