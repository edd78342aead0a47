namespace Alchemiser.Local.Tests;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder holding Alchemiser.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Strategies => Path.Combine(Root, "strategies");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alchemiser.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Alchemiser.sln not found above " + AppContext.BaseDirectory);
    }
}
