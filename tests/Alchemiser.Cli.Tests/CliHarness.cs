using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Alchemiser.Cli.Tests;

/// <summary>Runs the CLI in-process (or as a real process) and captures what a user would see.</summary>
internal static class CliHarness
{
    public static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var stderr = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs in-process with <paramref name="environment"/> as the whole environment the CLI sees (nothing of the test process's).</summary>
    public static CliRun Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var stderr = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var code = CliApp.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The built CLI as a separate process, with extra environment variables.</summary>
    public static CliRun RunProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alchemiser.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout, stderrTask.Result);
    }

    /// <summary>The repository root (holding Alchemiser.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Alchemiser.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;
}

/// <summary>A temporary folder deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("alchemiser-cli-test-").FullName;

    public string Path { get; }

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>The price fixtures of DSL.md §12 as a CSV price folder.</summary>
internal static class SpecPriceFolder
{
    private static readonly string[] Dates =
        ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12", "2024-01-16"];

    public const string Demo = """
        (defsymphony "Demo" {:asset-class "EQUITIES" :rebalance-frequency :daily}
          (weight-specified
            0.6 (if (> (rsi "AAA" {:window 3}) 80)
                  [(asset "BBB")]
                  [(asset "AAA")])
            0.4 (filter (rsi {:window 5}) (select-top 1)
                  [(asset "AAA") (asset "BBB") (asset "CCC")])))
        """;

    public static string Create(TempFolder folder)
    {
        Write(folder, "AAA", Dates.Zip([100m, 102, 101, 105, 103, 108, 107, 110, 109, 112]));
        Write(folder, "BBB", Dates.Zip([50m, 49, 51, 48, 47, 49, 46, 45, 47, 43]));
        Write(folder, "CCC", [("2024-01-11", 10m), ("2024-01-12", 11m), ("2024-01-16", 10.5m)]);
        return System.IO.Path.Combine(folder.Path, "prices");
    }

    private static void Write(TempFolder folder, string symbol, IEnumerable<(string Date, decimal Close)> bars)
    {
        var sb = new StringBuilder("date,open,high,low,close,volume\n");
        foreach (var (date, close) in bars)
        {
            var c = close.ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{date},{c},{c},{c},{c},1000\n");
        }

        folder.File($"prices/{symbol}.csv", sb.ToString());
    }
}
