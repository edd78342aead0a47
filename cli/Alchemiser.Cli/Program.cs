using System.CommandLine;

namespace Alchemiser.Cli;

/// <summary>The <c>alchemiser</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Alchemiser: multi-strategy quantitative trading on Alpaca.");
        return root.Parse(args).Invoke();
    }
}
