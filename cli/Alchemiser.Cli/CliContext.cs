using Spectre.Console;

namespace Alchemiser.Cli;

/// <summary>
/// Where a command writes: <see cref="Out"/> for machine-readable text (JSON), <see cref="Ui"/> for tables and
/// progress, <see cref="ErrorUi"/> for errors. Tests pass string writers and read what a user would see.
/// Settings such as the Alpaca keys are read through <see cref="Environment"/>: the process environment, or what a
/// test passes instead.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        Out = stdout;
        Err = stderr;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        Ui = Create(stdout, interactive);
        ErrorUi = Create(stderr, interactive && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        Interactive = interactive;
    }

    public TextWriter Out { get; }

    /// <summary>Reads one environment variable (null when unset).</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>An environment variable's value, or null when it is unset or blank.</summary>
    public string? Setting(string name) => Environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public TextWriter Err { get; }

    public IAnsiConsole Ui { get; }

    public IAnsiConsole ErrorUi { get; }

    /// <summary>True when stdout is a terminal: progress bars and colours are shown.</summary>
    public bool Interactive { get; }

    /// <summary>A red one-line error on stderr (markup-safe).</summary>
    public void Error(string message, string? hint = null)
    {
        ErrorUi.MarkupLine("[red]error:[/] " + Markup.Escape(message));
        if (!string.IsNullOrEmpty(hint))
        {
            ErrorUi.MarkupLine("[grey]hint:[/] " + Markup.Escape(hint));
        }
    }

    /// <summary>Width for output that is not a terminal (files, pipes, tests): wide enough that nothing wraps mid-value.</summary>
    private const int RedirectedWidth = 240;

    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
