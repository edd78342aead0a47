namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// The dates a symbol's bars have been asked for, so a symbol listed after the range starts, or one with gaps at the
/// end of its history, is not asked for again: Alpaca has no bar of it from <see cref="From"/> up to the file's first
/// bar, nor between its last bar and <see cref="Through"/>.
/// </summary>
public sealed record FetchedRange(DateOnly? From, DateOnly Through);
