using System.Reflection;
using System.Runtime.Loader;

namespace Alchemiser.Lambda.FunctionHost;

/// <summary>
/// A handler string (<c>Assembly::Namespace.Type::Method</c>) resolved in a published artifact folder: the assembly
/// and its dependencies load from that folder through the artifact's deps.json (ReadyToRun code included), the class
/// is created with its public parameterless constructor — as Lambda's runtime does at init.
/// </summary>
internal sealed class PackagedHandler
{
    private readonly object _instance;
    private readonly MethodInfo _method;

    private PackagedHandler(object instance, MethodInfo method)
    {
        _instance = instance;
        _method = method;
    }

    public static PackagedHandler Load(string artifactFolder, string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"handler '{handler}' is not Assembly::Type::Method");
        }

        var assemblyPath = Path.GetFullPath(Path.Combine(artifactFolder, parts[0] + ".dll"));
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"{assemblyPath} does not exist: run make package", assemblyPath);
        }

        var context = new ArtifactLoadContext(assemblyPath);
        var type = context.LoadFromAssemblyPath(assemblyPath).GetType(parts[1], throwOnError: true)!;
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])
            ?? throw new InvalidOperationException($"{parts[1]} has no public instance {parts[2]}(Stream)");
        return new PackagedHandler(Activator.CreateInstance(type)!, method);
    }

    public Task<Stream> InvokeAsync(Stream input) => (Task<Stream>)_method.Invoke(_instance, [input])!;

    /// <summary>Resolves the function's own dependencies from its folder; the framework comes from the shared runtime.</summary>
    private sealed class ArtifactLoadContext(string mainAssembly) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssembly))
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
