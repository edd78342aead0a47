using System.Xml.Linq;

namespace Alchemiser.Architecture.Tests;

/// <summary>The dependency rules of ARCHITECTURE.md §3, read from the project files themselves.</summary>
public class DependencyRulesTests
{
    private static readonly string[] ForbiddenInPureProjects = ["AWSSDK", "Microsoft.Data.Sqlite", "Polly", "System.Net.Http", "Spectre", "System.CommandLine"];

    public static TheoryData<string> FunctionProjects() => new(FunctionProjectPaths());

    private static IEnumerable<string> FunctionProjectPaths() =>
        Directory.GetFiles(RepositoryLayout.PathOf("functions"), "*.csproj", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryLayout.Root, file));

    [Fact]
    public void There_are_six_function_projects()
    {
        var names = FunctionProjectPaths().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["Alchemiser.Execution", "Alchemiser.Notifications", "Alchemiser.Portfolio", "Alchemiser.SignalAggregator", "Alchemiser.StrategyOrchestrator", "Alchemiser.StrategyWorker"],
            names);
    }

    [Theory]
    [MemberData(nameof(FunctionProjects))]
    public void A_function_references_only_shared_projects(string project)
    {
        foreach (var reference in ProjectReferences(project))
        {
            var full = Path.GetFullPath(Path.Combine(RepositoryLayout.Root, Path.GetDirectoryName(project)!, reference));
            var relative = Path.GetRelativePath(RepositoryLayout.Root, full).Replace('\\', '/');
            Assert.True(relative.StartsWith("shared/", StringComparison.Ordinal), $"{project} references {relative}, which is not under shared/");
        }
    }

    [Theory]
    [InlineData("shared/Alchemiser.Core/Alchemiser.Core.csproj")]
    [InlineData("shared/Alchemiser.Dsl/Alchemiser.Dsl.csproj")]
    public void Core_and_Dsl_reference_no_aws_http_or_storage_package(string project)
    {
        foreach (var package in PackageReferences(project))
        {
            Assert.DoesNotContain(ForbiddenInPureProjects, forbidden => package.StartsWith(forbidden, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Core_references_no_other_project()
    {
        Assert.Empty(ProjectReferences("shared/Alchemiser.Core/Alchemiser.Core.csproj"));
    }

    [Fact]
    public void Dsl_references_only_core()
    {
        Assert.Equal(["../Alchemiser.Core/Alchemiser.Core.csproj"], ProjectReferences("shared/Alchemiser.Dsl/Alchemiser.Dsl.csproj"));
    }

    [Fact]
    public void The_aws_adapters_reference_only_core()
    {
        Assert.Equal(["../Alchemiser.Core/Alchemiser.Core.csproj"], ProjectReferences("shared/Alchemiser.Aws/Alchemiser.Aws.csproj"));
    }

    [Fact]
    public void The_alpaca_client_references_only_core_and_polly_core()
    {
        Assert.Equal(["../Alchemiser.Core/Alchemiser.Core.csproj"], ProjectReferences("shared/Alchemiser.Alpaca/Alchemiser.Alpaca.csproj"));
        Assert.Equal(["Polly.Core"], PackageReferences("shared/Alchemiser.Alpaca/Alchemiser.Alpaca.csproj"));
    }

    [Fact]
    public void The_lambda_composition_root_references_core_and_the_two_adapter_libraries_only()
    {
        Assert.Equal(
            ["../Alchemiser.Alpaca/Alchemiser.Alpaca.csproj", "../Alchemiser.Aws/Alchemiser.Aws.csproj", "../Alchemiser.Core/Alchemiser.Core.csproj"],
            ProjectReferences("shared/Alchemiser.Lambda/Alchemiser.Lambda.csproj").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("shared/Alchemiser.Core/Alchemiser.Core.csproj")]
    [InlineData("shared/Alchemiser.Dsl/Alchemiser.Dsl.csproj")]
    [InlineData("shared/Alchemiser.Aws/Alchemiser.Aws.csproj")]
    public void Core_and_the_other_shared_libraries_do_not_reference_the_alpaca_client(string project)
    {
        Assert.DoesNotContain(ProjectReferences(project), reference => reference.Contains("Alchemiser.Alpaca", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_local_host_references_functions_and_no_shared_project_references_the_cli()
    {
        foreach (var project in Directory.GetFiles(RepositoryLayout.PathOf("shared"), "*.csproj", SearchOption.AllDirectories))
        {
            var isLocalHost = Path.GetFileName(project) == "Alchemiser.Local.csproj";
            foreach (var reference in ProjectReferences(Path.GetRelativePath(RepositoryLayout.Root, project)))
            {
                if (!isLocalHost)
                {
                    Assert.DoesNotContain("functions/", reference, StringComparison.Ordinal);
                }

                Assert.DoesNotContain("cli/", reference, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void No_shipped_project_references_a_project_under_tests()
    {
        var shipped = new[] { "shared", "functions", "cli" }
            .SelectMany(folder => Directory.GetFiles(RepositoryLayout.PathOf(folder), "*.csproj", SearchOption.AllDirectories));
        foreach (var project in shipped)
        {
            foreach (var reference in ProjectReferences(Path.GetRelativePath(RepositoryLayout.Root, project)))
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference));
                var relative = Path.GetRelativePath(RepositoryLayout.Root, full).Replace('\\', '/');
                Assert.False(relative.StartsWith("tests/", StringComparison.Ordinal), $"{project} references the test project {relative}");
            }
        }
    }

    [Fact]
    public void Package_versions_are_pinned_centrally()
    {
        foreach (var project in Directory.GetFiles(RepositoryLayout.Root, "*.csproj", SearchOption.AllDirectories))
        {
            var doc = XDocument.Load(project);
            foreach (var package in doc.Descendants("PackageReference"))
            {
                Assert.Null(package.Attribute("Version"));
            }
        }
    }

    private static List<string> ProjectReferences(string project) =>
        XDocument.Load(RepositoryLayout.PathOf(project)).Descendants("ProjectReference")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', '/'))
            .ToList();

    private static List<string> PackageReferences(string project) =>
        XDocument.Load(RepositoryLayout.PathOf(project)).Descendants("PackageReference")
            .Select(e => e.Attribute("Include")!.Value)
            .ToList();
}
