using Alchemiser.Core.Errors;
using Alchemiser.Dsl;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Cli;

/// <summary>Finds strategy files on disk and compiles them the way every command does.</summary>
public static class StrategyFiles
{
    /// <summary>Each path as given, or the <c>.clj</c> files of a folder in ordinal order.</summary>
    public static List<string> Expand(IEnumerable<string> paths, string pattern = "*.clj")
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new ConfigurationException($"no {pattern} files in folder '{path}'");
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new ConfigurationException($"no such file or folder: '{path}'", "check the path; folders are searched for *.clj files");
            }
        }

        return files;
    }

    /// <summary>Reads (UTF-8, BOM skipped), parses and validates; positions name the base file name.</summary>
    public static Symphony Compile(string path)
    {
        var text = SourceText.DecodeUtf8(File.ReadAllBytes(path), Path.GetFileName(path));
        return DslCompiler.Parse(text, Path.GetFileName(path));
    }

    /// <summary>The strategy id of a file: its name without extension.</summary>
    public static string IdOf(string path) => Path.GetFileNameWithoutExtension(path);
}
