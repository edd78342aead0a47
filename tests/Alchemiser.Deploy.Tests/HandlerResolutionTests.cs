using System.Reflection;
using System.Runtime.Loader;

namespace Alchemiser.Deploy.Tests;

/// <summary>
/// Every <c>Handler</c> of template.yaml names a public <c>Task&lt;Stream&gt; HandleAsync(Stream)</c> in the assembly
/// <c>make package</c> built for that function (ReadyToRun, linux-x64, in <c>artifacts/&lt;Function&gt;/</c>), and every
/// zipped artifact fits Lambda comfortably (≤ 15 MB). <c>make test</c> packages first.
/// </summary>
public sealed class HandlerResolutionTests
{
    /// <summary>The largest zipped artifact we accept.</summary>
    public const long MaxZippedBytes = 15L * 1024 * 1024;

    public static TheoryData<string> Functions => new() { "StrategyOrchestrator", "StrategyWorker", "SignalAggregator", "Portfolio", "Execution", "Notifications" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void The_handler_resolves_to_a_public_stream_method_in_the_packaged_assembly(string function)
    {
        var handler = SamTemplate.Repository.Properties(function).Scalar("Handler")!;
        var parts = handler.Split("::");
        Assert.True(parts.Length == 3, $"{function}'s handler '{handler}' is not Assembly::Type::Method");
        var (assemblyName, typeName, methodName) = (parts[0], parts[1], parts[2]);
        var path = RepositoryLayout.PathOf("artifacts", function, assemblyName + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing: run make package (make test does it first)");

        var context = new AssemblyLoadContext($"handler-{function}", isCollectible: true);
        context.Resolving += (ctx, name) =>
        {
            var dependency = Path.Combine(Path.GetDirectoryName(path)!, name.Name + ".dll");
            return File.Exists(dependency) ? ctx.LoadFromAssemblyPath(dependency) : null;
        };
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            var type = assembly.GetType(typeName);
            Assert.True(type is { IsPublic: true, IsClass: true }, $"{typeName} is not a public class in {assemblyName}.dll");
            var method = type!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static, [typeof(Stream)]);
            Assert.True(method is not null, $"{typeName} has no public {methodName}(Stream)");
            Assert.Equal(typeof(Task<Stream>), method!.ReturnType);
            Assert.True(
                method.IsStatic || type.GetConstructor(Type.EmptyTypes) is { IsPublic: true },
                $"{typeName} has no public parameterless constructor, which Lambda needs to create it");
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void The_zipped_artifact_is_at_most_15_MB(string function)
    {
        var zip = RepositoryLayout.PathOf("artifacts", function + ".zip");
        Assert.True(File.Exists(zip), $"{zip} is missing: run make package (make test does it first)");

        Assert.InRange(new FileInfo(zip).Length, 1, MaxZippedBytes);
    }

    [Theory]
    [InlineData("StrategyOrchestrator")]
    [InlineData("StrategyWorker")]
    public void The_functions_that_read_strategy_files_carry_every_one_of_them(string function)
    {
        var strategies = RepositoryLayout.PathOf("strategies");
        var packaged = RepositoryLayout.PathOf("artifacts", function, "strategies");
        var files = Directory.GetFiles(strategies, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var copy = Path.Combine(packaged, Path.GetRelativePath(strategies, file));
            Assert.True(File.Exists(copy), $"{copy} is missing: the function reads its strategies from strategies/ beside its assembly");
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        });
    }
}
