namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// What the last fetch of a symbol asked for and what the file held afterwards, so that a symbol listed after the range
/// starts, or one with no bar at the end of the range (a gap on the feed, a delisting), is not asked for again: Alpaca
/// had no bar from <see cref="From"/> up to <see cref="FirstBar"/>, nor after <see cref="LastBar"/> up to
/// <see cref="Through"/>. It only counts while the file still starts at <see cref="FirstBar"/> and ends at
/// <see cref="LastBar"/>: a file cut short or replaced since is planned from what it holds.
/// </summary>
/// <param name="From">The first date asked for, when the whole history was fetched; null when only the end was.</param>
/// <param name="FirstBar">The file's first bar then.</param>
/// <param name="Through">The last date asked for.</param>
/// <param name="LastBar">The file's last bar then.</param>
public sealed record FetchedRange(DateOnly? From, DateOnly FirstBar, DateOnly Through, DateOnly LastBar);
