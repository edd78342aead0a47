namespace Alchemiser.Lambda.IntegrationTests.Support;

/// <summary>The repository's own files: template.yaml and the strategies folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Template => Path.Combine(Root, "template.yaml");

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
