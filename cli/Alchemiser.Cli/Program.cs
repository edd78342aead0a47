namespace Alchemiser.Cli;

/// <summary>The <c>alchemiser</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
