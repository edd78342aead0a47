using Alchemiser.Core.MarketData;

namespace Alchemiser.Cli.DataFetch;

/// <summary>Where <c>data fetch</c> writes: a local price folder or the S3 datalake, in the same CSV format.</summary>
public interface IFetchTarget
{
    /// <summary>The target as the user named it (<c>.local/prices</c>, <c>s3://bucket/prefix</c>).</summary>
    string Display { get; }

    /// <summary>The stored series of those of <paramref name="symbols"/> that have a file.</summary>
    Task<IReadOnlyDictionary<string, StoredSeries>> ReadAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="symbol"/>'s file as a whole: a reader sees the old file or the new one, never part of one.</summary>
    Task WriteAsync(string symbol, IReadOnlyList<DailyBar> bars, CancellationToken cancellationToken);

    /// <summary>The <see cref="FetchState"/> text; null when there is none.</summary>
    Task<string?> ReadStateAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the <see cref="FetchState"/> text as a whole.</summary>
    Task WriteStateAsync(string json, CancellationToken cancellationToken);
}
