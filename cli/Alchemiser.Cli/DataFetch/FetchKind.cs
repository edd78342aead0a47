namespace Alchemiser.Cli.DataFetch;

/// <summary>What <c>data fetch</c> does for one symbol.</summary>
public enum FetchKind
{
    /// <summary>The stored file already covers the range: no request.</summary>
    UpToDate,

    /// <summary>Fetch the whole range and write the file anew (no file, an unreadable one, one that starts too late, or history Alpaca has re-adjusted).</summary>
    Full,

    /// <summary>Fetch from the file's last date (the overlap proves the stored history still matches) and append what is newer.</summary>
    Append,
}
