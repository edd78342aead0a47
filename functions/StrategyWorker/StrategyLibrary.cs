using System.Collections.Concurrent;
using Alchemiser.Core.Errors;
using Alchemiser.Dsl;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.StrategyWorker;

/// <summary>
/// The strategy files a worker can evaluate: one folder (packaged with the function in AWS, <c>strategies/</c>
/// locally), each file compiled once per process and recompiled when it changes.
/// </summary>
public sealed class StrategyLibrary(string directory)
{
    private readonly ConcurrentDictionary<string, (DateTime Modified, Symphony Symphony)> _compiled = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    /// <summary>The compiled file; <see cref="DslException"/> for a file that does not parse or validate.</summary>
    public Symphony Get(string file)
    {
        if (file.Length == 0 || file.IndexOfAny(['/', '\\']) >= 0 || file.StartsWith('.'))
        {
            throw new ConfigurationException($"strategy file '{file}' must be a plain file name in the strategies folder");
        }

        var path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"strategy file '{file}' not found in {Directory}", "deploy the file with the function, or fix the stage manifest");
        }

        var modified = File.GetLastWriteTimeUtc(path);
        if (_compiled.TryGetValue(file, out var entry) && entry.Modified == modified)
        {
            return entry.Symphony;
        }

        var symphony = DslCompiler.Parse(SourceText.DecodeUtf8(File.ReadAllBytes(path), file), file);
        _compiled[file] = (modified, symphony);
        return symphony;
    }
}
