namespace Alchemiser.Cli.DataFetch;

/// <summary>How far a fetch is: symbols finished out of all, and what is being asked for now.</summary>
public sealed record FetchProgress(int Done, int Total, string Current);
