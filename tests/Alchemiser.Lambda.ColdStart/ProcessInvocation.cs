using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Alchemiser.Lambda.ColdStart;

/// <summary>
/// One invocation of a packaged function in a fresh process: what the host measured (since its process started: the
/// constructor done, the event handled), how long the emulated services it called were busy answering meanwhile, and
/// the wall time seen from outside.
/// </summary>
public sealed record ProcessInvocation(
    string Function, string DetailType, int InitMilliseconds, int HandledMilliseconds, int ServiceMilliseconds, int WallMilliseconds)
{
    /// <summary>The function's own share: start-up and handling, without the time the emulated services took to answer.</summary>
    public int OwnMilliseconds => HandledMilliseconds - ServiceMilliseconds;
}

/// <summary>
/// Invokes a packaged function in a new <c>Alchemiser.Lambda.FunctionHost</c> process per event — every invocation a
/// cold start — with the stack's environment, and records the host's timing line.
/// </summary>
public sealed partial class ProcessInvoker(
    string hostDll, string artifactsFolder, IReadOnlyDictionary<string, string> environment, string workFolder, UpstreamIntervals services)
{
    public List<ProcessInvocation> Invocations { get; } = [];

    /// <summary>What each invocation logged (its standard output), in order.</summary>
    public List<(string Function, string Lines)> Logs { get; } = [];

    public Func<Stream, Task<Stream>> For(string function, string handler) => input => InvokeAsync(function, handler, input);

    private async Task<Stream> InvokeAsync(string function, string handler, Stream input)
    {
        var eventFile = Path.Combine(workFolder, $"{function}-{Invocations.Count}.json");
        await using (var file = File.Create(eventFile))
        {
            await input.CopyToAsync(file);
        }

        var responseFile = Path.ChangeExtension(eventFile, ".response.json");
        var start = new ProcessStartInfo("dotnet", [hostDll, Path.Combine(artifactsFolder, function), handler, eventFile, responseFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var launched = Stopwatch.GetTimestamp();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var logs = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = (int)watch.ElapsedMilliseconds;
        var errors = await stderr;
        Logs.Add((function, await logs));
        var timing = Timing().Match(errors);
        if (process.ExitCode != 0 || !timing.Success)
        {
            throw new InvalidOperationException($"{function} failed (exit {process.ExitCode}):{Environment.NewLine}{errors}");
        }

        var detailType = DetailType().Match(File.ReadAllText(eventFile)) is { Success: true } m ? m.Groups[1].Value : "schedule";
        Invocations.Add(new ProcessInvocation(
            function,
            detailType,
            int.Parse(timing.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(timing.Groups[2].Value, CultureInfo.InvariantCulture),
            (int)services.Busy(launched, Stopwatch.GetTimestamp()).TotalMilliseconds,
            wall));
        return new MemoryStream(File.ReadAllBytes(responseFile));
    }

    [GeneratedRegex(@"cold-start init_ms=(\d+) handled_ms=(\d+)")]
    private static partial Regex Timing();

    [GeneratedRegex(@"\\?""detail-type\\?""\s*:\s*\\?""([A-Za-z]+)")]
    private static partial Regex DetailType();
}
