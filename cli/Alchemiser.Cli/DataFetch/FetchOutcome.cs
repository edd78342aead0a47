namespace Alchemiser.Cli.DataFetch;

/// <summary>What became of one symbol.</summary>
public enum FetchOutcomeKind
{
    /// <summary>The file already covered the range; nothing was asked.</summary>
    UpToDate,

    /// <summary>The whole range was fetched and written.</summary>
    Written,

    /// <summary>Newer bars were appended to the file.</summary>
    Appended,

    /// <summary>The file ends early but Alpaca has nothing newer.</summary>
    NothingNew,

    /// <summary>Alpaca has no bars of it in the range (unknown symbol, or none traded); nothing was written.</summary>
    Missing,
}

/// <summary>One symbol's result: what happened, how many bars the file gained or holds, and a note for people.</summary>
public sealed record FetchOutcome(string Symbol, FetchOutcomeKind Kind, int Bars, string Note);
